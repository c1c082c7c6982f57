/**
 * The print-settings form: flat text fields (one printed line per textarea line) mapped to and
 * from the contract's DocumentSettings, and a resolver that validates with the contract's own
 * schema (the core validates the same again) and names the field in the user's language.
 */
import type { Resolver } from 'react-hook-form';
import { DocumentSettings, type DocumentSettingsView } from '../../../../shared/api/channels/document-settings';
import type { useT } from '../../i18n/useT';

type TFunction = ReturnType<typeof useT>['t'];

export interface SettingsValues {
  parentLines: string;
  bodyLines: string;
  number: string;
  symbol: string;
  place: string;
  date: string;
  showPlaceDate: boolean;
  recipients: string;
  signerAuthority: string;
  signerTitle: string;
  signerOfficeLine: string;
  signerName: string;
  /** THƯ KÝ on the left (minutes and summary). */
  secretaryAuthority: string;
  secretaryTitle: string;
  secretaryOfficeLine: string;
  secretaryName: string;
  /** Decision only: the provincial decision was signed; number, date and signer are its own. */
  decisionRecorded: boolean;
  endTime: string;
  discussions: { registrationId: number; text: string }[];
  opinions: string;
  conclusions: string;
  voteHeld: boolean;
  voteFor: string;
  voteAgainst: string;
  voteAbstain: string;
}

const lines = (s: string): string[] =>
  s
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter((l) => l !== '');
const count = (s: string): number => (s.trim() === '' ? 0 : Number(s));

export function toValues(v: DocumentSettingsView): SettingsValues {
  const s = v.settings;
  const m = s.minutes;
  return {
    parentLines: s.parentLines.join('\n'),
    bodyLines: s.bodyLines.join('\n'),
    number: s.number === null ? '' : String(s.number),
    symbol: s.symbol,
    place: s.place,
    date: s.date ?? '',
    showPlaceDate: s.showPlaceDate,
    recipients: s.recipients.join('\n'),
    signerAuthority: s.signer.authority,
    signerTitle: s.signer.title,
    signerOfficeLine: s.signer.officeLine,
    signerName: s.signer.name,
    secretaryAuthority: s.secretarySigner?.authority ?? '',
    secretaryTitle: s.secretarySigner?.title ?? '',
    secretaryOfficeLine: s.secretarySigner?.officeLine ?? '',
    secretaryName: s.secretarySigner?.name ?? '',
    decisionRecorded: s.decisionRecorded,
    endTime: m?.endTime ?? '',
    // One field per product the minutes discuss, in the order the core lists them.
    discussions: v.discussionProducts.map((p) => ({
      registrationId: p.registrationId,
      text: m?.discussions.find((d) => d.registrationId === p.registrationId)?.text ?? '',
    })),
    opinions: (m?.opinions ?? []).join('\n'),
    conclusions: (m?.conclusions ?? []).join('\n'),
    voteHeld: m?.vote != null,
    voteFor: m?.vote ? String(m.vote.for) : '',
    voteAgainst: m?.vote ? String(m.vote.against) : '',
    voteAbstain: m?.vote ? String(m.vote.abstain) : '',
  };
}

export function toSettings(x: SettingsValues, kind: DocumentSettingsView['kind']): DocumentSettings {
  return {
    parentLines: lines(x.parentLines),
    bodyLines: lines(x.bodyLines),
    number: x.number.trim() === '' ? null : Number(x.number),
    symbol: x.symbol.trim(),
    place: x.place,
    date: x.date === '' ? null : x.date,
    showPlaceDate: x.showPlaceDate,
    recipients: lines(x.recipients),
    signer: { authority: x.signerAuthority, title: x.signerTitle, officeLine: x.signerOfficeLine, name: x.signerName },
    secretarySigner:
      kind === 'minutes' || kind === 'summary'
        ? {
            authority: x.secretaryAuthority,
            title: x.secretaryTitle,
            officeLine: x.secretaryOfficeLine,
            name: x.secretaryName,
          }
        : null,
    decisionRecorded: kind === 'decision' && x.decisionRecorded,
    minutes:
      kind === 'minutes'
        ? {
            endTime: x.endTime === '' ? null : x.endTime,
            discussions: x.discussions.map((d) => ({ registrationId: d.registrationId, text: d.text.trim() })),
            opinions: lines(x.opinions),
            conclusions: lines(x.conclusions),
            vote: x.voteHeld ? { for: count(x.voteFor), against: count(x.voteAgainst), abstain: count(x.voteAbstain) } : null,
          }
        : null,
  };
}

/** The form field a schema issue belongs to (settings path → flat field). */
function fieldOf(path: readonly PropertyKey[]): string {
  const [a, b, c] = path.map(String);
  if (a === 'signer') return `signer${b!.charAt(0).toUpperCase()}${b!.slice(1)}`;
  if (a === 'secretarySigner') return `secretary${b!.charAt(0).toUpperCase()}${b!.slice(1)}`;
  if (a === 'minutes') {
    if (b === 'vote') return `vote${(c ?? 'for').charAt(0).toUpperCase()}${(c ?? 'for').slice(1)}`;
    if (b === 'discussions') return `discussions.${c ?? 0}.text`;
    return b ?? 'endTime';
  }
  return a ?? 'root';
}

function messageOf(t: TFunction, field: string, code: string): string {
  if (field === 'symbol') return t('documents:settingsPanel.errors.symbol');
  if (field === 'date') return t('documents:settingsPanel.errors.date');
  if (field === 'endTime') return t('documents:settingsPanel.errors.time');
  if (field.endsWith('Authority') && code === 'custom') return t('documents:settingsPanel.errors.authority');
  if (field === 'number' || field.startsWith('vote')) return t('documents:settingsPanel.errors.number');
  if (code === 'too_big')
    return t(
      field.endsWith('Lines') || field === 'recipients'
        ? 'documents:settingsPanel.errors.tooMany'
        : 'documents:settingsPanel.errors.line',
    );
  if (code === 'too_small' || code === 'custom') return t('documents:settingsPanel.errors.required');
  return t('documents:settingsPanel.errors.invalid');
}

export function settingsResolver(t: TFunction, kind: DocumentSettingsView['kind']): Resolver<SettingsValues> {
  return async (values) => {
    const r = DocumentSettings.safeParse(toSettings(values, kind));
    if (r.success) return { values, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const i of r.error.issues) {
      const f = fieldOf(i.path);
      errors[f] ??= { type: i.code, message: messageOf(t, f, i.code) };
    }
    return { values: {}, errors } as never;
  };
}
