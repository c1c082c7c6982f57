/**
 * What tells Vietnamese text from English, for the tests that keep each language to itself
 * (i18n.test.ts on the texts, e2e/english.spec.ts on the screens).
 */

/** Letters only Vietnamese has among the two: ă â đ ê ô ơ ư and the tone marks (looked for in the NFD form). */
export const VIETNAMESE_ONLY = /[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323]/u;

/**
 * What English may still write in Vietnamese: legal document symbols and numbers ("26/2026/QĐ-TTg",
 * "30/2020/NĐ-CP", "7/PĐK-99-99003-2026"), and text quoted from Vietnamese forms, documents and
 * sites in “…”.
 */
export const ALLOWED_IN_EN: readonly RegExp[] = [/[\p{L}\d]*\/[\p{Lu}\d/-]*[ĐƠƯ][\p{Lu}\d/-]*/gu, /“[^”]*”/gu];

/** True when `text`, outside what English may quote, has a Vietnamese-only letter. */
export function hasVietnamese(text: string): boolean {
  const rest = ALLOWED_IN_EN.reduce((s, re) => s.replace(re, ' '), text.normalize('NFC'));
  return VIETNAMESE_ONLY.test(rest.normalize('NFD'));
}
