/**
 * Page geometry of Decree 30/2020/NĐ-CP (Phụ lục I) in PDF points.
 * pdfmake measures in points; the decree in millimetres.
 */
export const mm = (v: number): number => (v * 72) / 25.4;

/** A4 in points (portrait). */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** [left, top, right, bottom] — pdfmake's order. */
export type Margins = [number, number, number, number];

/**
 * Margins of the official sample DOCX (35/25/20/20 mm), inside the decree's ranges
 * (left 30–35, top 20–25, right 15–20, bottom 20–25 mm).
 */
export const DECREE_MARGINS: Margins = [mm(35), mm(25), mm(20), mm(20)];

/**
 * The tightest margins the decree allows (30/20/15/20 mm), for wide tables such as the
 * summary in landscape where every millimetre counts. For a landscape page the "left" margin
 * is still the binding edge, as in portrait.
 */
export const DECREE_MARGINS_MIN: Margins = [mm(30), mm(20), mm(15), mm(20)];

/** Width available for content between the margins. */
export function contentWidth(orientation: 'portrait' | 'landscape', margins: Margins): number {
  const page = orientation === 'portrait' ? A4.width : A4.height;
  return page - margins[0] - margins[2];
}

export const DECREE_MARGIN_LIMITS = {
  left: [mm(30), mm(35)],
  top: [mm(20), mm(25)],
  right: [mm(15), mm(20)],
  bottom: [mm(20), mm(25)],
} as const;
