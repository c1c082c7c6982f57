/**
 * Between the stored print settings and the document data: the defaults a session and its
 * council give (what the builders printed before anything was saved), and the settings laid
 * over the data the session gives. Pure; the service reads the database.
 */
import type { DocumentSettings, SettingsKind, SignerSettings } from '../../../../shared/api/channels/document-settings';
import { formatDocNumber, symbolOf } from '../../../../shared/ocop/document-number';
import { certificateFromSessionSigner, decisionFromSession } from '../from-session/decision-data';
import { minutesFromSession, summaryFromSession } from '../from-session/minutes-data';
import { signerOf, type DocumentFacts } from '../from-session/document-facts';
import { longDate } from '../layout/format';
import type { CertificateData, DecisionData, DocumentSetup, MinutesData, Signer, SummaryData } from '../types';
import { wrapToFit } from './header-fit';
import { defaultMinutesContent, spreadDiscussions, type MinutesFacts } from './minutes-facts';

const signerSettings = (s: Signer): SignerSettings => ({
  authority: s.authority ?? '',
  title: s.title,
  officeLine: s.officeLine ?? '',
  name: s.name,
});
function fromSetup(setup: DocumentSetup, signer: Signer, secretary: Signer | null = null): Omit<DocumentSettings, 'minutes'> {
  return {
    // At most 3 and 4 lines (the schema's limits) even after breaking a long default line.
    parentLines: wrapToFit(setup.issuer.parentLines).slice(0, 3),
    bodyLines: wrapToFit(setup.issuer.bodyLines).slice(0, 4),
    number: setup.number.number,
    symbol: setup.number.symbol,
    place: setup.placeDate.place,
    date: setup.placeDate.date,
    showPlaceDate: setup.showPlaceDate,
    recipients: setup.recipients,
    signer: signerSettings(signer),
    secretarySigner: secretary ? signerSettings(secretary) : null,
    decisionRecorded: false,
  };
}

const setupOf = (s: DocumentSettings): DocumentSetup => ({
  issuer: { parentLines: s.parentLines, bodyLines: s.bodyLines },
  number: { number: s.number, symbol: s.symbol },
  placeDate: { place: s.place, date: s.date },
  showPlaceDate: s.showPlaceDate,
  recipients: s.recipients,
});

/** The year a document is numbered in: its own date, else the meeting's. */
export const documentYear = (s: Pick<DocumentSettings, 'date'>, f: DocumentFacts): number =>
  Number((s.date ?? f.detail.session.date).slice(0, 4));

export interface DefaultsInput {
  /** The council's number pattern for the kind (numbered kinds only). */
  pattern?: string;
  /** Required for the minutes. */
  minutesFacts?: MinutesFacts;
}

/** What a document prints when nothing was saved for it. */
export function defaultSettings(kind: SettingsKind, f: DocumentFacts, x: DefaultsInput = {}): DocumentSettings {
  let s: DocumentSettings;
  switch (kind) {
    case 'minutes': {
      const d = minutesFromSession(f);
      s = {
        ...fromSetup(d.setup, d.chairSigner, d.secretarySigner),
        minutes: x.minutesFacts ? defaultMinutesContent(f, x.minutesFacts) : null,
      };
      break;
    }
    case 'summary': {
      const d = summaryFromSession(f);
      s = { ...fromSetup(d.setup, d.chair, d.secretary), minutes: null };
      break;
    }
    case 'decision': {
      const d = decisionFromSession(f);
      s = { ...fromSetup(d.setup, d.signer), minutes: null };
      break;
    }
    case 'certificate': {
      // Certificates are per product; their shared parts are the Ủy ban's header, place, date and signer.
      const d = decisionFromSession(f);
      const issuer = d.setup.issuer;
      const signer = certificateFromSessionSigner(f);
      s = {
        ...fromSetup({ ...d.setup, issuer, number: { number: null, symbol: 'GCN-UBND' }, recipients: [] }, signer),
        minutes: null,
      };
      break;
    }
  }
  return x.pattern ? { ...s, symbol: symbolOf(x.pattern, documentYear(s, f)) } : s;
}

export function applyToMinutes(d: MinutesData, s: DocumentSettings, f: DocumentFacts, facts: MinutesFacts): MinutesData {
  const content = s.minutes ?? defaultMinutesContent(f, facts);
  return {
    ...d,
    setup: setupOf(s),
    chairSigner: signerOf(s.signer),
    secretarySigner: s.secretarySigner ? signerOf(s.secretarySigner) : d.secretarySigner,
    endedAt: content.endTime ? `${f.detail.session.date}T${content.endTime}` : null,
    spreadDiscussions: spreadDiscussions(f, facts, content),
    opinions: content.opinions,
    proposals: content.conclusions,
    vote: content.vote,
  };
}

/** The summary is annexed to the minutes: it cites the minutes' number and date. */
export function applyToSummary(d: SummaryData, s: DocumentSettings, minutes: DocumentSettings): SummaryData {
  return {
    ...d,
    setup: setupOf(s),
    chair: signerOf(s.signer),
    secretary: s.secretarySigner ? signerOf(s.secretarySigner) : d.secretary,
    minutesNumber: { number: minutes.number, symbol: minutes.symbol },
    minutesDate: minutes.date,
  };
}

/** The decision as the office set it; a recorded decision (number, date, signer of the signed one) is no draft. */
export function applyToDecision(d: DecisionData, s: DocumentSettings): DecisionData {
  return { ...d, setup: setupOf(s), signer: signerOf(s.signer), draft: !s.decisionRecorded };
}

/**
 * A certificate takes its validity from the recorded decision (Decision 26/2026 Điều 4.3: 36 months
 * from the competent authority's decision), and its date and signer from it unless the office saved
 * the certificate's own. Before the decision is recorded: a draft, without validity dates.
 */
export function applyToCertificate(
  d: CertificateData,
  s: DocumentSettings,
  stored: boolean,
  decision: DocumentSettings,
  f: DocumentFacts,
): CertificateData {
  const recorded = decision.decisionRecorded && decision.date !== null && decision.number !== null;
  const province = f.t('defaults.province', { place: f.council.placeName || '…' });
  return {
    ...d,
    issuer: { parentLines: s.parentLines, bodyLines: s.bodyLines },
    placeDate: { place: s.place, date: s.date ?? (recorded ? decision.date : null) },
    signer: signerOf(stored ? s.signer : decision.signer),
    issuedOn: recorded ? decision.date : null,
    decisionCitation: recorded
      ? f.t('defaults.decisionCitationRecorded', {
          number: formatDocNumber(decision.number, decision.symbol),
          date: longDate(f.t, decision.date),
          province,
        })
      : d.decisionCitation,
    draft: d.draft || !recorded,
  };
}
