import type { Kysely } from 'kysely';
import { Settings } from '../../../shared/api/channels/app';
import { DEFAULT_OLD_BUILD_NOTICE_MONTHS } from '../../../shared/app/build-age';
import type { DB } from '../db/schema';

export const DEFAULT_SETTINGS: Settings = {
  language: 'vi',
  textSize: 'normal',
  operatorName: '',
  documentFont: 'tinos',
  oldBuildNoticeMonths: DEFAULT_OLD_BUILD_NOTICE_MONTHS,
};

/** Reads settings; unknown or invalid stored values fall back to defaults instead of failing the app. */
export async function readSettings(db: Kysely<DB>): Promise<Settings> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).execute();
  const stored: Record<string, unknown> = {};
  for (const r of rows) {
    try {
      stored[r.key] = JSON.parse(r.value);
    } catch {
      // A hand-edited, unparsable value is ignored; the default applies.
    }
  }
  const merged = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const parsed = Settings.shape[key].safeParse(stored[key]);
    if (parsed.success) (merged as Record<string, unknown>)[key] = parsed.data;
  }
  return merged;
}

/** The audit log's name for this computer's operator: the saved name, or 'local' while none is saved. */
export const operatorActor = (operatorName: string): string => operatorName.trim() || 'local';

export async function writeSettings(db: Kysely<DB>, patch: Partial<Settings>, at: Date): Promise<void> {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    await db
      .insertInto('setting')
      .values({ key, value: JSON.stringify(value), updated_at: at.toISOString() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: at.toISOString() }))
      .execute();
  }
}
