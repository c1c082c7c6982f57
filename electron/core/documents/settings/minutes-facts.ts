/**
 * What the minutes say about the meeting beyond the results, read from the scoring data: the
 * products whose members' totals spread over the limit (with their re-scoring rounds and the
 * chair's reasons) and the opinions members wrote on their counted sheets. The secretary's
 * defaults are made from these; the printed figures always come from here, never from text.
 */
import type { MinutesContent } from '../../../../shared/api/channels/document-settings';
import type { CoreContext } from '../../context';
import type { SpreadDiscussion } from '../types';
import { centi, productOf } from '../from-session/rows';
import type { DocumentFacts } from '../from-session/document-facts';

export interface DiscussedProduct {
  registrationId: number;
  productName: string;
  producerName: string;
  /** The figures printed; the discussion text is the secretary's. */
  figures: Omit<SpreadDiscussion, 'discussion'>;
  /** The chair's reasons for each re-scoring round, in order. */
  reasons: string[];
}

export interface MinutesFacts {
  discussed: DiscussedProduct[];
  /** Opinions on counted sheets, in agenda then member order. */
  opinions: { registrationId: number; memberId: number; memberName: string; productName: string; opinion: string }[];
}

export async function loadMinutesFacts(ctx: CoreContext, f: DocumentFacts): Promise<MinutesFacts> {
  const sessionId = f.results.session.id;
  const rounds = await ctx.db
    .selectFrom('score_rescoring_round')
    .select(['registration_id', 'round_no', 'reason', 'spread_points'])
    .where('session_id', '=', sessionId)
    .orderBy('registration_id')
    .orderBy('round_no')
    .execute();
  const discussed: DiscussedProduct[] = [];
  for (const p of f.results.products) {
    const mine = rounds.filter((r) => r.registration_id === p.registrationId);
    const overLimit = p.spread !== null && !p.spread.withinLimit;
    if (mine.length === 0 && !overLimit) continue;
    // The spread that started the discussion: as recorded when round 1 opened, else the current one.
    const before = mine[0]?.spread_points ?? p.spread?.points ?? 0;
    discussed.push({
      registrationId: p.registrationId,
      productName: p.productName,
      producerName: p.producerName,
      figures: {
        product: productOf(p),
        spreadBeforeCenti: centi(before),
        spreadAfterCenti: p.rescoringRound > 0 && p.spread ? centi(p.spread.points) : null,
        rescoringRounds: p.rescoringRound,
      },
      reasons: mine.map((r) => r.reason.trim()).filter((r) => r !== ''),
    });
  }

  const sheets = await ctx.db
    .selectFrom('score_sheet')
    .select(['registration_id', 'member_id', 'rescoring_round', 'opinion'])
    .where('session_id', '=', sessionId)
    .where('status', '=', 'submitted')
    .execute();
  const opinions: MinutesFacts['opinions'] = [];
  for (const p of f.results.products) {
    for (const m of [...f.detail.members].sort((a, b) => a.order - b.order)) {
      const s = sheets.find(
        (x) => x.registration_id === p.registrationId && x.member_id === m.memberId && x.rescoring_round === p.rescoringRound,
      );
      if (s && s.opinion.trim() !== '')
        opinions.push({
          registrationId: p.registrationId,
          memberId: m.memberId,
          memberName: m.fullName,
          productName: p.productName,
          opinion: s.opinion.trim(),
        });
    }
  }
  return { discussed, opinions };
}

/** The secretary's starting point: closing time of the session, reasons of the re-scorings, members' written opinions. */
export function defaultMinutesContent(f: DocumentFacts, facts: MinutesFacts): MinutesContent {
  return {
    endTime: f.detail.session.endTime,
    discussions: facts.discussed.map((d) => ({
      registrationId: d.registrationId,
      text: d.reasons.length
        ? f.t('defaults.rescoringReasons', { reasons: d.reasons.map((r) => r.replace(/[.;\s]+$/u, '')).join('; ') })
        : '',
    })),
    opinions: facts.opinions.map((o) =>
      f.t('defaults.opinionLine', { member: o.memberName, product: o.productName, opinion: o.opinion }),
    ),
    conclusions: [],
    vote: null,
  };
}

/** The discussions as printed: the figures from the data, the text from the secretary (or the default). */
export function spreadDiscussions(f: DocumentFacts, facts: MinutesFacts, content: MinutesContent): SpreadDiscussion[] {
  const defaults = defaultMinutesContent(f, facts).discussions;
  return facts.discussed.map((d) => {
    const text =
      content.discussions.find((x) => x.registrationId === d.registrationId)?.text ??
      defaults.find((x) => x.registrationId === d.registrationId)?.text ??
      '';
    return { ...d.figures, discussion: text };
  });
}
