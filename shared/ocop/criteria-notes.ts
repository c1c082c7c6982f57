import { foldForSearch } from '../text/normalize';
import type { CriteriaRule, Criterion, CriteriaSet, LevelRef, RulePattern } from './criteria-set';

/**
 * Reads the RULES that the verbatim notes of a criteria set state ("Bị loại nếu …", "… sẽ không
 * đánh giá các bước tiếp theo", "Chỉ áp dụng khi …", "Lựa chọn một trong hai trường hợp") into
 * structured rules the scoring screen can act on.
 *
 * Each pattern is explicit and tested (criteria-notes.test.ts). A note that mentions a rule word
 * (loại, không đánh giá, không xem xét, áp dụng, trường hợp, bắt buộc) but matches no pattern is
 * returned as `unclassified`: it stays a plain note and the build script lists it for a person to
 * read — it is never guessed into a rule. Notes without rule words are explanations ("Yêu cầu: …",
 * "(Gồm: …)") and produce nothing.
 */

type RuleDraft = DistributiveOmit<CriteriaRule, 'id'>;
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

export interface NoteReading {
  /** null when the note is an explanation without rule words. */
  rule: RuleDraft | null;
  /** Set when the note has rule words but no pattern recognises it. */
  unclassified: string | null;
}

export interface UnclassifiedNote {
  criterionCode: string | null;
  text: string;
  reason: string;
}

/** Words that signal a rule; a note holding one must match a pattern or be listed. Folded (no accents). */
const RULE_SIGNALS = ['bi loai', 'loai bo', 'khong danh gia', 'khong xem xet', 'ap dung', 'truong hop', 'bat buoc'];

/** "Ghi chú: …", "Chú ý: …", "Lưu ý: …" carry no meaning for the rule itself. */
const LABEL = /^(?:Ghi chú|Chú ý|Lưu ý)\s*:\s*/iu;

/** Drops trailing spaces, commas and one full stop, but keeps an ellipsis ("nhựa ..." means "and so on"). */
const tidyEnd = (s: string): string =>
  s
    .replace(/[\s,;:]+$/u, '')
    .replace(/(?<!\.)\.$/u, '')
    .trim();

/** Drops an unbalanced trailing ")" (the source closes a parenthesis it never opened). */
function stripUnbalancedParen(s: string): string {
  const open = (s.match(/\(/g) ?? []).length;
  const close = (s.match(/\)/g) ?? []).length;
  return close > open && s.trimEnd().endsWith(')') ? s.trimEnd().slice(0, -1) : s;
}

interface Pattern {
  id: RulePattern;
  re: RegExp;
  build: (m: RegExpMatchArray, c: CriterionContext) => RuleDraft | string;
}

/** What a pattern may need about the criterion the note sits under. */
export interface CriterionContext {
  code: string | null;
  criterion: Criterion | null;
  /** The scored criteria of the same group up to and including this one ("các chỉ tiêu trên"). */
  criteriaAbove: Criterion[];
}

const cond = (s: string): string => tidyEnd(s.replace(/\s+/gu, ' '));

const PATTERNS: Pattern[] = [
  {
    id: 'ho-so-bi-loai-khi',
    // Set 19 prints "Bị loại khi: …" without "Hồ sơ".
    re: /^(?:Hồ sơ\s+)?bị loại khi\s*:\s*(.+)$/isu,
    build: (m) => ({
      kind: 'disqualify',
      criterionCode: null,
      condition: cond(m[1]!),
      sourceText: '',
      pattern: 'ho-so-bi-loai-khi',
    }),
  },
  {
    id: 'bi-loai-neu',
    re: /^Bị loại nếu\s+(.+)$/isu,
    build: (m, c) => ({
      kind: 'disqualify',
      criterionCode: c.code,
      condition: cond(m[1]!),
      sourceText: '',
      pattern: 'bi-loai-neu',
    }),
  },
  {
    id: 'neu-thi-se-bi-loai-bo',
    re: /^Nếu\s+(.+?)\s*,?\s*sẽ bị loại(?: bỏ)?[\s.]*$/isu,
    build: (m, c) => ({
      kind: 'disqualify',
      criterionCode: c.code,
      condition: cond(m[1]!),
      sourceText: '',
      pattern: 'neu-thi-se-bi-loai-bo',
    }),
  },
  {
    id: 'khong-danh-gia-nhung-san-pham',
    // "Không đánh giá những sản phẩm có tính phổ biến …": such products are not evaluated at all.
    re: /^Không đánh giá những\s+(sản phẩm\s+.+)$/isu,
    build: (m, c) => ({
      kind: 'disqualify',
      criterionCode: c.code,
      condition: cond(m[1]!),
      sourceText: '',
      pattern: 'khong-danh-gia-nhung-san-pham',
    }),
  },
  {
    id: 'neu-0-diem-chi-tieu-tren',
    re: /^Nếu được 0 điểm tại một trong các chỉ tiêu trên\s*,?\s*sẽ không đánh giá các bước tiếp theo[\s.]*$/isu,
    build: (_m, c) => {
      const levels: LevelRef[] = c.criteriaAbove.flatMap((cr) =>
        cr.levels.flatMap((l, levelIndex) => (l.points === 0 ? [{ criterionCode: cr.code, levelIndex }] : [])),
      );
      if (levels.length === 0)
        return 'the note points at 0-point levels of the criteria above, but none of them has a 0-point level';
      return {
        kind: 'stop',
        criterionCode: c.code ?? '',
        trigger: { type: 'levels', levels },
        skip: 'following',
        sourceText: '',
        pattern: 'neu-0-diem-chi-tieu-tren',
      };
    },
  },
  {
    id: 'neu-thi-khong-danh-gia-buoc-tiep-theo',
    re: /^Nếu\s+(.+?)\s*,?\s*sẽ không đánh giá các bước tiếp theo[\s.)]*$/isu,
    build: (m, c) => ({
      kind: 'stop',
      criterionCode: c.code ?? '',
      trigger: { type: 'condition', condition: cond(m[1]!) },
      skip: 'following',
      sourceText: '',
      pattern: 'neu-thi-khong-danh-gia-buoc-tiep-theo',
    }),
  },
  {
    id: 'khong-danh-gia-buoc-tiep-theo-neu',
    re: /^Không đánh giá các bước tiếp theo nếu\s+(.+)$/isu,
    build: (m, c) => ({
      kind: 'stop',
      criterionCode: c.code ?? '',
      trigger: { type: 'condition', condition: cond(m[1]!) },
      skip: 'following',
      sourceText: '',
      pattern: 'khong-danh-gia-buoc-tiep-theo-neu',
    }),
  },
  {
    id: 'khong-xem-xet-chi-tieu-khac-neu',
    re: /^Không xem xét các chỉ tiêu khác nếu\s+(.+)$/isu,
    build: (m, c) => ({
      kind: 'stop',
      criterionCode: c.code ?? '',
      trigger: { type: 'condition', condition: cond(m[1]!) },
      skip: 'others',
      sourceText: '',
      pattern: 'khong-xem-xet-chi-tieu-khac-neu',
    }),
  },
  {
    id: 'chi-ap-dung-khi',
    re: /^Chỉ áp dụng khi\s+(.+)$/isu,
    build: (m, c) => ({
      kind: 'conditional',
      criterionCode: c.code ?? '',
      condition: cond(m[1]!),
      whenNotMet: 'skip',
      sourceText: '',
      pattern: 'chi-ap-dung-khi',
    }),
  },
  {
    id: 'mot-trong-hai-truong-hop',
    re: /^Lựa chọn một trong (?:hai|02) trường hợp(?: sau)?\s*:?\s*$/isu,
    build: (_m, c) => {
      const cases = c.criterion?.cases;
      if (!cases || cases.length < 2) return 'the note asks to choose one of two cases, but the criterion lists no cases';
      return {
        kind: 'caseChoice',
        criterionCode: c.code ?? '',
        cases: [...cases],
        sourceText: '',
        pattern: 'mot-trong-hai-truong-hop',
      };
    },
  },
];

/** Reads one note. `ctx.code` is null for the set-level "Hồ sơ bị loại khi" paragraph. */
export function readNote(text: string, ctx: CriterionContext): NoteReading {
  const body = stripUnbalancedParen(text.normalize('NFC').trim()).replace(LABEL, '').trim();
  for (const p of PATTERNS) {
    const m = body.match(p.re);
    if (!m) continue;
    if (ctx.code === null && p.id !== 'ho-so-bi-loai-khi') continue;
    if (ctx.code !== null && p.id === 'ho-so-bi-loai-khi') continue;
    const built = p.build(m, ctx);
    if (typeof built === 'string') return { rule: null, unclassified: built };
    return { rule: { ...built, sourceText: text.trim() }, unclassified: null };
  }
  const folded = foldForSearch(body);
  const signal = RULE_SIGNALS.find((w) => folded.includes(w));
  return signal
    ? { rule: null, unclassified: `mentions "${signal}" but matches no rule pattern` }
    : { rule: null, unclassified: null };
}

/**
 * All rules of a set, read from its disqualifiers, criterion notes and level notes, with stable
 * ids `<kind>:<code|set>:<n>` in form order; plus the notes that could not be classified.
 */
export function extractRules(set: Pick<CriteriaSet, 'disqualifiers' | 'parts'>): {
  rules: CriteriaRule[];
  unclassified: UnclassifiedNote[];
} {
  const drafts: RuleDraft[] = [];
  const unclassified: UnclassifiedNote[] = [];
  const take = (text: string, ctx: CriterionContext) => {
    const r = readNote(text, ctx);
    if (r.rule) drafts.push(r.rule);
    if (r.unclassified) unclassified.push({ criterionCode: ctx.code, text, reason: r.unclassified });
  };
  for (const d of set.disqualifiers) take(d, { code: null, criterion: null, criteriaAbove: [] });
  for (const part of set.parts)
    for (const group of part.groups)
      group.criteria.forEach((criterion, i) => {
        const ctx: CriterionContext = { code: criterion.code, criterion, criteriaAbove: group.criteria.slice(0, i + 1) };
        for (const n of criterion.notes) take(n, ctx);
        for (const l of criterion.levels) if (l.note) take(l.note, ctx);
      });
  const counters = new Map<string, number>();
  const rules = drafts.map((d) => {
    const key = `${d.kind}:${d.criterionCode ?? 'set'}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return { id: `${key}:${n}`, ...d } as CriteriaRule;
  });
  return { rules, unclassified };
}
