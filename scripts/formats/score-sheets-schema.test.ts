import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCORE_SHEETS_SCHEMA_FILE, scoreSheetsJsonSchema } from './score-sheets-schema';

describe('docs/formats/score-sheets.schema.json', () => {
  it('is the schema generated from the zod model (run: npx tsx scripts/formats/score-sheets-schema.ts)', () => {
    expect(fs.readFileSync(SCORE_SHEETS_SCHEMA_FILE, 'utf8')).toBe(scoreSheetsJsonSchema());
  });
  it('describes the required parts of a sheet', () => {
    const schema = JSON.parse(scoreSheetsJsonSchema());
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'formatVersion', 'session', 'sheets']));
    const sheet = schema.properties.sheets.items;
    expect(sheet.required).toEqual(expect.arrayContaining(['registrationNo', 'member', 'criteriaSet', 'answers', 'totalPoints']));
    expect(sheet.additionalProperties).toBe(false);
  });
  it('is version 2 and describes the re-scoring rounds (who opened them, when and why)', () => {
    const schema = JSON.parse(scoreSheetsJsonSchema());
    expect(schema.properties.formatVersion.const).toBe(2);
    expect(schema.required).toContain('rounds');
    const round = schema.properties.rounds.items;
    expect(round.required).toEqual(
      expect.arrayContaining(['registrationNo', 'productCode', 'roundNo', 'reason', 'openedAt', 'openedBy']),
    );
    expect(round.properties.roundNo.minimum).toBe(1);
    expect(round.additionalProperties).toBe(false);
  });
});
