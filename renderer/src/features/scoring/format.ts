import { vnTime } from '../../../../shared/ocop/vn-time';

/** Time of day for "Đã lưu lúc 09:12:05", in Vietnam time like every other time on screen (24-hour in both languages). */
export const timeOf = (iso: string | null | undefined): string => vnTime(iso);

/** Codes as a short list: "1.2, 4.1, 7". */
export const codeList = (codes: readonly string[], max = 8): string =>
  codes.length > max ? `${codes.slice(0, max).join(', ')}, …` : codes.join(', ');
