/** "AB:CD:…" (32 pairs) in lines of eight pairs, as easy to compare as a browser's certificate view. */
export const groupFingerprint = (f: string): string => {
  const pairs = f.split(':');
  const lines: string[] = [];
  for (let i = 0; i < pairs.length; i += 8) lines.push(pairs.slice(i, i + 8).join(':'));
  return lines.join('\n');
};
