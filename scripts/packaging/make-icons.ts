/**
 * `npm run -s package:icons`: draws build/icon.svg with Chromium (the one the end-to-end tests
 * use; no image tool needs installing) at every size the packages need and writes
 * - build/icons/<n>x<n>.png: the Linux icon set (electron-builder's `linux.icon` folder; the
 *   file names carry the size, as it requires), and build/icon.png (512 px);
 * - build/icon.ico: the Windows icon (executable, installer, shortcuts): 16–64 px as 32-bit
 *   bitmaps (what every Windows shell reads), 256 px as PNG (Vista and later).
 * The files are committed; icons.test.ts checks them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { PNG } from 'pngjs';

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 256] as const;

/** One ICO image entry: a 32-bit BGRA DIB with its AND mask (from RGBA pixels), as Windows stores it. */
function dibEntry(png: PNG): Buffer {
  const { width: w, height: h, data } = png;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(w, 4);
  header.writeInt32LE(h * 2, 8); // XOR bitmap + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(w * h * 4, 20);
  const pixels = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const src = (y * w + x) * 4;
      const dst = ((h - 1 - y) * w + x) * 4; // bottom-up rows
      pixels[dst] = data[src + 2]!;
      pixels[dst + 1] = data[src + 1]!;
      pixels[dst + 2] = data[src]!;
      pixels[dst + 3] = data[src + 3]!;
    }
  }
  const maskRow = Math.ceil(w / 32) * 4;
  const mask = Buffer.alloc(maskRow * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (data[(y * w + x) * 4 + 3] === 0) mask[(h - 1 - y) * maskRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

/** A Windows .ico holding the given PNG images (bitmaps below 256 px, PNG at 256). */
export function buildIco(images: { size: number; png: Buffer }[]): Buffer {
  const entries = images.map(({ size, png }) => ({ size, data: size >= 256 ? png : dibEntry(PNG.sync.read(png)) }));
  const dir = Buffer.alloc(6 + 16 * entries.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2); // 1 = icon
  dir.writeUInt16LE(entries.length, 4);
  let offset = dir.length;
  entries.forEach((e, i) => {
    const at = 6 + 16 * i;
    dir.writeUInt8(e.size >= 256 ? 0 : e.size, at); // 0 means 256
    dir.writeUInt8(e.size >= 256 ? 0 : e.size, at + 1);
    dir.writeUInt8(0, at + 2);
    dir.writeUInt8(0, at + 3);
    dir.writeUInt16LE(1, at + 4);
    dir.writeUInt16LE(32, at + 6);
    dir.writeUInt32LE(e.data.length, at + 8);
    dir.writeUInt32LE(offset, at + 12);
    offset += e.data.length;
  });
  return Buffer.concat([dir, ...entries.map((e) => e.data)]);
}

async function main() {
  const buildDir = path.resolve('build');
  const svg = fs.readFileSync(path.join(buildDir, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const rendered = new Map<number, Buffer>();
  try {
    for (const size of [...new Set([...LINUX_SIZES, ...ICO_SIZES])]) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const data = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img src="${data}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      rendered.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  fs.mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) fs.writeFileSync(path.join(buildDir, 'icons', `${size}x${size}.png`), rendered.get(size)!);
  fs.writeFileSync(path.join(buildDir, 'icon.png'), rendered.get(512)!);
  fs.writeFileSync(path.join(buildDir, 'icon.ico'), buildIco(ICO_SIZES.map((size) => ({ size, png: rendered.get(size)! }))));
  console.log(
    `Wrote build/icon.ico (${ICO_SIZES.join(', ')} px), build/icon.png and build/icons/ (${LINUX_SIZES.join(', ')} px).`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
