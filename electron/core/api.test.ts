import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from './api';
import type { Core } from './context';
import { memoryCore } from './test/fixtures';

let core: Core;
afterEach(() => core?.close());

describe('invoke', () => {
  it('answers app:info with the schema version and database path', async () => {
    core = await memoryCore();
    const r = await invoke(core.ctx, 'app:info', {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.schemaVersion).toBe(r.value.latestSchemaVersion);
    expect(r.value.databasePath).toBe(':memory:');
    expect(r.value.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('rejects an unknown channel with UNKNOWN_CHANNEL', async () => {
    core = await memoryCore();
    const r = await invoke(core.ctx, 'nope:nothing', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('rejects wrong types with VALIDATION naming the field, and writes nothing', async () => {
    core = await memoryCore();
    const r = await invoke(core.ctx, 'settings:set', { language: 'fr' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.message).toContain('language');
    const tail = await invoke(core.ctx, 'audit:tail', {});
    expect(tail).toMatchObject({ ok: true, value: [] });
  });

  it('rejects unknown keys (strict input)', async () => {
    core = await memoryCore();
    const r = await invoke(core.ctx, 'settings:set', { colour: 'blue' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('sets settings, normalises text to NFC and audits the change', async () => {
    core = await memoryCore();
    const nfd = 'Nguyễn Văn Đức'.normalize('NFD');
    const r = await invoke(core.ctx, 'settings:set', { language: 'en', operatorName: nfd });
    expect(r).toMatchObject({ ok: true, value: { language: 'en', operatorName: 'Nguyễn Văn Đức'.normalize('NFC') } });
    const got = await invoke(core.ctx, 'settings:get', {});
    expect(got).toMatchObject({ ok: true, value: { language: 'en', textSize: 'normal' } });
    const tail = await invoke(core.ctx, 'audit:tail', { limit: 5 });
    expect(tail.ok && tail.value[0]?.action).toBe('settings.set');
    const v = await invoke(core.ctx, 'audit:verify', {});
    expect(v).toMatchObject({ ok: true, value: { ok: true, count: 1 } });
  });
});
