/** PNG images for tests, drawn with pngjs: a blue handwritten-like stroke and a red round seal, both on transparency. */
import { PNG } from 'pngjs';

function png(w: number, h: number, paint: (x: number, y: number) => [number, number, number, number] | null): Uint8Array {
  const img = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const c = paint(x, y) ?? [0, 0, 0, 0];
      img.data[i] = c[0];
      img.data[i + 1] = c[1];
      img.data[i + 2] = c[2];
      img.data[i + 3] = c[3];
    }
  return new Uint8Array(PNG.sync.write(img));
}

/** A blue signature stroke (a damped wave) on a transparent background. */
export function signaturePng(w = 400, h = 160): Uint8Array {
  return png(w, h, (x, y) => {
    const t = x / w;
    const cy = h / 2 + Math.sin(t * 14) * (h / 3) * (1 - t * 0.6);
    return Math.abs(y - cy) < 3 + 2 * Math.sin(t * 3) ? [20, 40, 200, 255] : null;
  });
}

/** A red seal: two rings and a star, transparent outside and between. */
export function sealPng(size = 400): Uint8Array {
  const r = size / 2;
  return png(size, size, (x, y) => {
    const d = Math.hypot(x - r, y - r);
    const ring = (d > r - 12 && d < r - 2) || (d > r * 0.62 && d < r * 0.62 + 5);
    const star = d < r * 0.25 && Math.abs(Math.atan2(y - r, x - r) * 5) % (Math.PI * 2) < 1.2;
    return ring || star ? [215, 25, 32, 230] : null;
  });
}

/** An opaque white PNG (what the settings must refuse for a signature image). */
export function opaquePng(w = 200, h = 80): Uint8Array {
  return png(w, h, (x) => (x % 50 < 3 ? [20, 40, 200, 255] : [255, 255, 255, 255]));
}
