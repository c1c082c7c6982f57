/**
 * English counts for text that does not go through i18next (the CLI's own lines, the core's
 * developer-facing messages): "1 sheet", "2 sheets", "0 sheets" — never "sheet(s)".
 * Vietnamese has no plural form, so this is for English only; the screens use i18next's
 * `_one`/`_other` keys instead.
 */
const rules = new Intl.PluralRules('en');

/** The noun for `n` ("sheet"/"sheets"); `plural` for irregular nouns ("entry" → "entries"). */
export const nounFor = (n: number, singular: string, plural = `${singular}s`): string =>
  rules.select(n) === 'one' ? singular : plural;

/** `n` and its noun: count(1, 'sheet') → "1 sheet", count(3, 'entry', 'entries') → "3 entries". */
export const count = (n: number, singular: string, plural?: string): string => `${n} ${nounFor(n, singular, plural)}`;
