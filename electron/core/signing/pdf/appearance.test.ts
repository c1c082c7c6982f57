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
    expect(big.seal!.h).toBe(100);
    expect(big.seal!.x).toBeGreaterThanOrEqual(0);
    expect(big.rect).toEqual([100, 200, 300, 300]);
  });

  it('shortens an info line wider than the zone with an ellipsis', () => {
    expect(fitText('a'.repeat(100), 40, (s) => s.length * 4)).toMatch(/^a{9}…$/u);
    expect(fitText('ngắn', 40, (s) => s.length * 4)).toBe('ngắn');
  });
});
