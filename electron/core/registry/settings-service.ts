import type { ChannelParsedInput } from '../../../shared/api/contract';
import { RegistrySettings, type RegistryTarget, TargetMetric } from '../../../shared/api/channels/registry';
import { DEFAULT_LENIENCY_RULES } from '../../../shared/ocop/leniency';
import type { CoreContext } from '../context';
import { fieldError } from '../dossiers/dossier-common';
import { notFound } from '../errors';
import type { Db } from './entry-repo';
import type { Write } from '../handlers';

/**
 * The registry's settings live in the shared `setting` table under "registry.*" keys (the app's
 * own settings ignore keys they do not know). A value edited into nonsense falls back to its default.
 */
export const DEFAULT_REGISTRY_SETTINGS: RegistrySettings = {
  leniencyThresholdPoints: DEFAULT_LENIENCY_RULES.thresholdPoints,
  leniencyMinProducts: DEFAULT_LENIENCY_RULES.minProducts,
  dueHorizonDays: 90,
  reportIssuerParent: 'ỦY BAN NHÂN DÂN TỈNH',
  reportIssuerBody: 'SỞ NÔNG NGHIỆP|VÀ MÔI TRƯỜNG',
  reportPlace: '',
  reportSignerTitle: 'GIÁM ĐỐC',
  reportSignerName: '',
};

const KEY = (k: string) => `registry.${k}`;

export async function readRegistrySettings(db: Db): Promise<RegistrySettings> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).where('key', 'like', 'registry.%').execute();
  const out: Record<string, unknown> = { ...DEFAULT_REGISTRY_SETTINGS };
  for (const r of rows) {
    const name = r.key.slice('registry.'.length) as keyof RegistrySettings;
    if (!(name in RegistrySettings.shape)) continue;
    try {
      const parsed = RegistrySettings.shape[name].safeParse(JSON.parse(r.value));
      if (parsed.success) out[name] = parsed.data;
    } catch {
      // An unreadable value keeps the default.
    }
  }
  return out as RegistrySettings;
}

export const getRegistrySettings = (ctx: CoreContext) => readRegistrySettings(ctx.db);

export async function setRegistrySettings(
  w: Write,
  patch: ChannelParsedInput<'registry:setSettings'>,
): Promise<RegistrySettings> {
  const before = await readRegistrySettings(w.trx);
  const at = w.at.toISOString();
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    await w.trx
      .insertInto('setting')
      .values({ key: KEY(k), value: JSON.stringify(v), updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(v), updated_at: at }))
      .execute();
  }
  const after = await readRegistrySettings(w.trx);
  await w.audit({ action: 'registry.settings', entity: 'setting', entityId: 'registry', before, after });
  return after;
}

// ───────────────────────── Targets of the plan ─────────────────────────

type TargetRow = {
  id: number;
  label: string;
  metric: string;
  min_star: number;
  from_year: number;
  target_year: number;
  target_count: number;
  note: string;
};

const toTarget = (r: TargetRow): RegistryTarget => ({
  id: r.id,
  label: r.label,
  metric: TargetMetric.parse(r.metric),
  minStar: r.min_star,
  fromYear: r.from_year,
  targetYear: r.target_year,
  targetCount: r.target_count,
  note: r.note,
});

export async function listTargets(db: Db): Promise<RegistryTarget[]> {
  return (await db.selectFrom('registry_target').selectAll().orderBy('target_year').orderBy('id').execute()).map(toTarget);
}

export const targets = (ctx: CoreContext) => listTargets(ctx.db);

export async function saveTarget(w: Write, input: ChannelParsedInput<'registry:saveTarget'>): Promise<RegistryTarget> {
  if (input.fromYear > input.targetYear) {
    throw fieldError('targetYear', `${input.targetYear} is before the plan's first year ${input.fromYear}`);
  }
  const at = w.at.toISOString();
  const values = {
    label: input.label,
    metric: input.metric,
    min_star: input.minStar,
    from_year: input.fromYear,
    target_year: input.targetYear,
    target_count: input.targetCount,
    note: input.note,
    updated_at: at,
  };
  let id = input.id;
  if (id !== undefined) {
    const r = await w.trx.updateTable('registry_target').set(values).where('id', '=', id).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw notFound('Target', id);
  } else {
    id = Number(
      (
        await w.trx
          .insertInto('registry_target')
          .values({ ...values, created_at: at })
          .executeTakeFirstOrThrow()
      ).insertId,
    );
  }
  const row = await w.trx.selectFrom('registry_target').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await w.audit({ action: 'registry.target', entity: 'registry_target', entityId: id, after: toTarget(row) });
  return toTarget(row);
}

export async function deleteTarget(w: Write, input: { id: number }): Promise<{ deleted: true }> {
  const row = await w.trx.selectFrom('registry_target').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) throw notFound('Target', input.id);
  await w.trx.deleteFrom('registry_target').where('id', '=', input.id).execute();
  await w.audit({ action: 'registry.targetDelete', entity: 'registry_target', entityId: input.id, before: toTarget(row) });
  return { deleted: true };
}
