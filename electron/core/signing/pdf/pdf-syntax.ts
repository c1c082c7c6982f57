/** Bits of PDF syntax the signer writes by hand (ISO 32000-1 §7.3, §7.9.2, §7.9.4). */

/** A text string: a literal when it is printable ASCII, else UTF-16BE with a BOM as a hex string. */
export function pdfTextString(s: string): string {
  if (/^[\x20-\x7e]*$/u.test(s)) return `(${s.replace(/[\\()]/gu, (c) => `\\${c}`)})`;
  const units = Buffer.alloc(2 + s.length * 2);
  units.writeUInt16BE(0xfeff, 0);
  for (let i = 0; i < s.length; i++) units.writeUInt16BE(s.charCodeAt(i), 2 + 2 * i);
  return `<${units.toString('hex').toUpperCase()}>`;
}

/** Vietnam's offset from UTC in minutes (no daylight saving). */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The wall-clock fields of `at` in the zone `offsetMinutes` east of UTC. */
function fields(at: Date, offsetMinutes: number) {
  const d = new Date(at.getTime() + offsetMinutes * 60_000);
  return {
    y: d.getUTCFullYear(),
    mo: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    h: pad(d.getUTCHours()),
    mi: pad(d.getUTCMinutes()),
    s: pad(d.getUTCSeconds()),
    sign: offsetMinutes >= 0 ? '+' : '-',
    oh: pad(Math.floor(Math.abs(offsetMinutes) / 60)),
    om: pad(Math.abs(offsetMinutes) % 60),
  };
}

/** A PDF date, e.g. D:20260618143000+07'00' (the signature's /M). */
export function pdfDate(at: Date, offsetMinutes = VIETNAM_OFFSET_MINUTES): string {
  const f = fields(at, offsetMinutes);
  return `D:${f.y}${f.mo}${f.d}${f.h}${f.mi}${f.s}${f.sign}${f.oh}'${f.om}'`;
}

/** ISO 8601 with the zone, e.g. 2026-06-18T14:30:00+07:00: the time on the visible info line (NĐ 30 Phụ lục I). */
export function isoWithOffset(at: Date, offsetMinutes = VIETNAM_OFFSET_MINUTES): string {
  const f = fields(at, offsetMinutes);
  return `${f.y}-${f.mo}-${f.d}T${f.h}:${f.mi}:${f.s}${f.sign}${f.oh}:${f.om}`;
}

/** Reads a PDF date (D:YYYYMMDDHHmmSS with an optional zone); null when it is not one. */
export function parsePdfDate(s: string): Date | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(\d{2})?'?)?)?/u.exec(s.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', sec = '00', z, oh = '00', om = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec));
  const offset = !z || z === 'Z' || z === 'z' ? 0 : (z === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const t = utc - offset * 60_000;
  return Number.isNaN(t) ? null : new Date(t);
}
