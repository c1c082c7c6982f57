/** Rule conditions of a criteria set placed into the sheet's Vietnamese sentences. */

/**
 * A stop condition as a question: the sets word it with its own verb ("có tạp chất…", "sản phẩm vi
 * phạm…", "không có Phiếu công bố…"), so the text only gets its first letter raised. A template that
 * added "Có" printed "6.1 Có có tạp chất…" (issue 16 item 11).
 */
export const conditionSentence = (condition: string): string => {
  const c = condition.trim();
  return c ? `${c.charAt(0).toLocaleUpperCase('vi')}${c.slice(1)}` : c;
};

/** A conditional criterion's condition without its leading "có", for "Không có {{condition}}". */
export const conditionBody = (condition: string): string => condition.trim().replace(/^có\s+/iu, '');
