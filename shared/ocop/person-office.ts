/**
 * A person's position and agency as one line, e.g. "Phó Chủ tịch UBND tỉnh" + "UBND tỉnh Hà Tĩnh"
 * → "Phó Chủ tịch UBND tỉnh Hà Tĩnh". People type the agency into both fields (the position often
 * names it, the office field repeats it), and a plain join printed "Phó Chủ tịch UBND tỉnh UBND tỉnh
 * Hà Tĩnh" on the minutes. The words shared by the end of the position and the start of the office are
 * written once; an office already inside the position (or the other way round) is written once.
 */
const words = (s: string): string[] => s.normalize('NFC').trim().split(/\s+/).filter(Boolean);
const key = (w: string): string => w.toLocaleLowerCase('vi').replace(/[,.;:]+$/u, '');

export function joinPositionOffice(position: string, office: string): string {
  const p = words(position);
  const o = words(office);
  if (p.length === 0) return o.join(' ');
  if (o.length === 0) return p.join(' ');
  const pk = p.map(key);
  const ok = o.map(key);
  const inside = (hay: string[], needle: string[]): boolean => hay.some((_, i) => needle.every((w, j) => hay[i + j] === w));
  if (inside(pk, ok)) return p.join(' ');
  if (inside(ok, pk)) return o.join(' ');
  // The longest run of words that ends the position and starts the office.
  for (let n = Math.min(p.length, o.length); n > 0; n--) {
    if (pk.slice(p.length - n).every((w, i) => w === ok[i])) return [...p, ...o.slice(n)].join(' ');
  }
  return [...p, ...o].join(' ');
}
