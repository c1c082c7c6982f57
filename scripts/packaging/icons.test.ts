import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ICO_SIZES, LINUX_SIZES } from './make-icons';

const build = path.resolve(__dirname, '../../build');

/** The images of a .ico file as Windows reads them: size, kind and pixel data. */
function readIco(buf: Buffer) {
  expect(buf.readUInt16LE(0)).toBe(0);
  expect(buf.readUInt16LE(2)).toBe(1);
  const n = buf.readUInt16LE(4);
  return Array.from({ length: n }, (_, i) => {
    const at = 6 + 16 * i;
    const size = buf.readUInt8(at) || 256;
    const bytes = buf.readUInt32LE(at + 8);
    const offset = buf.readUInt32LE(at + 12);
    const data = buf.subarray(offset, offset + bytes);
    expect(data.length, `entry ${i} lies inside the file`).toBe(bytes);
    return { size, data, png: data.subarray(0, 8).equals(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1')) };
  });
}

describe('icons (build/, made from build/icon.svg by npm run -s package:icons)', () => {
  it('the Windows .ico has every size from 16 to 256 px, bitmaps below 256 and a PNG at 256', () => {
    const images = readIco(fs.readFileSync(path.join(build, 'icon.ico')));
    expect(images.map((i) => i.size)).toEqual([...ICO_SIZES]);
    for (const img of images) {
      if (img.size === 256) {
        expect(img.png).toBe(true);
        const png = PNG.sync.read(img.data);
        expect([png.width, png.height]).toEqual([256, 256]);
      } else {
        expect(img.png).toBe(false);
        // BITMAPINFOHEADER: 40 bytes, width, double height (colour + mask), 32 bits per pixel.
        expect(img.data.readUInt32LE(0)).toBe(40);
        expect(img.data.readInt32LE(4)).toBe(img.size);
        expect(img.data.readInt32LE(8)).toBe(img.size * 2);
        expect(img.data.readUInt16LE(14)).toBe(32);
        const maskRow = Math.ceil(img.size / 32) * 4;
        expect(img.data.length).toBe(40 + img.size * img.size * 4 + maskRow * img.size);
      }
    }
  });

  it('the icon is really drawn: opaque red in the middle of each size, transparent corners', () => {
    for (const size of LINUX_SIZES) {
      const png = PNG.sync.read(fs.readFileSync(path.join(build, 'icons', `${size}x${size}.png`)));
      expect([png.width, png.height], `${size}`).toEqual([size, size]);
      const px = (x: number, y: number) => [...png.data.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
      expect(px(0, 0)[3], `${size}: corner`).toBe(0);
      const [r, g, b, a] = px(Math.floor(size * 0.12), Math.floor(size / 2));
      expect(a, `${size}: edge`).toBeGreaterThan(200);
      expect(r! - Math.max(g!, b!), `${size}: red`).toBeGreaterThan(60);
      const [cr, cg, , ca] = px(Math.floor(size / 2), Math.floor(size / 2));
      expect(ca, `${size}: centre`).toBe(255);
      expect(Math.min(cr!, cg!), `${size}: gold star in the centre`).toBeGreaterThan(150);
    }
  });

  it('the Linux set is named by size, as electron-builder requires, and icon.png is the 512 px one', () => {
    expect(fs.readdirSync(path.join(build, 'icons')).sort()).toEqual(LINUX_SIZES.map((s) => `${s}x${s}.png`).sort());
    expect(fs.readFileSync(path.join(build, 'icon.png')).equals(fs.readFileSync(path.join(build, 'icons', '512x512.png')))).toBe(
      true,
    );
  });
});
