import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../../shared/api/contract';
import { ERROR_CODES } from '../../../shared/api/errors';
import type { Core } from '../../core/context';
import { DEVICE_CHANNELS } from '../../core/room/device-scope';
import { hashPin } from '../../core/scoring/member-pin';
import { call } from '../../core/test/call';
import { scoringFixture, type ScoringFixture } from '../../core/scoring/test/fixtures';
import { fileCore, tempDir } from '../../core/test/fixtures';
import {
  CHANNEL_CASE_KINDS,
  changedRows,
  databaseFingerprint,
  FIELD_CASE_KINDS,
  fuzzCases,
  fuzzDepthFromEnv,
  SAMPLE_EVERY,
} from '../test/fuzz-cases';
import { createLanHost } from './lan-host';
import { headerLines, rawLan, rawLanPost } from './test/raw-tls';

/**
 * Issue 14's contract fuzz and malformed-request cases, against the meeting-room listener (TLS on
 * 127.0.0.2, the loopback address standing in for the room's Wi-Fi) with a paired device's
 * cookie: every answer is a typed envelope, never INTERNAL; a refusal writes nothing; channels
 * outside the device allowlist are refused before their input is validated; the listener keeps
 * serving throughout.
 *
 * Each call is a fresh TLS connection, so the full run (~1,500 calls) took 1–3 minutes on the
 * shared machine. `npm test` runs a sample (a rotating quarter of the cases of each channel and
 * field — every kind of case still reaches many channels, checked below);
 * `OCOP_FUZZ=full npx vitest run electron/server/lan/lan-fuzz.test.ts` runs every case.
 */
const DEPTH = fuzzDepthFromEnv();
const HOST = '127.0.0.2';
/** Every authenticated call may refresh the device's "last seen" (and a heartbeat its unsent count): not data. */
const SEEN = ['room_device'];
let core: Core;
let f: ScoringFixture;
let lan: ReturnType<typeof createLanHost>;
let port: number;
let headers: Record<string, string>;
const logged: string[] = [];

beforeAll(async () => {
  core = await fileCore();
  f = await scoringFixture({}, core);
  await f.db
    .updateTable('council_member')
    .set({ pin_hash: hashPin('1357') })
    .execute();
  const dir = tempDir('ocop-lan-renderer-');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'device.html'), '<!doctype html><title>device</title>');
  lan = createLanHost({
    ctx: core.ctx,
    rendererDir: dir,
    dataDir: core.ctx.paths.dataDir,
    interfaces: () => [{ name: 'test', address: HOST, kind: 'loopback' }],
    defaultPort: 0,
    log: (m) => logged.push(m),
  });
  core.ctx.lan = lan;
  const room = (await call(core, 'room:start', { sessionId: f.sessionId, address: HOST })).room!;
  port = room.port;
  const origin = `https://${HOST}:${port}`;
  const paired = await rawLanPost(
    HOST,
    port,
    '/room/pair',
    JSON.stringify({ code: room.pairingCode, memberId: f.members.m1, pin: '1357' }),
    {
      origin,
    },
  );
  const cookie = /ocop_device=([^;]+)/.exec(paired.headers['set-cookie'] ?? '')![1]!;
  headers = { cookie: `ocop_device=${cookie}`, origin };
  // The device has a sheet open, so the fuzz also reaches real sheets.
  const open = await rawLanPost(
    HOST,
    port,
    '/api/scoring:open',
    JSON.stringify({ sessionId: f.sessionId, registrationId: f.regs.a, memberId: f.members.m1 }),
    headers,
  );
  expect(JSON.parse(open.body)).toMatchObject({ ok: true });
}, 120_000);
afterAll(async () => {
  await lan?.dispose();
  core?.close();
});

const stillServing = async () => {
  const me = await rawLanPost(HOST, port, '/api/room:me', '{}', headers);
  expect(JSON.parse(me.body)).toMatchObject({ ok: true, value: { memberId: f.members.m1 } });
};

describe('meeting-room listener under fuzz', () => {
  it(
    'answers every generated input with a typed envelope, refuses channels outside the allowlist without validating their input, writes nothing on a refusal',
    async () => {
      let state = databaseFingerprint(core.ctx.sqlite, SEEN);
      let changed = changedRows(core.ctx.sqlite);
      const codes = new Map<string, number>();
      let calls = 0;
      const kindsSent = new Set<string>();
      let allowedSeen = 0;
      for (const [n, channel] of channelNames.entries()) {
        const allowed = DEVICE_CHANNELS[channel] !== undefined;
        const generated = allowed ? fuzzCases(channel, DEPTH, allowedSeen++) : [];
        for (const c of generated) kindsSent.add(c.kind);
        // Outside the allowlist the input is never validated (a large input of the wrong shape gets the
        // same 403): an empty input on each, a large one on some (all when full) are enough to show it.
        const big = `{"x":"${'x'.repeat(100_000)}"}`;
        const cases = allowed ? generated.map((c) => c.body) : DEPTH === 'full' || n % SAMPLE_EVERY === 0 ? ['{}', big] : ['{}'];
        for (const body of cases) {
          const res = await rawLanPost(HOST, port, `/api/${channel}`, body, headers);
          calls++;
          const where = `${channel} ← ${body.slice(0, 80)}`;
          expect(res.status, where).not.toBe(0);
          expect(res.status, where).not.toBe(500);
          const env = JSON.parse(res.body) as { ok: boolean; error?: { code: string; message: string } };
          if (!allowed) expect([res.status, env.error?.code], where).toEqual([403, 'FORBIDDEN_SCOPE']);
          if (env.ok) {
            state = databaseFingerprint(core.ctx.sqlite, SEEN);
            changed = changedRows(core.ctx.sqlite);
            continue;
          }
          expect(ERROR_CODES, where).toContain(env.error!.code);
          expect(env.error!.code, `${where}: ${env.error!.message}`).not.toBe('INTERNAL');
          expect(env.error!.message, where).not.toContain(core.ctx.paths.dataDir);
          expect(env.error!.message, where).not.toMatch(/SQLITE_|\bat \S+\.ts:\d+/);
          codes.set(env.error!.code, (codes.get(env.error!.code) ?? 0) + 1);
          if (changedRows(core.ctx.sqlite) !== changed) {
            expect(databaseFingerprint(core.ctx.sqlite, SEEN), `${where} changed the database`).toBe(state);
            changed = changedRows(core.ctx.sqlite);
          }
        }
      }
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(logged.filter((l) => l.includes('failed (ref'))).toEqual([]);
      expect([...codes.keys()]).toEqual(expect.arrayContaining(['VALIDATION', 'BAD_JSON', 'FORBIDDEN_SCOPE']));
      // Sampled or not, every kind of value case reached the allowed channels' fields.
      expect(kindsSent.size).toBe(FIELD_CASE_KINDS + CHANNEL_CASE_KINDS);
      console.info(`LAN contract fuzz (${DEPTH}): ${calls} calls, refusals ${JSON.stringify(Object.fromEntries(codes))}`);
      await stillServing();
    },
    10 * 60_000,
  );

  it('malformed requests over TLS and in plain bytes get a 4xx (or a closed socket) and the listener keeps serving', async () => {
    const before = databaseFingerprint(core.ctx.sqlite, SEEN);
    const h = `Host: ${HOST}:${port}\r\n`;
    const answers = {
      badEscape: await rawLan(HOST, port, `GET /%E0%A4%A HTTP/1.1\r\n${h}Connection: close\r\n\r\n`),
      nulInPath: await rawLan(HOST, port, `GET /assets/a%00b HTTP/1.1\r\n${h}Connection: close\r\n\r\n`),
      absoluteForm: await rawLan(HOST, port, `GET http://[ HTTP/1.1\r\n${h}Connection: close\r\n\r\n`),
      noHost: await rawLan(HOST, port, `GET / HTTP/1.1\r\nConnection: close\r\n\r\n`),
      otherHost: await rawLan(HOST, port, `GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`),
      twoHosts: await rawLan(HOST, port, `GET / HTTP/1.1\r\nHost: evil.example\r\n${h}Connection: close\r\n\r\n`),
      hugeHeader: await rawLan(HOST, port, `GET / HTTP/1.1\r\n${h}x-big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`),
      bigBody: await rawLanPost(HOST, port, '/api/scoring:setNote', `{"note":"${'x'.repeat(300_000)}"}`, headers),
      deepJson: await rawLanPost(HOST, port, '/api/scoring:setNote', '['.repeat(5000) + ']'.repeat(5000), headers),
      badUtf8: await rawLanPost(HOST, port, '/api/scoring:setNote', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), headers),
      textPlain: await rawLan(
        HOST,
        port,
        `POST /api/room:me HTTP/1.1\r\n${h}content-type: text/plain\r\n${headerLines(headers)}Content-Length: 2\r\nConnection: close\r\n\r\n{}`,
      ),
      pairWrongShape: await rawLanPost(HOST, port, '/room/pair', '{"code":1,"memberId":"x","__proto__":{"a":1}}', {
        origin: headers.origin!,
      }),
      pairDeep: await rawLanPost(HOST, port, '/room/pair/members', '{"code":' + '['.repeat(100) + ']'.repeat(100) + '}', {
        origin: headers.origin!,
      }),
      garbageTls: await rawLan(HOST, port, Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a])),
      garbagePlain: await rawLan(HOST, port, Buffer.from('\x01\x02NOT HTTP\r\n\r\n'), { tls: false }),
    };
    for (const [name, a] of Object.entries(answers)) {
      expect(a.status === 0 || (a.status >= 300 && a.status < 500), `${name} → ${a.status}`).toBe(true);
    }
    expect(answers.otherHost.status).toBe(403);
    // The actor header of programs on the loopback bridge means nothing here: the device acts as its member.
    const actor = await rawLanPost(HOST, port, '/api/room:me', '{}', { ...headers, 'x-ocop-actor': '%E0%A4%A' });
    expect(JSON.parse(actor.body)).toMatchObject({ ok: true, value: { memberId: f.members.m1 } });
    // 413, or the connection cut while the client is still sending (the answer lost in the reset).
    expect([0, 413]).toContain(answers.bigBody.status);
    expect(answers.deepJson.status).toBe(400);
    expect(answers.textPlain.status).toBe(415);
    expect(answers.pairWrongShape.status).toBe(400);

    // A client that drops mid-body, and a TLS client that stops mid-handshake: nothing unhandled.
    await new Promise<void>((resolve) => {
      const s = tls.connect({ host: HOST, port, rejectUnauthorized: false }, () => {
        s.write(
          `POST /api/scoring:setNote HTTP/1.1\r\n${h}content-type: application/json\r\n${headerLines(headers)}Content-Length: 100000\r\n\r\n{"a":"`,
        );
        setTimeout(() => {
          s.destroy();
          resolve();
        }, 50);
      });
      s.on('error', () => resolve());
    });
    await new Promise<void>((resolve) => {
      const s = net.connect(port, HOST, () => {
        s.write(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01]));
        setTimeout(() => {
          s.destroy();
          resolve();
        }, 50);
      });
      s.on('error', () => resolve());
    });
    await stillServing();
    expect(logged.filter((l) => l.includes('failed (ref'))).toEqual([]);
    expect(databaseFingerprint(core.ctx.sqlite, SEEN)).toBe(before);
  });
});
