import fs from 'node:fs';
import path from 'node:path';
import type { DocumentFont } from '../../../shared/api/channels/app';
import { CoreError } from '../errors';

/**
 * Which typeface documents are set in. Decree 30/2020 prescribes Times New Roman, which cannot
 * be redistributed: the app ships Tinos (same metrics, so line breaks are identical, SIL OFL) and
 * uses the system's Times New Roman when the user chooses it and the operating system has it.
 */
export type FontChoice = DocumentFont;

export interface FontFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

export interface ResolvedFont {
  /** The family embedded in the PDF; recorded so a reader knows which font printed a document. */
  family: 'Tinos' | 'Times New Roman';
  files: FontFiles;
  /** Set when Times New Roman was chosen but not found, so the UI can say why Tinos was used. */
  fallbackReason?: string;
}

const TINOS: FontFiles = {
  normal: 'Tinos-Regular.ttf',
  bold: 'Tinos-Bold.ttf',
  italics: 'Tinos-Italic.ttf',
  bolditalics: 'Tinos-BoldItalic.ttf',
};

/** File names of Times New Roman as each operating system installs it. */
const TIMES_NAMES: FontFiles[] = [
  { normal: 'times.ttf', bold: 'timesbd.ttf', italics: 'timesi.ttf', bolditalics: 'timesbi.ttf' }, // Windows
  {
    normal: 'Times New Roman.ttf',
    bold: 'Times New Roman Bold.ttf',
    italics: 'Times New Roman Italic.ttf',
    bolditalics: 'Times New Roman Bold Italic.ttf',
  }, // macOS
  {
    normal: 'Times_New_Roman.ttf',
    bold: 'Times_New_Roman_Bold.ttf',
    italics: 'Times_New_Roman_Italic.ttf',
    bolditalics: 'Times_New_Roman_Bold_Italic.ttf',
  }, // Debian ttf-mscorefonts
];

/** Folders where the operating system keeps Times New Roman. */
export function systemFontDirs(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  switch (platform) {
    case 'win32':
      return [path.join(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows', 'Fonts')];
    case 'darwin':
      return ['/System/Library/Fonts/Supplemental', '/Library/Fonts', path.join(env.HOME ?? '', 'Library', 'Fonts')];
    default:
      return [
        '/usr/share/fonts/truetype/msttcorefonts',
        '/usr/share/fonts/truetype/mscorefonts',
        path.join(env.HOME ?? '', '.fonts'),
        path.join(env.HOME ?? '', '.local', 'share', 'fonts'),
      ];
  }
}

const inDir = (dir: string, names: FontFiles): FontFiles => ({
  normal: path.join(dir, names.normal),
  bold: path.join(dir, names.bold),
  italics: path.join(dir, names.italics),
  bolditalics: path.join(dir, names.bolditalics),
});

const allExist = (files: FontFiles): boolean => Object.values(files).every((f) => fs.existsSync(f));

/** The four Times New Roman files of the first folder that has all of them, or null. */
export function findTimesNewRoman(dirs: string[]): FontFiles | null {
  for (const dir of dirs) {
    for (const names of TIMES_NAMES) {
      const files = inDir(dir, names);
      if (allExist(files)) return files;
    }
  }
  return null;
}

/**
 * The app's resources folder (holding fonts/). Under tsx and in development builds it is the
 * repository's `resources/`, found by walking up from this file; the packaged app passes
 * `process.resourcesPath`-based paths explicitly; OCOP_RESOURCES_DIR overrides both.
 */
export function defaultResourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.OCOP_RESOURCES_DIR) return path.resolve(env.OCOP_RESOURCES_DIR);
  let dir = import.meta.dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'resources');
    if (fs.existsSync(path.join(candidate, 'fonts', TINOS.normal))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.resolve('resources');
}

export interface FontOptions {
  font?: FontChoice;
  /** Folder holding fonts/ (defaults to `defaultResourcesDir()`). */
  resourcesDir?: string;
  /** Where to look for Times New Roman (defaults to the operating system's font folders). */
  systemFontDirs?: string[];
}

/** Picks the font files for a render; throws with the folder named when Tinos is missing. */
export function resolveFont(opts: FontOptions = {}): ResolvedFont {
  let fallbackReason: string | undefined;
  if (opts.font === 'times-new-roman') {
    const dirs = opts.systemFontDirs ?? systemFontDirs();
    const files = findTimesNewRoman(dirs);
    if (files) return { family: 'Times New Roman', files };
    fallbackReason = `Times New Roman was chosen but its four files (regular, bold, italic, bold italic) are not in ${dirs.join(', ')}; Tinos (same metrics) was used`;
  }
  const fontsDir = path.join(opts.resourcesDir ?? defaultResourcesDir(), 'fonts');
  const files = inDir(fontsDir, TINOS);
  if (!allExist(files)) {
    throw new CoreError(
      'IO',
      `The document fonts are missing from ${fontsDir} (expected ${Object.values(TINOS).join(', ')}): reinstall the app, or in a development checkout run "npx tsx scripts/copy-fonts.ts"`,
      { fontsDir },
    );
  }
  return fallbackReason ? { family: 'Tinos', files, fallbackReason } : { family: 'Tinos', files };
}
