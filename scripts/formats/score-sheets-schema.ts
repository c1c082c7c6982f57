/**
 * The JSON Schema of the score-sheet exchange file (docs/formats/score-sheets.schema.json),
 * generated from the zod model in shared/api/channels/scoring-exchange.ts — the single source.
 * `npx tsx scripts/formats/score-sheets-schema.ts` rewrites the file; a test fails when the
 * committed file is out of date. Cross-checks against the database (members, agenda, criteria
 * set versions, totals) cannot be expressed in JSON Schema; the importer runs them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ScoreSheetsDocument } from '../../shared/api/channels/scoring-exchange';

export const SCORE_SHEETS_SCHEMA_FILE = 'docs/formats/score-sheets.schema.json';

export function scoreSheetsJsonSchema(): string {
  const schema = z.toJSONSchema(ScoreSheetsDocument, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const out = {
    $schema: schema.$schema,
    $id: 'https://ocop-council.local/schemas/score-sheets.schema.json',
    title: 'OCOP score sheets of one council session (phiếu đánh giá của các thành viên)',
    description:
      'Exported and imported by OCOP Council (npm run ocop -- sheets export / sheets import). See docs/formats/score-sheets.md.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = path.resolve(SCORE_SHEETS_SCHEMA_FILE);
  fs.writeFileSync(file, scoreSheetsJsonSchema(), 'utf8');
  console.log(`Wrote ${file}`);
}
