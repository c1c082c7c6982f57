import type { Content } from 'pdfmake/interfaces';

/**
 * A solid rule centred in a box of `boxWidth` points, `length` points long: the decree's line
 * under the issuing body, the national motto and the title (the official DOCX types underscores;
 * a vector line sits at a steady distance under the text whatever the font).
 */
export function centredRule(boxWidth: number, length: number, gapAbove = 4, lineWidth = 0.6): Content {
  const len = Math.min(length, boxWidth);
  const x1 = (boxWidth - len) / 2;
  return {
    canvas: [{ type: 'line', x1, y1: gapAbove, x2: x1 + len, y2: gapAbove, lineWidth, lineColor: 'black' }],
    // Explicitly left: pdfmake would otherwise shift the canvas by an inherited 'center'.
    alignment: 'left',
    margin: [0, 0, 0, 2],
  };
}
