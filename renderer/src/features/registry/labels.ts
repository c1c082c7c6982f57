import type { EntryStatus } from '../../../../shared/ocop/registry-status';
import type { DueState } from '../../../../shared/ocop/registry-status';
import rawTree from '../../../../resources/criteria/classification.json';

/** Badge colours of the statuses; the text always says the status too (never colour alone). */
export const STATUS_COLOR: Record<EntryStatus, string> = {
  proposed: 'blue',
  valid: 'green',
  window_open: 'orange',
  window_passed: 'red',
  expired: 'gray',
  reevaluated: 'teal',
  upgraded: 'teal',
  revoked: 'dark',
  not_recognised: 'gray',
  withdrawn: 'gray',
};

export const DUE_COLOR: Record<DueState, string> = {
  coming: 'blue',
  open: 'orange',
  passed: 'red',
  grace: 'red',
  expired: 'gray',
};

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF_MIME = 'application/pdf';

/** A badge whose text wraps instead of being cut off (long statuses in narrow columns). */
export const WRAPPING_BADGE = {
  root: { height: 'auto', paddingBlock: 3 },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' },
} as const;

const NHOM_NAMES: string[] = (rawTree as { nganh: { nhom: { name: string }[] }[] }).nganh.flatMap((n) =>
  n.nhom.map((m) => m.name),
);

/** The i18n key of a nhóm of Phụ lục I (stats:nhom.n1 … n17), or null for a name outside it. */
export function nhomKey(name: string): `stats:nhom.n${number}` | null {
  const i = NHOM_NAMES.indexOf(name);
  return i < 0 ? null : `stats:nhom.n${i + 1}`;
}

/** The commune of an entry for a screen: a commune written before the 2025 reform is marked as former. */
export function communeText(
  t: (key: 'registry:list.former', o: { name: string }) => string,
  e: { communeLabel: string; communeKey: string },
): string {
  return e.communeKey.startsWith('o:') ? t('registry:list.former', { name: e.communeLabel }) : e.communeLabel;
}
