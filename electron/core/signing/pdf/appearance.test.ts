import { describe, expect, it } from 'vitest';
import { fitText, layoutAppearance } from './appearance';

const width = (s: string, size: number) => s.length * size * 0.5;

describe('layout of the visible signature (NĐ 30 Phụ lục I)', () => {
  const base = {
    zone: [100, 200, 300, 300] as [number, number, number, number],
    infoLines: ['Ký số bởi: Nguyễn Văn Đức', 'Hội đồng', '2026-06-18T14:30:00+07:00'],
  };

  it('centres the signature image above the info lines, within 80 % of the width', () => {
    const l = layoutAppearance(
      { ...base, signatureImage: { png: new Uint8Array(), widthPt: 300 }, sealImage: null },
      { signature: { w: 400, h: 100 }, seal: null },
      width,
    );
    expect(l.rect).toEqual([100, 200, 300, 300]);
    expect(l.signature!.w).toBeCloseTo(160);
    expect(l.signature!.x + l.signature!.w / 2).toBeCloseTo(100);
    expect(l.signature!.y).toBeGreaterThan(l.lines[0]!.y);
    expect(l.lines.map((x) => x.y)).toEqual([...l.lines.map((x) => x.y)].sort((a, b) => b - a));
  });

  it('puts the seal over the left third of the signature, at real size when it fits, shrunk to the zone otherwise', () => {
    const sizes = { signature: { w: 400, h: 100 }, seal: { w: 300, h: 300 } };
    const small = layoutAppearance(
      { ...base, signatureImage: { png: new Uint8Array(), widthPt: 120 }, sealImage: { png: new Uint8Array(), widthPt: 60 } },
      sizes,
      width,
    );
    expect(small.seal!.w).toBe(60);
    expect(small.seal!.x + small.seal!.w).toBeCloseTo(small.signature!.x + small.signature!.w / 3);
    const big = layoutAppearance(
      { ...base, signatureImage: { png: new Uint8Array(), widthPt: 120 }, sealImage: { png: new Uint8Array(), widthPt: 102 } },
      sizes,
      width,
    );
    // Shrunk to the space above the info lines: it never covers them.
    const infoTop = Math.max(...big.lines.map((l) => l.y + 8 * 0.75));
    expect(big.seal!.h).toBeCloseTo(100 - (3 * 8 * 1.2 + 2));
    expect(big.seal!.y).toBeGreaterThanOrEqual(infoTop);
    expect(big.seal!.x).toBeGreaterThanOrEqual(0);
    expect(big.rect).toEqual([100, 200, 300, 300]);
  });

  it('chair of the minutes (a seal may follow): the 36 mm seal over the left third, the info lines beside it, nothing under it', () => {
    const wide = { zone: [280, 300, 536, 411] as [number, number, number, number], infoLines: base.infoLines };
    const sizes = { signature: { w: 400, h: 160 }, seal: { w: 400, h: 400 } };
    const img = { png: new Uint8Array(), widthPt: 113.4 };
    const chair = layoutAppearance({ ...wide, signatureImage: img, sealImage: null, sealSpot: true }, sizes, width);
    const sealStep = layoutAppearance(
      {
        ...wide,
        infoLines: [],
        signatureImage: null,
        sealImage: { png: new Uint8Array(), widthPt: 102 },
        sealOver: { signature: { widthPt: 113.4, w: 400, h: 160 }, infoLineCount: 3 },
      },
      sizes,
      width,
    );
    const sig = chair.signature!;
    const [x1, y1, x2, y2] = sealStep.rect;
    // Real size, right edge a third of the way into the image, inside the zone.
    expect(x2 - x1).toBeCloseTo(102);
    expect(y2 - y1).toBeCloseTo(102);
    expect(x2 - 280).toBeCloseTo(sig.x + sig.w / 3);
    expect(x1).toBeGreaterThanOrEqual(280);
    expect(y1).toBeGreaterThanOrEqual(300);
    expect(y2).toBeLessThanOrEqual(411);
    // The info lines start right of the seal: the seal covers none of them.
    for (const l of chair.lines) expect(l.x + 280).toBeGreaterThan(x2);
    // Without the wide zone (a narrow one, e.g. minutes printed before), the lines stay centred
    // under the image and the seal keeps above them, shrunk to fit.
    const narrow = { zone: [100, 200, 270, 279] as [number, number, number, number], infoLines: base.infoLines };
    const chairNarrow = layoutAppearance({ ...narrow, signatureImage: img, sealImage: null, sealSpot: true }, sizes, width);
    const sealNarrow = layoutAppearance(
      {
        ...narrow,
        ...sealStep,
        zone: narrow.zone,
        infoLines: [],
        signatureImage: null,
        sealImage: { png: new Uint8Array(), widthPt: 102 },
        sealOver: { signature: { widthPt: 113.4, w: 400, h: 160 }, infoLineCount: 3 },
      },
      sizes,
      width,
    );
    const top = Math.max(...chairNarrow.lines.map((l) => l.y + 8 * 0.75));
    expect(sealNarrow.rect[1] - 200).toBeGreaterThanOrEqual(top);
    expect(chairNarrow.lines.every((l) => Math.abs(l.x + width(l.text, 8) / 2 - 85) < 0.01)).toBe(true);
  });

  it('shortens an info line wider than the zone with an ellipsis', () => {
    expect(fitText('a'.repeat(100), 40, (s) => s.length * 4)).toMatch(/^a{9}…$/u);
    expect(fitText('ngắn', 40, (s) => s.length * 4)).toBe('ngắn');
  });
});
