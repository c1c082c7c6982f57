/**
 * Copies the Tinos TTFs (Times New Roman metrics, full Vietnamese, SIL OFL 1.1) from the npm
 * package into resources/fonts/, where the PDF renderer and the packaged app find them.
 * The copies are committed, so this only runs again when the package is updated:
 *   npx tsx scripts/copy-fonts.ts
 * (@fontsource/tinos is split into unicode subsets and unusable by pdfmake; this package ships
 * the complete fonts.)
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const pkg = path.join(root, 'node_modules', '@expo-google-fonts', 'tinos');
const out = path.join(root, 'resources', 'fonts');

const files: Record<string, string> = {
  'Tinos-Regular.ttf': '400Regular/Tinos_400Regular.ttf',
  'Tinos-Bold.ttf': '700Bold/Tinos_700Bold.ttf',
  'Tinos-Italic.ttf': '400Regular_Italic/Tinos_400Regular_Italic.ttf',
  'Tinos-BoldItalic.ttf': '700Bold_Italic/Tinos_700Bold_Italic.ttf',
  'OFL.txt': 'LICENSE_FONT',
};

fs.mkdirSync(out, { recursive: true });
for (const [target, source] of Object.entries(files)) {
  fs.copyFileSync(path.join(pkg, source), path.join(out, target));
  console.log(`resources/fonts/${target} ← @expo-google-fonts/tinos/${source}`);
}
