import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../context';
import { callError, createNineCouncil } from '../sessions/test-fixture';
import { memoryCore } from '../test/core-fixture';
import { allocateCouncilDocNumber } from './doc-number';

let core: Core;
afterEach(() => core?.close());

describe("the council's own document series", () => {
  it('numbers 01, 02… within a year, restarts each year, and refuses going back a year', async () => {
    core = await memoryCore();
    const c = await createNineCouncil(core);
    const next = (type: string, date: string) => core.ctx.db.transaction().execute((trx) => allocateCouncilDocNumber(trx, c.council.id, type, date));
    expect((await next('BB', '2026-06-15')).text).toBe('01/BB-HĐ');
    expect((await next('QĐ', '2026-06-20')).text).toBe('02/QĐ-HĐ');
    expect(await next('BB', '2027-01-05')).toEqual({ number: 1, year: 2027, text: '01/BB-HĐ' });
    await expect(next('BB', '2026-12-30')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(next('bb', '2027-01-06')).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('docType') });
    for (let i = 0; i < 8; i++) await next('BB', '2027-02-01');
    expect((await next('BB', '2027-02-02')).text).toBe('10/BB-HĐ');
  });

  it('needs the council symbol', async () => {
    core = await memoryCore();
    const c = await createNineCouncil(core, { docSymbol: '' });
    await expect(core.ctx.db.transaction().execute((trx) => allocateCouncilDocNumber(trx, c.council.id, 'BB', '2026-06-15'))).rejects.toMatchObject({ message: expect.stringContaining('docSymbol') });
    expect((await callError(core, 'councils:get', { id: 999 })).code).toBe('NOT_FOUND');
  });
});
