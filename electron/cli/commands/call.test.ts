import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../core/test/fixtures';
import { run } from '../test/run-cli';

describe('CLI call', () => {
  it(
    'calls any channel with JSON or @file input through invoke, and refuses what the contract refuses',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      const created = await run(['call', 'rounds:create', '--input', '{"year": 2026, "number": 1}', '--json', '--data-dir', dir]);
      expect(created.code, created.err).toBe(0);
      const round = JSON.parse(created.out) as { id: number; year: number };
      expect(round.year).toBe(2026);

      const file = path.join(dir, 'get.json');
      fs.writeFileSync(file, JSON.stringify({ id: round.id }));
      const got = await run(['call', 'rounds:get', '--input', `@${file}`, '--json', '--data-dir', dir]);
      expect(got.code, got.err).toBe(0);
      expect(JSON.parse(got.out)).toMatchObject({ round: { id: round.id, year: 2026, number: 1 } });

      // The same validation as the UI: an unknown field, a wrong type, an unknown channel, not JSON.
      const extra = await run(['call', 'rounds:get', '--input', `{"id": ${round.id}, "extra": 1}`, '--data-dir', dir]);
      expect(extra.code).toBe(1);
      expect(extra.err).toContain('VALIDATION');
      expect((await run(['call', 'rounds:get', '--input', '{"id": "one"}', '--data-dir', dir])).code).toBe(1);
      const unknown = await run(['call', 'rounds:explode', '--data-dir', dir]);
      expect(unknown.code).toBe(1);
      expect(unknown.err).toContain('rounds:explode');
      const bad = await run(['call', 'rounds:get', '--input', '{id: 1}', '--data-dir', dir]);
      expect(bad.code).toBe(1);
      expect(bad.err).toContain('--input is not JSON');
      expect((await run(['call', '--data-dir', dir])).code).toBe(2);
    },
  );
});
