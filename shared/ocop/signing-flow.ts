/**
 * Who signs which document of a council session, in which order, and what each signature shows
 * on the page (NĐ 30/2020 Phụ lục I; DOCUMENTS.md §1.5, §3.3–3.5). One table of data: the
 * signing service, the screens and the CLI read it; nothing else decides the order.
 *
 * - Biên bản: the secretary (THƯ KÝ), then the chair (CHỦ TỌA), each signature image in their own
 *   signing space; then, where the office signs for the organisation with its seal certificate,
 *   the organisation's signature, drawn as the red seal over the left third of the chair's.
 * - Bảng tổng hợp (an annex of the minutes, issued as a separate file): the secretary and the
 *   chair as on the minutes; the organisation's signature on an annex in a separate file draws no
 *   image — its info line (number and symbol, time) goes top-right on page 1.
 * - Phiếu đánh giá: the member who scored it, in "Người đánh giá".
 * - Quyết định and Giấy chứng nhận are signed by the province (Chủ tịch UBND tỉnh), not in the
 *   app; the batch of all sheets is a print job, not a document anyone signs.
 */

export const SIGNER_ROLES = ['secretary', 'chair', 'member', 'organisation'] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];

/** What a signature shows on the page. */
export type SignPlacement =
  /** The signer's handwritten-signature image (blue) centred between their title and printed name, with an info line. */
  | 'signature-block'
  /** The organisation's seal (red, real size) over the left third of the chair's signature image. */
  | 'seal'
  /** No image: the info line (number and symbol, signing time) top-right on page 1 — an annex in a separate file. */
  | 'annex-corner';

export interface FlowStep {
  role: SignerRole;
  placement: SignPlacement;
}

export const SIGNABLE_KINDS = ['minutes', 'summary', 'sheet'] as const;
export type SignableKind = (typeof SIGNABLE_KINDS)[number];

const FLOWS: Record<SignableKind, readonly FlowStep[]> = {
  minutes: [
    { role: 'secretary', placement: 'signature-block' },
    { role: 'chair', placement: 'signature-block' },
    { role: 'organisation', placement: 'seal' },
  ],
  summary: [
    { role: 'secretary', placement: 'signature-block' },
    { role: 'chair', placement: 'signature-block' },
    { role: 'organisation', placement: 'annex-corner' },
  ],
  sheet: [{ role: 'member', placement: 'signature-block' }],
};

export const isSignable = (kind: string): kind is SignableKind => (SIGNABLE_KINDS as readonly string[]).includes(kind);

/**
 * The steps of a document kind, in order. The organisation's step is there only when the office
 * signs the council's documents with its seal certificate. Null: the kind is not signed in the app.
 */
export function signingFlow(kind: string, opts: { organisationSigns: boolean }): readonly FlowStep[] | null {
  if (!isSignable(kind)) return null;
  return FLOWS[kind].filter((s) => s.role !== 'organisation' || opts.organisationSigns);
}

/** What was recorded for a document: signing steps by role, or a scanned paper copy signed by hand. */
export type DoneStep = SignerRole | 'scan';

export type SigningState = 'unsigned' | 'partial' | 'complete' | 'scanned';

export interface SigningProgress {
  state: SigningState;
  /** Who signs next; null when complete or scanned. */
  next: FlowStep | null;
  /** The steps of the flow already done, in order. */
  done: FlowStep[];
}

/**
 * Where a document stands. The recorded steps are matched against the flow in order: a step
 * added to the flow later (the office starts signing for the organisation) is simply next; a
 * recorded step the flow no longer has (the office stopped) stays recorded and changes nothing.
 */
export function signingProgress(flow: readonly FlowStep[], recorded: readonly DoneStep[]): SigningProgress {
  if (recorded.includes('scan')) return { state: 'scanned', next: null, done: [] };
  const done: FlowStep[] = [];
  for (const step of flow) {
    if (!recorded.includes(step.role)) break;
    done.push(step);
  }
  const next = flow[done.length] ?? null;
  return { state: done.length === 0 ? 'unsigned' : next ? 'partial' : 'complete', next, done };
}

/** Why `role` cannot sign now (null: it can), in plain English for the error message. */
export function whyCannotSign(flow: readonly FlowStep[], recorded: readonly DoneStep[], role: SignerRole): string | null {
  const p = signingProgress(flow, recorded);
  if (p.state === 'scanned') return 'a scanned paper copy signed by hand was attached instead of digital signatures';
  if (!flow.some((s) => s.role === role))
    return `the ${role} does not sign this document (it is signed by ${flow.map((s) => `the ${s.role}`).join(', then ')})`;
  if (p.next === null) return `every signature is there already (${flow.map((s) => s.role).join(', ')})`;
  if (p.next.role !== role) return `the ${p.next.role} signs next (${flow.map((s) => s.role).join(' → ')}), not the ${role}`;
  return null;
}

/** A hand-signed scan may replace the digital signatures until the flow is complete. */
export const scanAllowed = (flow: readonly FlowStep[], recorded: readonly DoneStep[]): boolean => {
  const s = signingProgress(flow, recorded).state;
  return s === 'unsigned' || s === 'partial';
};
