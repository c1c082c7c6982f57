/**
 * What an office customises before printing a session's documents (issue 8): header lines, number
 * and symbol, place and date, recipients, the signer, and the content of the minutes; and the
 * council's document-number series. Stored with the session. Results freeze at finalization; these
 * details stay editable until a document printing them is issued (documents:issue, the register),
 * and again after the session is reopened.
 */
import { z } from 'zod';
import { DOC_SYMBOL_RE } from '../../ocop/document-number';
import { defineChannels } from '../define';

const id = z.number().int().positive();
/** One printed line: trimmed, no line break (each line is its own item). */
const Line = z
  .string()
  .trim()
  .max(300)
  .refine((s) => !/[\r\n]/u.test(s), 'one line only: put each line in its own item');
const FilledLine = Line.refine((s) => s.length > 0, 'must not be empty');
/** Free text of one or more paragraphs (an opinion, a discussion). */
const Paragraphs = z.string().trim().max(20_000);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date as YYYY-MM-DD, e.g. 2026-01-05');
const Count = z.number().int().min(0).max(1000);

/** The documents whose print settings are stored with a session. */
export const SettingsKind = z.enum(['minutes', 'summary', 'decision', 'certificate']);
export type SettingsKind = z.infer<typeof SettingsKind>;
/** The documents numbered from a series: the council's biên bản, the Ủy ban's quyết định (draft). */
export const NumberedKind = z.enum(['minutes', 'decision']);
export type NumberedKind = z.infer<typeof NumberedKind>;
export const isNumberedKind = (k: SettingsKind): k is NumberedKind => k === 'minutes' || k === 'decision';

/** Authority lines of Decree 30 (Phụ lục I, II.7): on behalf of a collective, signing for the head, acting, by order, by authorisation. */
export const AUTHORITY_PREFIXES = ['TM.', 'KT.', 'Q.', 'TL.', 'TUQ.'] as const;

/** A signature block: the right-hand one (CHỦ TỌA of the minutes, the Chủ tịch of the decision …) or THƯ KÝ on the left. */
export const SignerSettings = z
  .object({
    /** "TM. HỘI ĐỒNG", "KT. CHỦ TỊCH"; empty = none. */
    authority: Line.refine(
      (v) => v === '' || /^(TM|KT|Q|TL|TUQ)\. \S/u.test(v),
      'an authority line starts with TM., KT., Q., TL. or TUQ. and a space, e.g. "KT. CHỦ TỊCH" (or leave it empty)',
    ),
    title: FilledLine,
    /** The signer's office in the parent body, e.g. "PHÓ CHỦ TỊCH UBND TỈNH"; empty = none. */
    officeLine: Line,
    /** Empty = left blank to write by hand. */
    name: Line,
  })
  .strict();
export type SignerSettings = z.infer<typeof SignerSettings>;

/** The secretary's part of the biên bản (Mẫu 1.9 "Nội dung"), prefilled from the session's data. */
export const MinutesContent = z
  .object({
    /** Closing time "HH:mm" on the meeting day; null prints dots to fill in. */
    endTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/u, 'a time as HH:mm, e.g. 11:30')
      .nullable(),
    /** What the council discussed about each product whose spread was over the limit. */
    discussions: z.array(z.object({ registrationId: id, text: Paragraphs }).strict()).max(10_000),
    /** Ý kiến thảo luận: one paragraph per recorded opinion. */
    // One per member and product at most: 300 products × 9 members fit.
    opinions: z.array(Paragraphs.min(1)).max(10_000),
    /** Further conclusions and proposals after the ones the results give. */
    conclusions: z.array(Paragraphs.min(1)).max(50),
    /** Biểu quyết, when one was held. */
    vote: z.object({ for: Count, against: Count, abstain: Count }).strict().nullable(),
  })
  .strict();
export type MinutesContent = z.infer<typeof MinutesContent>;

export const DocumentSettings = z
  .object({
    /** Cơ quan chủ quản, regular caps (0–3 lines). */
    parentLines: z.array(FilledLine).max(3),
    /** Cơ quan ban hành, bold caps (1–4 lines). */
    bodyLines: z.array(FilledLine).min(1).max(4),
    /** Số; null = blank for the văn thư. Only the minutes and the decision print one. */
    number: z.number().int().min(1).max(999_999).nullable(),
    /** Ký hiệu, e.g. "BB-HĐ" or "2026/QĐ-HĐ". */
    symbol: z.string().trim().regex(DOC_SYMBOL_RE, 'a symbol in capitals joined by "-", e.g. BB-HĐ or QĐ-UBND'),
    /** Địa danh, e.g. "Đồng Tháp". */
    place: FilledLine,
    /** Date of the document; null prints "ngày … tháng … năm …". */
    date: IsoDate.nullable(),
    showPlaceDate: z.boolean(),
    /** Nơi nhận items, without the leading "- " and the closing punctuation. */
    recipients: z.array(FilledLine).max(20),
    signer: SignerSettings,
    /** THƯ KÝ on the left of the minutes and the summary; null for the other kinds (and = the default). */
    secretarySigner: SignerSettings.nullable().default(null),
    /**
     * Decision only: the provincial decision was issued and these are its number, date and signer
     * (the council only proposes it). Until then the decision and the certificates print "DỰ THẢO"
     * and certificates print no validity dates; from then certificates are valid 36 months from
     * this date.
     */
    decisionRecorded: z.boolean().default(false),
    /** Only for the minutes (null for the other kinds). */
    minutes: MinutesContent.nullable(),
  })
  .strict();
export type DocumentSettings = z.infer<typeof DocumentSettings>;
export type DocumentSettingsInput = z.input<typeof DocumentSettings>;

export const DocumentSettingsView = z.object({
  sessionId: z.number().int(),
  /** The session's council (its default signers: documents:councilSigners). */
  councilId: z.number().int(),
  kind: SettingsKind,
  settings: DocumentSettings,
  /** False: nothing saved yet, these are the defaults from the session and council. */
  stored: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** A document printing these details was issued for the finalization in force: read-only until the session is reopened. */
  locked: z.boolean(),
  /** The issued kinds that lock them (e.g. ['summary'] locks the minutes' number and date). */
  lockedBy: z.array(z.enum(['minutes', 'summary', 'decision', 'certificate', 'sheet', 'sheets'])),
  /** The session's results are finalized (documents can be issued; the decision can be recorded). */
  finalized: z.boolean(),
  /** "Số: 05/BB-HĐ" as printed ("…/BB-HĐ" without a number). */
  numberText: z.string(),
  /** The council's series for this kind (null for kinds without a number). */
  series: z
    .object({ councilId: z.number().int(), pattern: z.string(), year: z.number().int(), nextNumber: z.number().int() })
    .nullable(),
  /** Products the minutes discuss (spread over the limit, re-scored), for the discussion fields. */
  discussionProducts: z.array(z.object({ registrationId: z.number().int(), productName: z.string(), producerName: z.string() })),
});
export type DocumentSettingsView = z.infer<typeof DocumentSettingsView>;

export const NumberSeriesView = z.object({
  councilId: z.number().int(),
  kind: NumberedKind,
  pattern: z.string(),
  /** False: the built-in default pattern for the kind. */
  custom: z.boolean(),
  year: z.number().int(),
  nextNumber: z.number().int(),
});
export type NumberSeriesView = z.infer<typeof NumberSeriesView>;

const sessionKind = z.object({ sessionId: id, kind: SettingsKind }).strict();

/** Which signature block of a kind: the main one (right), or THƯ KÝ (left: minutes and summary). */
export const SignerSlot = z.enum(['main', 'secretary']);
export type SignerSlot = z.infer<typeof SignerSlot>;

export const CouncilSigner = z.object({
  kind: SettingsKind,
  slot: SignerSlot,
  signer: SignerSettings,
  /** False: the built-in default (Decree 30 and provincial practice), not saved for this council. */
  custom: z.boolean(),
});
export type CouncilSigner = z.infer<typeof CouncilSigner>;

export const documentSettingsChannels = defineChannels({
  /** The print settings of a session's document: the stored ones, or defaults from the session and council. */
  'documents:settings': { input: sessionKind, output: DocumentSettingsView },
  /** Stores the settings (audited); refused while the session is finalized. */
  'documents:saveSettings': {
    input: z.object({ sessionId: id, kind: SettingsKind, settings: DocumentSettings }).strict(),
    output: DocumentSettingsView,
  },
  /** Drops the saved settings (audited): the document prints the defaults from the session and council again. */
  'documents:resetSettings': { input: sessionKind, output: DocumentSettingsView },
  /**
   * Takes the next number of the council's series for the kind and the document's year into the
   * settings (one transaction, audited). A number is never handed out twice; a document that
   * already has a number keeps it (clear it first to take a new one).
   */
  'documents:allocateNumber': { input: z.object({ sessionId: id, kind: NumberedKind }).strict(), output: DocumentSettingsView },
  /** A council's number series (pattern and next number this year) for each numbered kind. */
  'documents:numberSeries': {
    input: z.object({ councilId: id, year: z.number().int().min(2000).max(2100).optional() }).strict(),
    output: z.array(NumberSeriesView),
  },
  /**
   * The council's default signers per document kind (authority line, title, office line, name):
   * what a session's documents print until their own details are saved.
   */
  'documents:councilSigners': { input: z.object({ councilId: id }).strict(), output: z.array(CouncilSigner) },
  /** Sets (or with `signer: null` clears back to the built-in default) one of the council's default signers; audited. */
  'documents:setCouncilSigner': {
    input: z.object({ councilId: id, kind: SettingsKind, slot: SignerSlot, signer: SignerSettings.nullable() }).strict(),
    output: z.array(CouncilSigner),
  },
  /** Sets a council's pattern for a kind, and optionally moves the next number forward (never back). */
  'documents:setNumberSeries': {
    input: z
      .object({
        councilId: id,
        kind: NumberedKind,
        pattern: z.string().trim().min(5).max(60),
        year: z.number().int().min(2000).max(2100).optional(),
        nextNumber: z.number().int().min(1).max(999_999).optional(),
      })
      .strict(),
    output: NumberSeriesView,
  },
});
