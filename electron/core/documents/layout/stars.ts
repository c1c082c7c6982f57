import type { Content } from 'pdfmake/interfaces';

/**
 * Five-pointed stars drawn as vectors: neither Tinos nor Times New Roman has "★" (U+2605).
 * `count` filled stars of `size` points, spaced by a quarter of their size.
 */
export function starRow(count: number, size = 22, color = '#c8102e'): Content {
  const outer = size / 2;
  const inner = outer * 0.382;
  const polys = Array.from({ length: count }, (_, k) => {
    const cx = outer + k * size * 1.25;
    const cy = outer;
    const points = Array.from({ length: 10 }, (_, i) => {
      const r = i % 2 === 0 ? outer : inner;
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      return { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) };
    });
    return { type: 'polyline' as const, points, closePath: true, color, lineColor: color, lineWidth: 0.5 };
  });
  return { canvas: polys, alignment: 'left' };
}

/** Width in points of `starRow(count, size)`, to centre it. */
export const starRowWidth = (count: number, size = 22): number => (count > 0 ? size + (count - 1) * size * 1.25 : 0);
