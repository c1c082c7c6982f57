import type { Content } from 'pdfmake/interfaces';
import type { DocT } from '../doc-t';
import { SIZE } from './styles';

/**
 * "Nơi nhận:" (12 bold italic) over the list (11 regular), each item "- …;", the last ending
 * with "." (Phụ lục I, ô 9b). Items come without the dash and the closing punctuation.
 */
export function recipientsBlock(t: DocT, items: string[]): Content {
  const clean = items.map((i) => i.replace(/^[-–•\s]+/u, '').replace(/[;.,\s]+$/u, ''));
  return {
    stack: [
      { text: t('common.recipients'), fontSize: SIZE.recipientsLabel, bold: true, italics: true },
      ...clean.map((item, i): Content => ({ text: `- ${item}${i === clean.length - 1 ? '.' : ';'}`, fontSize: SIZE.recipients })),
    ],
    alignment: 'left',
    lineHeight: 1,
  };
}
