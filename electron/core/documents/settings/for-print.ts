/**
 * The data of a session's documents with the office's stored settings laid over it (header,
 * number, place, date, recipients, signer, minutes content): what documents:render and the CLI
 * `pdf` print. Without stored settings the defaults apply, which print what the session gives.
 */
import type { CoreContext } from '../../context';
import { certificateFromSession, decisionFromSession } from '../from-session/decision-data';
import { minutesFromSession, summaryFromSession } from '../from-session/minutes-data';
import type { DocumentFacts } from '../from-session/document-facts';
import type { CertificateData, DecisionData, MinutesData, SummaryData } from '../types';
import { applyToCertificate, applyToDecision, applyToMinutes, applyToSummary } from './apply-settings';
import { loadMinutesFacts } from './minutes-facts';
import type { DecisionRecord } from './decision-record';
import { loadSettings } from './settings-service';

export async function minutesForPrint(ctx: CoreContext, f: DocumentFacts): Promise<MinutesData> {
  const facts = await loadMinutesFacts(ctx, f);
  const { settings } = await loadSettings(ctx, f, 'minutes', facts);
  return applyToMinutes(minutesFromSession(f), settings, f, facts);
}

export async function summaryForPrint(ctx: CoreContext, f: DocumentFacts): Promise<SummaryData> {
  const own = await loadSettings(ctx, f, 'summary');
  const minutes = await loadSettings(ctx, f, 'minutes');
  return applyToSummary(summaryFromSession(f), own.settings, minutes.settings);
}

/**
 * The decision and certificates print the provincial decision the registry holds — or, once
 * issued, the one they printed when issued (`printed`, see documents/register/corrections.ts):
 * a correction made in the registry later does not change an issued document.
 */
export async function decisionForPrint(
  ctx: CoreContext,
  f: DocumentFacts,
  printed?: DecisionRecord | null,
): Promise<DecisionData> {
  // The decision rests on the council's minutes: it cites their number and date.
  const m = (await loadSettings(ctx, f, 'minutes')).settings;
  const data = decisionFromSession(f, { number: m.number, symbol: m.symbol, date: m.date });
  return applyToDecision(data, (await loadSettings(ctx, f, 'decision', undefined, printed)).settings);
}

export async function certificateForPrint(
  ctx: CoreContext,
  f: DocumentFacts,
  registrationId: number,
  printed?: DecisionRecord | null,
): Promise<CertificateData> {
  // The product check (on the agenda, recognised) comes first: it is the more useful error.
  const data = certificateFromSession(f, registrationId);
  const own = await loadSettings(ctx, f, 'certificate');
  const decision = await loadSettings(ctx, f, 'decision', undefined, printed);
  return applyToCertificate(data, own.settings, own.stored !== null, decision.settings, f);
}
