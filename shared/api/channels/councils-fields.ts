import { z } from 'zod';
import { parseIsoDate } from '../../ocop/iso-date';

/** A calendar day 'YYYY-MM-DD' that really exists (no 2026-02-30). */
export const IsoDateString = z.string().superRefine((value, ctx) => {
  try {
    parseIsoDate(value);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message : `"${value}" is not a date YYYY-MM-DD` });
  }
});

/** A clock time 'HH:MM' (24 h), as written in the biên bản ("08 giờ 00 phút"). */
export const TimeString = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/u, 'time must be HH:MM (24-hour), e.g. 08:00');
