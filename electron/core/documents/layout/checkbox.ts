import type { Content } from 'pdfmake/interfaces';

/** Geometry of the option box (pt, from the top-left of its cell content); shared with the batch renderer. */
export const CHECKBOX = { x: 0.5, top: 2.5, size: 8.5, inset: 1.6, line: 0.7, cross: 1.1 } as const;

/**
 * The form's option box, drawn as vectors: Tinos (like Liberation) has "□" but no "☒"/"☑", and a
 * ticked box must look exactly like an empty one plus the cross, so both are drawn. It sits on
 * the first text line of a 12-pt cell.
 */
export function checkbox(checked: boolean): Content {
  const { x, top, size, inset, line, cross } = CHECKBOX;
  const shapes: NonNullable<Extract<Content, { canvas: unknown }>['canvas']> = [
    { type: 'rect', x, y: top, w: size, h: size, lineWidth: line, lineColor: 'black' },
  ];
  if (checked) {
    shapes.push(
      {
        type: 'line',
        x1: x + inset,
        y1: top + inset,
        x2: x + size - inset,
        y2: top + size - inset,
        lineWidth: cross,
        lineColor: 'black',
      },
      {
        type: 'line',
        x1: x + inset,
        y1: top + size - inset,
        x2: x + size - inset,
        y2: top + inset,
        lineWidth: cross,
        lineColor: 'black',
      },
    );
  }
  return { canvas: shapes };
}
