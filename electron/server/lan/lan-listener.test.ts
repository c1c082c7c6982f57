import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../core/context';
import { hashPin } from '../../core/scoring/member-pin';
import { call } from '../../core/test/call';
import { scoringFixture, type ScoringFixture } from '../../core/scoring/test/fixtures';
import { fileCore, tempDir } from '../../core/test/fixtures';
import { certificateFiles, fingerprintOf } from './certificate';
import { createLanHost } from './lan-host';
import { rawLan, rawLanGet, rawLanPost } from './test/raw-tls';

/**
 * The meeting-room listener on 127.0.0.2 (a loopback address standing in for the room's Wi-Fi:
 * tests never bind a private-range or public address), through real TLS sockets.
 */
const HOST = '127.0.0.2';
const PIN = '2468';

interface Setup {
  f: ScoringFixture;
  core: Core;
  lan: ReturnType<typeof createLanHost>;
  logged: string[];
}
let current: Setup | null = null;
afterEach(async () => {
  await current?.lan.dispose();
  current?.core.close();
  current = null;
});

function fakeRenderer(): string {
  const dir = tempDir('ocop-lan-renderer-');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'device.html'), '<!doctype html><title>device</title>');
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>SECRETARY APP</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'device-1.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside assets');
  return dir;
}

async function setup(): Promise<Setup> {
  const core = await fileCore();
  const f = await scoringFixture({}, core);
  await f.db
    .updateTable('council_member')
    .set({ pin_hash: hashPin(PIN) })
    .execute();
  const logged: string[] = [];
  const lan = createLanHost({
    ctx: core.ctx,
    rendererDir: fakeRenderer(),
    dataDir: core.ctx.paths.dataDir,
    interfaces: () => [{ name: 'test', address: HOST, kind: 'loopback' }],
    defaultPort: 0,
    log: (m) => logged.push(m),
  });
  core.ctx.lan = lan;
  current = { f, core, lan, logged };
  return current;
}

interface Env {
  ok: boolean;
  value?: { members?: unknown[]; sheet?: { id: number }; totalPoints?: number; memberId?: number };
  error?: { code: string; details?: { reason?: string } };
}
const json = (body: string) => JSON.parse(body) as Env;

async function startRoom(s: Setup, plainHttp = false) {
  const st = await call(s.core, 'room:start', { sessionId: s.f.sessionId, address: HOST, ...(plainHttp ? { plainHttp } : {}) });
  return st.room!;
}

async function pairOver(port: number, code: string, memberId: number, opts: { tls?: boolean; pin?: string } = {}) {
  const origin = `${opts.tls === false ? 'http' : 'https'}://${HOST}:${port}`;
  const r = await rawLanPost(
    HOST,
    port,
    '/room/pair',
    JSON.stringify({ code, memberId, pin: opts.pin ?? PIN }),
    { origin },
    opts,
  );
  const cookie = /ocop_device=([^;]+)/.exec(r.headers['set-cookie'] ?? '')?.[1];
  return { r, cookie };
}

const peerFingerprint = (port: number) =>
  new Promise<string>((resolve, reject) => {
    const s = tls.connect({ host: HOST, port, rejectUnauthorized: false }, () => {
      resolve(s.getPeerCertificate().fingerprint256);
      s.end();
    });
    s.on('error', reject);
  });

describe('meeting-room listener', () => {
  it('presents the installation certificate over HTTPS on the chosen address only, and refuses plain HTTP', async () => {
    const s = await setup();
    const room = await startRoom(s);
    expect(room.protocol).toBe('https');
    const stored = fingerprintOf(
      new Uint8Array(
        Buffer.from(
          fs.readFileSync(certificateFiles(s.core.ctx.paths.dataDir).cert, 'utf8').replace(/-----[^-]+-----|\s/g, ''),
          'base64',
        ),
      ),
    );
    expect(await peerFingerprint(room.port)).toBe(stored);
    expect(room.fingerprint).toBe(stored);

    // Not on 127.0.0.1: the listener is bound to the chosen address only.
    await expect(
      new Promise((resolve, reject) => {
        const c = net.connect(room.port, '127.0.0.1', () => resolve('connected'));
        c.on('error', reject);
      }),
    ).rejects.toThrow(/ECONNREFUSED/);

    // Plain HTTP on the HTTPS port: a page load is sent to https://, anything else refused, nothing served.
    const get = await rawLanGet(HOST, room.port, '/', {}, { tls: false });
    expect(get.status).toBe(301);
    expect(get.headers.location).toBe(`https://${HOST}:${room.port}/`);
    expect(get.body).not.toContain('device');
    const post = await rawLanPost(
      HOST,
      room.port,
      '/room/pair',
      JSON.stringify({ code: room.pairingCode, memberId: s.f.members.m1, pin: PIN }),
      {},
      { tls: false },
    );
    expect(post.status).toBe(403);
    expect(post.headers['set-cookie']).toBeUndefined();
    expect(await s.f.db.selectFrom('room_device').selectAll().execute()).toEqual([]);
  });

  it('serves the device page and its assets, never the secretary app or files outside assets', async () => {
    const s = await setup();
    const room = await startRoom(s);
    const page = await rawLanGet(HOST, room.port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>device</title>');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await rawLanGet(HOST, room.port, '/assets/device-1.js')).status).toBe(200);
    for (const target of [
      '/index.html',
      '/assets/../index.html',
      '/assets/..%2Fsecret.txt',
      '/secret.txt',
      '/assets/%2e%2e/index.html',
    ])
      expect((await rawLanGet(HOST, room.port, target)).body, target).not.toMatch(/SECRETARY APP|outside assets/);
    // Another Host header (DNS rebinding) is refused.
    expect((await rawLan(HOST, room.port, `GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`)).status).toBe(403);
  });

  it('pairs a device with an HttpOnly, SameSite=Strict, Secure cookie and serves its own member only', async () => {
    const s = await setup();
    const room = await startRoom(s);
    const origin = `https://${HOST}:${room.port}`;
    const names = await rawLanPost(HOST, room.port, '/room/pair/members', JSON.stringify({ code: room.pairingCode }), { origin });
    expect(json(names.body).value?.members).toHaveLength(4);

    const { r, cookie } = await pairOver(room.port, room.pairingCode, s.f.members.m1);
    expect(r.status).toBe(200);
    expect(r.headers['set-cookie']).toMatch(/HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200; Secure/);
    const headers = { cookie: `ocop_device=${cookie}`, origin };

    const me = json((await rawLanPost(HOST, room.port, '/api/room:me', '{}', headers)).body);
    expect(me.value).toMatchObject({ memberId: s.f.members.m1, sessionId: s.f.sessionId, fingerprint: room.fingerprint });

    const open = json(
      (
        await rawLanPost(
          HOST,
          room.port,
          '/api/scoring:open',
          JSON.stringify({ sessionId: s.f.sessionId, registrationId: s.f.regs.a, memberId: s.f.members.m1 }),
          headers,
        )
      ).body,
    );
    expect(open.ok).toBe(true);
    const saved = json(
      (
        await rawLanPost(
          HOST,
          room.port,
          '/api/scoring:setAnswer',
          JSON.stringify({ sheetId: open.value!.sheet!.id, criterionCode: '1.1', levelIndex: 2, opId: 'abcdefabcdef0123456789' }),
          headers,
        )
      ).body,
    );
    expect(saved).toMatchObject({ ok: true, value: { totalPoints: 3 } });

    // Another member's work, the secretary's channels, no cookie, another origin: refused, nothing written.
    const before = await s.f.db
      .selectFrom('score_answer_event')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const refused = [
      await rawLanPost(
        HOST,
        room.port,
        '/api/scoring:open',
        JSON.stringify({ sessionId: s.f.sessionId, registrationId: s.f.regs.a, memberId: s.f.members.m2 }),
        headers,
      ),
      await rawLanPost(HOST, room.port, '/api/room:stop', '{}', headers),
      await rawLanPost(HOST, room.port, '/api/backup:create', '{}', headers),
      // Refused before its body is read: malformed JSON on a channel outside the allowlist is not parsed.
      await rawLanPost(HOST, room.port, '/api/backup:create', '{"never parsed', headers),
    ];
    for (const x of refused) expect([x.status, json(x.body).error?.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    const noCookie = await rawLanPost(HOST, room.port, '/api/room:me', '{}', { origin });
    expect([noCookie.status, json(noCookie.body).error?.details?.reason]).toEqual([401, 'unpaired']);
    const crossSite = await rawLanPost(HOST, room.port, '/api/room:me', '{}', {
      cookie: `ocop_device=${cookie}`,
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
    const after = await s.f.db
      .selectFrom('score_answer_event')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect((await call(s.core, 'room:stop', {})).room).toBeNull();
  });

  it('wrong code and PIN are answered plainly and limited with 429 and Retry-After', async () => {
    const s = await setup();
    const room = await startRoom(s);
    const wrong = room.pairingCode === '000000' ? '111111' : '000000';
    const bad = await rawLanPost(HOST, room.port, '/room/pair/members', JSON.stringify({ code: wrong }), {
      origin: `https://${HOST}:${room.port}`,
    });
    expect([bad.status, json(bad.body).error?.code]).toEqual([400, 'WRONG_CODE']);
    for (let i = 0; i < 4; i++) await pairOver(room.port, room.pairingCode, s.f.members.m1, { pin: '0000' });
    const limited = await pairOver(room.port, room.pairingCode, s.f.members.m1, { pin: PIN });
    expect(limited.r.status).toBe(429);
    expect(Number(limited.r.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.cookie).toBeUndefined();
    const audit = await s.f.db.selectFrom('audit_log').select('action').where('action', '=', 'room.pair.refused').execute();
    expect(audit).toHaveLength(5);
  });

  it('plain HTTP only when the secretary turned it on; stopping the mode or closing the session closes the listener', async () => {
    const s = await setup();
    const room = await startRoom(s, true);
    expect(room).toMatchObject({ protocol: 'http', fingerprint: null, url: `http://${HOST}:${room.port}/` });
    const { cookie } = await pairOver(room.port, room.pairingCode, s.f.members.m1, { tls: false });
    expect(cookie).toBeTruthy();
    // No TLS on a plain listener.
    expect((await rawLanGet(HOST, room.port, '/', {}, { tls: true }).catch(() => ({ status: -1 }))).status).not.toBe(200);

    // Closing the session closes the room and the listener.
    await call(s.core, 'sessions:transition', { id: s.f.sessionId, to: 'closed', endTime: '11:00' });
    for (let i = 0; i < 50 && s.lan.current() !== null; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await call(s.core, 'room:status', {})).room).toBeNull();
    const audit = await s.f.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('action', '=', 'room.stop')
      .execute();
    expect(audit[0]?.after_json).toContain('session closed');
    expect(s.lan.current()).toBeNull();
    await expect(
      new Promise((resolve, reject) => {
        const c = net.connect(room.port, HOST, () => resolve('connected'));
        c.on('error', reject);
      }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});
