import type { ChannelOutput, ChannelParsedInput } from '../../../shared/api/contract';
import { LEGAL_BASES, CURRENT_LEGAL_BASIS, LEGAL_BASIS_IDS } from '../../../shared/ocop/legal-basis';
import { ProductClassificationTree } from '../../../shared/ocop/criteria-classification';
import { foldForSearch } from '../../../shared/text/normalize';
import classificationJson from '../../../resources/criteria/classification.json' with { type: 'json' };
import type { CoreContext } from '../context';
import { runWrite, type Call } from '../handlers';
import { criteriaContentHash } from './content-hash';
import { parseCriteriaFile } from './criteria-import';
import {
  findVersionByHash,
  getContentJson,
  getCriteriaSetSummary,
  getCriteriaSetVersion,
  listCriteriaSetVersions,
  maxVersionOf,
  searchCriteriaText,
} from './criteria-repo';
import { insertVersions } from './version-insert';
import { criteriaSetToXlsx } from './xlsx/criteria-xlsx-write';

/** Services of the criteria area: they own transactions and write the audit events. */

/** A task: the file is parsed and checked before the transaction opens, so an invalid file never touches the database. */
export async function importCriteriaSet(
  call: Call,
  input: ChannelParsedInput<'criteria:import'>,
): Promise<ChannelOutput<'criteria:import'>> {
  const set = await parseCriteriaFile(input.format, input.content);
  const contentHash = criteriaContentHash(set);
  return runWrite(call, async ({ trx, at, audit }) => {
    const existing = await findVersionByHash(trx, set.setKey, contentHash);
    if (existing !== undefined) return { outcome: 'unchanged' as const, version: await getCriteriaSetSummary(trx, existing) };
    const version = (await maxVersionOf(trx, set.setKey)) + 1;
    const [id] = await insertVersions(trx, [{ set, contentHash, version, builtIn: false }], at.toISOString());
    const summary = await getCriteriaSetSummary(trx, id!);
    await audit({
      action: 'criteria.import',
      entity: 'criteria_set_version',
      entityId: id,
      after: {
        setKey: set.setKey,
        version,
        contentHash,
        name: set.name,
        decision: set.decision,
        format: input.format,
        fileName: input.fileName ?? null,
      },
    });
    return { outcome: version === 1 ? ('created' as const) : ('new_version' as const), version: summary };
  });
}

/** The versions installed, each marked used once a registration pins it. */
export async function listCriteriaSets(
  ctx: CoreContext,
  input: ChannelParsedInput<'criteria:list'>,
): Promise<ChannelOutput<'criteria:list'>> {
  return (await listCriteriaSetVersions(ctx.db, { allVersions: input.allVersions })).map((s) => ({ ...s, used: s.locked }));
}

const fileStem = (setKey: string, version: number): string => `bo-tieu-chi-${setKey.replace(/[/\\]/g, '-')}-v${version}`;

export async function exportCriteriaSet(
  ctx: CoreContext,
  input: ChannelParsedInput<'criteria:export'>,
): Promise<ChannelOutput<'criteria:export'>> {
  const summary = await getCriteriaSetSummary(ctx.db, input.id);
  if (input.format === 'json') {
    // The stored JSON, re-indented: the file is exactly the content whose hash is shown in the app.
    const content = `${JSON.stringify(JSON.parse(await getContentJson(ctx.db, input.id)), null, 2)}\n`;
    return {
      fileName: `${fileStem(summary.setKey, summary.version)}.json`,
      mimeType: 'application/json',
      encoding: 'utf8',
      content,
    };
  }
  const { content } = await getCriteriaSetVersion(ctx.db, input.id);
  const xlsx = await criteriaSetToXlsx(content);
  return {
    fileName: `${fileStem(summary.setKey, summary.version)}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    encoding: 'base64',
    content: xlsx.toString('base64'),
  };
}

export async function searchCriteria(
  ctx: CoreContext,
  input: ChannelParsedInput<'criteria:search'>,
): Promise<ChannelOutput<'criteria:search'>> {
  const words = foldForSearch(input.query)
    .split(' ')
    .filter((w) => w !== '');
  if (words.length === 0) return { hits: [], truncated: false };
  return searchCriteriaText(ctx.db, words, { versionIds: input.versionIds, limit: input.limit });
}

let tree: ProductClassificationTree | null = null;

export async function criteriaClassification(ctx: CoreContext): Promise<ChannelOutput<'criteria:classification'>> {
  tree ??= ProductClassificationTree.parse(classificationJson);
  const latestVersionIds: Record<string, number> = {};
  for (const s of await listCriteriaSetVersions(ctx.db)) latestVersionIds[s.setKey] = s.id;
  const legalBases = LEGAL_BASIS_IDS.map((id) => {
    const b = LEGAL_BASES[id];
    return {
      id,
      signed: b.signed,
      current: id === CURRENT_LEGAL_BASIS,
      sourceStatus: b.sourceStatus,
      parts: b.parts.map((p) => ({ code: p.code, max: p.max })),
      bandStyle: b.bandStyle,
      bandsVerified: b.bandsVerified,
      bands: b.bands.map((band) => ({
        stars: band.stars,
        min: band.minCenti / 100,
        max: band.writtenMaxCenti / 100,
        maxInclusive: band.writtenMaxInclusive,
        recognizedBy: b.recognisedBy[band.stars],
        wording: band.wording,
      })),
    };
  });
  return { tree, latestVersionIds, legalBases };
}
