import type { Page } from '@playwright/test';

/** Dark (text) pixels on the pdf.js canvas: more than a few hundred means the page was really drawn. */
export const inkedPixels = (page: Page): Promise<number> =>
  page.getByTestId('pdf-canvas').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 3]! > 0) dark++;
    return dark;
  });
