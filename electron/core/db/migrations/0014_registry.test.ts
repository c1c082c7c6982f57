import { describe, expect, it } from 'vitest';
import { memoryCore } from '../../test/fixtures';

/**
 * 0014 creates tables only (no data changes); what it must guarantee is that rows written behind
 * the app's back cannot claim what the registry never allows.
 */
describe('migration 0014 registry', () => {
  const base = `INSERT INTO registry_entry (origin, import_key, kind, state, legal_basis, year, product_name, producer_name, producer_key, commune_key, search_folded, created_at, updated_at, star, decision_date, valid_from, valid_to, revoked_on, revoke_ground)
    VALUES ('import', @key, 'first', @state, '148/QĐ-TTg', 2024, 'Nước mắm', 'HTX A', 'n:htx a', 'o:', 'nuoc mam', 't', 't', @star, @decision, @from, @to, @revoked, @ground)`;
  const values = {
    key: 'k1',
    state: 'recognised',
    star: 4,
    decision: '2024-03-01',
    from: '2024-03-01',
    to: '2027-03-01',
    revoked: null as string | null,
    ground: null as string | null,
  };

  it('accepts a consistent recognition, starts its chain at itself, and never lets an entry follow itself', async () => {
    const core = await memoryCore();
    const id = Number(core.ctx.sqlite.prepare(base).run(values).lastInsertRowid);
    expect(core.ctx.sqlite.prepare('SELECT root_id FROM registry_entry WHERE id = ?').get(id)).toEqual({ root_id: id });
    expect(() => core.ctx.sqlite.prepare('UPDATE registry_entry SET follows_id = id').run()).toThrow(/CHECK constraint failed/);
    core.close();
  });

  it('refuses recognitions without a decision, proposals below 3★, certificates for 1–2★ and revocations without a date', async () => {
    const core = await memoryCore();
    const bad: [string, Partial<typeof values>][] = [
      ['recognised without a decision', { decision: null as unknown as string }],
      ['recognised at 2★', { star: 2 }],
      [
        'proposed at 2★',
        {
          state: 'proposed',
          star: 2,
          decision: null as unknown as string,
          from: null as unknown as string,
          to: null as unknown as string,
        },
      ],
      ['not recognised with a decision', { state: 'not_recognised', star: 2 }],
      ['revoked without a date', { state: 'revoked', ground: 'violation' }],
      ['revoked without a ground', { state: 'revoked', revoked: '2025-01-01' }],
      ['an unknown state', { state: 'lost' }],
      ['validity ending before it starts', { to: '2023-01-01' }],
      ['star 7', { star: 7 }],
    ];
    for (const [what, v] of bad) {
      expect(() => core.ctx.sqlite.prepare(base).run({ ...values, key: what, ...v }), what).toThrow(/CHECK constraint failed/);
    }
    expect(() => core.ctx.sqlite.prepare(`UPDATE registry_entry SET commune_code = '12A45'`).run()).not.toThrow();
    core.ctx.sqlite.prepare(base).run(values);
    expect(() => core.ctx.sqlite.prepare(`UPDATE registry_entry SET commune_code = '12A45'`).run()).toThrow(
      /CHECK constraint failed/,
    );
    core.close();
  });
});
