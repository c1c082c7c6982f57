import type { Content, TableCell } from 'pdfmake/interfaces';
import { recognitionFor, type LegalBasisId, type Star } from '../../../../shared/ocop/legal-basis';
import type { DocT } from '../doc-t';
import { SIZE } from '../layout/styles';
import type { Product, SummaryRow } from '../types';

/** A header cell of a grid table. */
export const th = (text: string, extra: Record<string, unknown> = {}): TableCell =>
  ({ text, bold: true, alignment: 'center', fontSize: SIZE.table, ...extra }) as TableCell;

/** A body cell of a grid table. */
export const td = (text: string, extra: Record<string, unknown> = {}): TableCell =>
  ({ text, fontSize: SIZE.table, ...extra }) as TableCell;

/** "Nước mắm Phú Quốc – Hợp tác xã Đồng Tháp". */
export const productLabel = (t: DocT, p: Product): string =>
  t('common.productWithProducer', { product: p.name, producer: p.producerName });

/** Number of distinct producers among products (by name and address, as printed). */
export const producerCount = (products: Product[]): number =>
  new Set(products.map((p) => `${p.producerName}\u0000${p.producerAddress}`)).size;

/** Ends a list of "…;" items with "." on the last one, as the decree's lists do. */
export function closeList(items: string[]): string[] {
  return items.map((s, i) => (i === items.length - 1 ? s.replace(/;$/u, '.') : s));
}

export type ConclusionGroup =
  | { kind: 'recognise'; star: Star; rows: SummaryRow[] }
  | { kind: 'central'; rows: SummaryRow[] }
  | { kind: 'notRecognised'; rows: SummaryRow[] }
  | { kind: 'unclassified'; rows: SummaryRow[] };

/**
 * Sorts results into what the council proposes: recognition by the province (4★ then 3★), a
 * proposal to the central level (5★: mean ≥ 90 and minima met), no recognition (1–2★), and
 * products not ranked yet. Who recognises which star comes from the round's legal basis.
 */
export function conclusionGroups(rows: SummaryRow[], basis: LegalBasisId, onDate?: string): ConclusionGroup[] {
  const groups: ConclusionGroup[] = [];
  const byStar = (s: Star) => rows.filter((r) => r.star === s);
  for (const star of [4, 3] as const) {
    const level = recognitionFor(basis, star, onDate).level;
    const list = byStar(star);
    if (list.length && (level === 'province' || level === 'district')) groups.push({ kind: 'recognise', star, rows: list });
  }
  const central = byStar(5);
  if (central.length) groups.push({ kind: 'central', rows: central });
  const below = rows.filter((r) => r.star !== null && !recognitionFor(basis, r.star, onDate).recognised);
  if (below.length) groups.push({ kind: 'notRecognised', rows: below });
  const unranked = rows.filter((r) => r.star === null);
  if (unranked.length) groups.push({ kind: 'unclassified', rows: unranked });
  return groups;
}

export const emptyCell: Content = { text: '' };
