import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, relocaleNumberText, type NumberFormatOptions, type NumberLocale } from '../../../shared/ocop/format-vi';

export interface NumberFormat {
  locale: NumberLocale;
  /** A number in the screen's language: "74,5" in Vietnamese, "74.5" in English. */
  num: (value: number, options?: Omit<NumberFormatOptions, 'locale'>) => string;
  /** A number the core already wrote in Vietnamese (a mean's display text), in the screen's language. */
  text: (viText: string) => string;
}

/**
 * Numbers on screen follow the interface language (decimal comma in Vietnamese, point in English).
 * PDFs stay Vietnamese whatever the screen's language (Decree 30/2020): they format with 'vi'.
 */
export function useNumberFormat(): NumberFormat {
  const { i18n } = useTranslation();
  const locale: NumberLocale = i18n.language === 'en' ? 'en' : 'vi';
  return useMemo(
    () => ({
      locale,
      num: (value, options = {}) => formatNumber(value, { ...options, locale }),
      text: (viText) => relocaleNumberText(viText, locale),
    }),
    [locale],
  );
}
