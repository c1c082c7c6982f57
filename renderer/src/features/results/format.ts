import { vnDateTime } from '../../../../shared/ocop/vn-time';

/** An ISO instant as the council reads it: Vietnam time, "05/06/2026 14:30" (shared/ocop/vn-time). */
export const instantText = (iso: string | null | undefined): string => vnDateTime(iso);
