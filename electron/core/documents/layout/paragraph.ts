import type { Content, ContentText } from 'pdfmake/interfaces';
import { INDENT, PARA_GAP, SIZE, SINGLE } from './styles';

type Inline = string | ContentText;

/** A body paragraph: 14 pt, justified, 1 cm first-line indent, 6 pt before, single spacing. */
export function para(text: Inline | Inline[], extra: Partial<ContentText> = {}): ContentText {
  return {
    text: text as ContentText['text'],
    fontSize: SIZE.body,
    alignment: 'justify',
    leadingIndent: INDENT,
    lineHeight: SINGLE,
    margin: [0, PARA_GAP, 0, 0],
    ...extra,
  };
}

/** A paragraph that starts with a bold lead-in ("Thời gian bắt đầu:", "Điều 1."). */
export const leadPara = (lead: string, rest: string, extra: Partial<ContentText> = {}): ContentText =>
  para([{ text: lead, bold: true }, rest], extra);

/** Lines "- …" under a paragraph, indented like the paragraph's first line. */
export function dashList(items: string[], fontSize: number = SIZE.body): Content {
  return {
    stack: items.map((i): Content => ({
      text: `- ${i}`,
      fontSize,
      alignment: 'justify',
      leadingIndent: INDENT,
      lineHeight: SINGLE,
      margin: [0, 2, 0, 0],
    })),
  };
}
