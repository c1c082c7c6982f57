import http from 'node:http';
import https from 'node:https';
import { invoke } from '../electron/core/api';
import type { Core } from '../electron/core/context';
import { pairDevice } from '../electron/core/room/pairing';
import { fileCore } from '../electron/core/test/fixtures';
import { startBridge, type Bridge } from '../electron/server/http-bridge';
import { createLanHost } from '../electron/server/lan/lan-host';
import { allCriteria } from '../shared/ocop/criteria-set-walk';
import type { CriteriaSet } from '../shared/ocop/criteria-set';
import { defineCases } from './harness';

/**
 * Meeting-room mode under a full council (issue 18): 15 devices, each saving an answer every
 * 500 ms for 5 minutes, through the LAN listener (HTTPS on 127.0.0.2, a loopback address standing
 * in for the room's Wi-Fi) — and the same load through the loopback bridge beside it. Every save
 * carries an idempotency key and every 25th is sent twice (a reply lost on the Wi-Fi): the
 * database must hold every acknowledged answer once, none lost, none twice.
 * OCOP_ROOM_BENCH_SECONDS shortens the run for a quick look (the issue's figure is 300 s).
 */
const DEVICES = 15;
const EVERY_MS = 500;
const SECONDS = Number(process.env.OCOP_ROOM_BENCH_SECONDS ?? 300);
/** Bounds of every loop: count and time (a save that hangs is cut by the request timeout). */
const MAX_SAVES_PER_DEVICE = Math.ceil((SECONDS * 1000) / EVERY_MS) + 5;
const REQUEST_TIMEOUT_MS = 10_000;
const HOST = '127.0.0.2';
const PIN = '2468';

interface Device {
  memberId: number;
  sheetId: number;
  cookie: string | null;
  /** Criterion code → the two levels it alternates between (both worth points: no stop rule fires). */
  plan: { code: string; levels: [number, number] }[];
  acked: number;
  /** Criterion → level of the last acknowledged save. */
  last: Map<string, number>;
}

interface State {
  core: Core;
  kind: 'lan' | 'bridge';
  post: (d: Device, channel: string, body: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string } }>;
  close: () => Promise<void>;
  devices: Device[];
  latencies: number[];
  failures: string[];
  duplicatesSent: number;
  lost: number;
  duplicated: number;
  events: number;
}

async function arrange(core: Core): Promise<{ sessionId: number; members: number[]; regs: number[]; set: CriteriaSet }> {
  const api = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await invoke(core.ctx, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as T;
  };
  const round = await api<{ id: number }>('rounds:create', {
    year: 2026,
    number: 1,
    endDate: '2026-06-30',
    deadlineDate: '2026-04-30',
  });
  const producer = await api<{ id: number }>('producers:create', {
    kind: 'cooperative',
    name: 'Hợp tác xã Sen Vàng',
    communeCode: '29500',
    communeName: 'Xã Mỹ Hiệp',
    provinceCode: '82',
    provinceName: 'Đồng Tháp',
  });
  const regs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const p = await api<{ id: number }>('products:create', {
      producerId: producer.id,
      name: `Sản phẩm ${i + 1}`,
      setKey: 'qd26-2026/07',
      codeYear: 2026,
    });
    regs.push((await api<{ id: number }>('registrations:create', { productId: p.id, roundId: round.id, kind: 'first' })).id);
  }
  const council = await api<{ council: { id: number }; members: { id: number; role: string }[] }>('councils:create', {
    name: 'Hội đồng thử tải',
    level: 'provincial',
    members: [
      ...Array.from({ length: DEVICES }, (_, i) => ({
        fullName: `Thành viên ${String(i + 1).padStart(2, '0')}`,
        role: i === 0 ? 'chair' : i === 1 ? 'vice_chair' : 'member',
        activeFrom: '2026-01-01',
        position: 'Thành viên',
      })),
      { fullName: 'Thư ký', role: 'secretary', activeFrom: '2026-01-01', position: 'Chuyên viên' },
    ],
  });
  const members = council.members.filter((m) => m.role !== 'secretary').map((m) => m.id);
  for (const id of members) await api('scoring:setPin', { memberId: id, pin: PIN });
  const session = await api<{ session: { id: number }; members: { memberId: number }[] }>('sessions:create', {
    councilId: council.council.id,
    roundId: round.id,
    kind: 'meeting',
    title: 'Phiên thử tải',
    date: '2026-06-18',
    place: 'Hội trường',
    startTime: '08:00',
  });
  const sessionId = session.session.id;
  await api('sessions:setAgenda', { id: sessionId, registrationIds: regs });
  for (const m of session.members) await api('sessions:setAttendance', { id: sessionId, memberId: m.memberId, present: true });
  await api('sessions:transition', { id: sessionId, to: 'in_progress' });
  const versionId = (await api<{ agenda: { criteriaSetVersionId: number }[] }>('sessions:get', { id: sessionId })).agenda[0]!
    .criteriaSetVersionId;
  const set = (await api<{ content: CriteriaSet }>('criteria:get', { id: versionId })).content;
  return { sessionId, members, regs, set };
}

/** Criteria no rule mentions, with two levels worth points each: saves that always change something. */
function planOf(set: CriteriaSet): Device['plan'] {
  const rules = JSON.stringify(set.rules);
  return allCriteria(set)
    .map((p) => p.criterion)
    .filter((c) => !rules.includes(`"${c.code}"`))
    .map((c) => ({ code: c.code, positive: c.levels.flatMap((l, i) => (l.points > 0 ? [i] : [])) }))
    .filter((c) => c.positive.length >= 2)
    .map((c) => ({ code: c.code, levels: [c.positive[0]!, c.positive[1]!] as [number, number] }));
}

function request(
  agent: http.Agent | https.Agent,
  url: URL,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string; setCookie: string | null }> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text, setCookie: (res.headers['set-cookie'] ?? [])[0] ?? null }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

async function setup(kind: 'lan' | 'bridge'): Promise<State> {
  const core = await fileCore();
  const { sessionId, members, regs, set } = await arrange(core);
  const plan = planOf(set);
  let close: () => Promise<void>;
  let base: URL;
  let headersOf: (d: Device) => Record<string, string>;
  // One kept-alive connection per device, as a phone's browser keeps one.
  const agents = new Map<number, http.Agent>();
  const agentOf = (d: Device) => {
    let a = agents.get(d.memberId);
    if (!a) {
      a =
        kind === 'lan'
          ? new https.Agent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false })
          : new http.Agent({ keepAlive: true, maxSockets: 1 });
      agents.set(d.memberId, a);
    }
    return a;
  };
  const devices: Device[] = members.map((memberId) => ({ memberId, sheetId: 0, cookie: null, plan, acked: 0, last: new Map() }));
  if (kind === 'lan') {
    const lan = createLanHost({
      ctx: core.ctx,
      rendererDir: core.ctx.paths.dataDir,
      dataDir: core.ctx.paths.dataDir,
      interfaces: () => [{ name: 'bench', address: HOST, kind: 'loopback' }],
      defaultPort: 0,
      log: () => {},
    });
    core.ctx.lan = lan;
    const started = await invoke(core.ctx, 'room:start', { sessionId, address: HOST });
    if (!started.ok || !started.value.room) throw new Error('room:start failed');
    const room = started.value.room;
    base = new URL(room.url);
    for (const d of devices) {
      const p = await pairDevice(core.ctx, {
        code: room.pairingCode,
        memberId: d.memberId,
        pin: PIN,
        remoteAddress: HOST,
        userAgent: 'bench',
      });
      d.cookie = `ocop_device=${p.token}`;
    }
    headersOf = (d) => ({ cookie: d.cookie!, origin: `https://${HOST}:${room.port}` });
    close = async () => {
      for (const a of agents.values()) a.destroy();
      await lan.dispose();
    };
  } else {
    const bridge: Bridge = await startBridge({ ctx: core.ctx, log: () => {} });
    base = new URL(bridge.url);
    headersOf = () => ({ 'x-ocop-token': bridge.token });
    close = async () => {
      for (const a of agents.values()) a.destroy();
      await bridge.close();
    };
  }
  const post: State['post'] = async (d, channel, body) => {
    const r = await request(agentOf(d), new URL(`/api/${channel}`, base), headersOf(d), JSON.stringify(body));
    return JSON.parse(r.text) as { ok: boolean; error?: { code: string; message: string } };
  };
  // Each device opens its own sheet (the members spread over three products).
  for (const [i, d] of devices.entries()) {
    const r = (await post(d, 'scoring:open', {
      sessionId,
      registrationId: regs[i % regs.length]!,
      memberId: d.memberId,
      ...(kind === 'bridge' ? { pin: PIN } : {}),
    })) as {
      ok: boolean;
      value?: { sheet: { id: number } };
      error?: { message: string };
    };
    if (!r.ok) throw new Error(`scoring:open: ${r.error?.message}`);
    d.sheetId = r.value!.sheet.id;
  }
  return { core, kind, post, close, devices, latencies: [], failures: [], duplicatesSent: 0, lost: 0, duplicated: 0, events: 0 };
}

let opSeq = 0;
const opId = (kind: string) => `bench-${kind}-${(opSeq++).toString(16).padStart(10, '0')}`;

async function runDevice(s: State, d: Device, offsetMs: number, endAt: number): Promise<void> {
  await new Promise((r) => setTimeout(r, offsetMs));
  let next = performance.now();
  for (let k = 0; k < MAX_SAVES_PER_DEVICE && performance.now() < endAt; k++) {
    const step = d.plan[k % d.plan.length]!;
    const level = step.levels[Math.floor(k / d.plan.length) % 2]!;
    const body = { sheetId: d.sheetId, criterionCode: step.code, levelIndex: level, opId: opId(s.kind) };
    const t0 = performance.now();
    try {
      const r = await s.post(d, 'scoring:setAnswer', body);
      s.latencies.push(performance.now() - t0);
      if (!r.ok) s.failures.push(`${r.error?.code}: ${r.error?.message}`);
      else {
        d.acked++;
        d.last.set(step.code, level);
      }
      // Every 25th save: the reply "lost", the device sends the same change again.
      if (k % 25 === 24) {
        s.duplicatesSent++;
        const again = await s.post(d, 'scoring:setAnswer', body);
        if (!again.ok) s.failures.push(`resend ${again.error?.code}`);
      }
    } catch (e) {
      s.failures.push(String(e));
    }
    next += EVERY_MS;
    const wait = next - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
}

async function run(s: State): Promise<void> {
  const endAt = performance.now() + SECONDS * 1000;
  await Promise.all(s.devices.map((d, i) => runDevice(s, d, (i * EVERY_MS) / DEVICES, endAt)));
  // Every acknowledged save once in the events, and the last one as the current answer.
  const sqlite = s.core.ctx.sqlite;
  for (const d of s.devices) {
    const events = sqlite
      .prepare("SELECT count(*) FROM score_answer_event WHERE sheet_id = ? AND kind = 'level'")
      .pluck()
      .get(d.sheetId) as number;
    s.events += events;
    if (events > d.acked) s.duplicated += events - d.acked;
    if (events < d.acked) s.lost += d.acked - events;
    for (const [code, level] of d.last) {
      const stored = sqlite
        .prepare('SELECT level_index FROM score_answer WHERE sheet_id = ? AND criterion_code = ?')
        .pluck()
        .get(d.sheetId, code);
      if (stored !== level) s.lost++;
    }
  }
}

const loadCase = (kind: 'lan' | 'bridge', name: string) => ({
  name,
  setup: () => setup(kind),
  run,
  teardown: async (s: State) => {
    await s.close();
    s.core.close();
  },
  iterations: 1,
  warmup: 0,
  samples: (s: State) => s.latencies,
  target: { p99Ms: 50 },
  check: {
    describe: '0 lost, 0 duplicated, no refusal',
    met: (s: State) => s.lost === 0 && s.duplicated === 0 && s.failures.length === 0 && s.latencies.length > 0,
  },
  notes: (s: State) =>
    `${DEVICES} devices × every ${EVERY_MS} ms × ${SECONDS} s: ${s.latencies.length} saves (+${s.duplicatesSent} re-sent with the same key), ${s.events} events stored, lost ${s.lost}, duplicated ${s.duplicated}, refused ${s.failures.length}${s.failures[0] ? ` (${s.failures[0]})` : ''}; max ${Math.max(...s.latencies).toFixed(1)} ms`,
});

export const cases = defineCases<State>(
  loadCase('lan', 'meeting room: 15 devices save every 500 ms through the LAN listener (HTTPS, 127.0.0.2)'),
  loadCase('bridge', 'the same load through the loopback bridge (HTTP, 127.0.0.1), for comparison'),
);
