import type { Content } from 'pdfmake/interfaces';
import { textWidth } from './measure';
import { centredRule } from './rule';
import { breakTitle } from './title-breaks';
import { SIZE, SINGLE } from './styles';
import { mm } from './units';

/**
 * Tên loại ("BIÊN BẢN", "QUYẾT ĐỊNH", 14 bold caps, centred), the trích yếu under it (14 bold)
 * and a rule of about a third of the line (decree: 1/3–1/2 of the line length).
 */
export function titleBlock(type: string, subject: string | null, width: number): Content {
  const lines: Content[] = [{ text: type, fontSize: SIZE.title, bold: true, alignment: 'center' }];
  let ruleBase = textWidth(type, SIZE.title, true);
  if (subject) {
    const text = breakTitle(subject, SIZE.title, width - mm(10));
    lines.push({ text, fontSize: SIZE.title, bold: true, alignment: 'center', margin: [mm(5), 0, mm(5), 0] });
    ruleBase = Math.max(...text.split('\n').map((l) => textWidth(l, SIZE.title, true)));
  }
  lines.push(centredRule(width, Math.max(ruleBase / 3, mm(25))));
  return { stack: lines, lineHeight: SINGLE, margin: [0, 0, 0, 8] };
}

/** Phụ lục heading: "Phụ lục" (14 bold), the title in caps bold, the italic "(Kèm theo …)" line. */
export function annexHeading(label: string, title: string, attached: string | null, width: number): Content {
  const lines: Content[] = [
    { text: label, fontSize: 14, bold: true, alignment: 'center' },
    {
      text: breakTitle(title, SIZE.title, width - mm(10)),
      fontSize: SIZE.title,
      bold: true,
      alignment: 'center',
      margin: [mm(5), 0, mm(5), 0],
    },
  ];
  if (attached)
    lines.push({
      text: breakTitle(attached, SIZE.note, width - mm(10), false, true),
      fontSize: SIZE.note,
      italics: true,
      alignment: 'center',
      margin: [mm(5), 0, mm(5), 0],
    });
  lines.push(centredRule(width, mm(30)));
  return { stack: lines, lineHeight: SINGLE, margin: [0, 0, 0, 8] };
}
