import type { Content } from 'pdfmake/interfaces';

/**
 * The form's option box, drawn as vectors: Tinos (like Liberation) has "□" but no "☒"/"☑", and a
 * ticked box must look exactly like an empty one plus the cross, so both are drawn.
 * `size` is the side in points; the box sits on the text baseline of a 12-pt line.
 */
export function checkbox(checked: boolean, size = 8.5): Content {
  const top = 2.5;
  const inset = 1.6;
  const shapes: NonNullable<Extract<Content, { canvas: unknown }>['canvas']> = [
    { type: 'rect', x: 0.5, y: top, w: size, h: size, lineWidth: 0.7, lineColor: 'black' },
  ];
  if (checked) {
    shapes.push(
      { type: 'line', x1: 0.5 + inset, y1: top + inset, x2: 0.5 + size - inset, y2: top + size - inset, lineWidth: 1.1, lineColor: 'black' },
      { type: 'line', x1: 0.5 + inset, y1: top + size - inset, x2: 0.5 + size - inset, y2: top + inset, lineWidth: 1.1, lineColor: 'black' },
    );
  }
  return { canvas: shapes };
}
