/**
 * The `documentFont` setting turned into render options, for every path that prints (one
 * document, the batch worker, the CLI through the same channels) and for the status the
 * Settings screen shows.
 */
import type { DocumentFontStatus } from '../../../shared/api/channels/documents';
import type { CoreContext } from '../context';
import { readSettings } from '../settings/settings-repo';
import { defaultResourcesDir, findTimesNewRoman, resolveFont, systemFontDirs, type FontOptions } from './fonts';

/**
 * Font options with every folder resolved here, on the main thread: the batch worker gets them
 * as data and looks nowhere else.
 */
export async function documentFontOptions(ctx: CoreContext): Promise<Required<FontOptions>> {
  const { documentFont } = await readSettings(ctx.db);
  return { font: documentFont, resourcesDir: defaultResourcesDir(), systemFontDirs: ctx.systemFontDirs ?? systemFontDirs() };
}

/** What the next document embeds and, when Times New Roman was chosen but is missing, why. */
export async function documentFontStatus(ctx: CoreContext): Promise<DocumentFontStatus> {
  const opts = await documentFontOptions(ctx);
  const resolved = resolveFont(opts);
  return {
    choice: opts.font,
    family: resolved.family,
    timesNewRomanFound: findTimesNewRoman(opts.systemFontDirs) !== null,
    searchedDirs: opts.systemFontDirs,
    fallbackReason: resolved.fallbackReason ?? null,
  };
}
