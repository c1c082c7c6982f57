import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { CommuneHit, CommuneListInfo } from '../../../shared/api/channels/places';
import { MAX_COMMUNE_FILE_BYTES } from '../../../shared/api/channels/places';
import { PROVINCES_2008, PROVINCES_2025 } from '../../../shared/ocop/admin-units';
import { foldForSearch } from '../../../shared/text/normalize';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { type Call, runWrite } from '../handlers';
import { CommuneFileError, readGrid } from './commune-file';
import { parseCommuneList } from './commune-list';

/** The built-in provinces (shared/ocop/admin-units.ts), for every host. */
export const provinces = () => ({
  current: PROVINCES_2025.map((p) => ({ ...p, formedFrom: [...p.formedFrom] })),
  former: PROVINCES_2008.map((p) => ({ ...p })),
});

export async function communeList(ctx: CoreContext): Promise<CommuneListInfo | null> {
  const r = await ctx.db.selectFrom('place_commune_import').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r
    ? {
        communes: r.communes,
        provinces: r.provinces,
        fileName: r.file_name,
        sha256: r.sha256,
        importedAt: r.imported_at,
        importedBy: r.imported_by,
      }
    : null;
}

/**
 * Reads, checks and (unless dryRun) installs a commune list. Everything is checked before
 * anything is written; the old list is replaced in the same transaction as the import record
 * and its audit event, so a failure or a kill leaves the previous list whole.
 */
export async function importCommunes(call: Call, input: { fileName: string; contentBase64: string; dryRun: boolean }) {
  const { ctx } = call;
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.byteLength > MAX_COMMUNE_FILE_BYTES)
    throw new CoreError(
      'PAYLOAD_TOO_LARGE',
      `The file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; a commune list is under ${MAX_COMMUNE_FILE_BYTES / 1024 / 1024} MB. Is it the right file?`,
      { size: bytes.byteLength, limit: MAX_COMMUNE_FILE_BYTES },
    );
  let grid;
  try {
    grid = await readGrid(bytes);
  } catch (e) {
    if (e instanceof CommuneFileError)
      throw new CoreError('IMPORT_INVALID', `${input.fileName}: ${e.message}`, {
        errors: [{ code: e.code, message: e.message, params: { file: input.fileName } }],
      });
    throw e;
  }
  const { communes, problems } = parseCommuneList(grid);
  if (problems.length > 0)
    throw new CoreError(
      'IMPORT_INVALID',
      `${input.fileName}: ${problems.length} problem(s) in the commune list, nothing imported; first: ${problems[0]!.row ? `row ${problems[0]!.row}: ` : ''}${problems[0]!.message}`,
      {
        errors: problems.map((p) => ({
          sheet: p.sheet,
          ...(p.row !== undefined ? { row: p.row } : {}),
          ...(p.column ? { column: p.column } : {}),
          code: p.code,
          message: p.message,
          params: { value: p.value ?? '' },
        })),
      },
    );
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const counts = new Map<string, { code: string; name: string; communes: number }>();
  for (const c of communes) {
    const e = counts.get(c.provinceCode) ?? { code: c.provinceCode, name: c.provinceName, communes: 0 };
    e.communes += 1;
    counts.set(c.provinceCode, e);
  }
  const byProvince = [...counts.values()].sort((a, b) => a.code.localeCompare(b.code));
  const replaced = Number(
    (
      await ctx.db
        .selectFrom('place_commune')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const result = { dryRun: input.dryRun, fileSha256: sha256, format: grid.kind, communes: communes.length, byProvince, replaced };
  if (input.dryRun) return result;
  await runWrite(call, async (w) => {
    const { trx } = w;
    await trx.deleteFrom('place_commune').execute();
    // Chunks well under SQLite's 32,766 bound variables (7 columns a row).
    for (let i = 0; i < communes.length; i += 500) {
      await trx
        .insertInto('place_commune')
        .values(
          communes.slice(i, i + 500).map((c) => ({
            code: c.code,
            name: c.name,
            name_folded: foldForSearch(c.name),
            level: c.level,
            province_code: c.provinceCode,
            province_name: c.provinceName,
            district_name: c.districtName,
          })),
        )
        .execute();
    }
    await trx
      .insertInto('place_commune_import')
      .values({
        file_name: input.fileName,
        sha256,
        communes: communes.length,
        provinces: byProvince.length,
        imported_at: w.at.toISOString(),
        imported_by: w.actor,
      })
      .execute();
    await w.audit({
      action: 'places.importCommunes',
      entity: 'place_commune',
      before: { communes: replaced },
      after: { fileName: input.fileName, sha256, format: grid.kind, communes: communes.length, provinces: byProvince.length },
    });
  });
  return result;
}

/**
 * Communes matching what is typed: digits match the code's start; words must all occur in the
 * accent-free name (so "tan thanh" finds "Xã Tân Thạnh" and "Phường Tân Thành"). Names starting
 * with the query come first, then by province and name.
 */
export async function searchCommunes(
  ctx: CoreContext,
  input: { query: string; provinceCode?: string | undefined; limit: number },
): Promise<{ listLoaded: boolean; communes: CommuneHit[] }> {
  const any = await ctx.db.selectFrom('place_commune').select('code').limit(1).executeTakeFirst();
  if (!any) return { listLoaded: false, communes: [] };
  const folded = foldForSearch(input.query)
    .replace(/^(xa|phuong|dac khu|thi tran)\s+/u, '')
    .trim();
  let q = ctx.db.selectFrom('place_commune').selectAll();
  if (input.provinceCode) q = q.where('province_code', '=', input.provinceCode);
  if (/^\d+$/u.test(folded)) q = q.where('code', 'like', `${folded}%`);
  else for (const w of folded.split(' ').filter(Boolean).slice(0, 6)) q = q.where(sql<boolean>`instr(name_folded, ${w}) > 0`);
  const rows = await q
    .orderBy(
      sql`CASE WHEN instr(name_folded, ${folded}) > 0 AND substr(replace(replace(name_folded, 'xa ', ''), 'phuong ', ''), 1, ${folded.length}) = ${folded} THEN 0 ELSE 1 END`,
    )
    .orderBy('province_code')
    .orderBy('name_folded')
    .limit(input.limit)
    .execute();
  return {
    listLoaded: true,
    communes: rows.map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      provinceCode: r.province_code,
      provinceName: r.province_name,
      districtName: r.district_name,
    })),
  };
}
