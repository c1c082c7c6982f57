/** Time of day for "Đã lưu lúc 09:12:05" in the user's locale. */
export const timeOf = (iso: string | null | undefined, lang: string): string =>
  iso
    ? new Date(iso).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'vi-VN', {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })
    : '';

/** Codes as a short list: "1.2, 4.1, 7". */
export const codeList = (codes: readonly string[], max = 8): string =>
  codes.length > max ? `${codes.slice(0, max).join(', ')}, …` : codes.join(', ');
