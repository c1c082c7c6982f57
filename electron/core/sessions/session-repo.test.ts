import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../context';
import { call, callError } from '../test/call';
import { fileCore } from '../test/fixtures';
import { getSession, sessionOnly } from './session-repo';
import { markAttendance, preparedSession, secondRules } from './test/fixtures';

/**
 * The one session read model (issue 12): `getSession` is what the sessions, scoring, results and
 * documents areas read a session through, so a change of the session, its council, round or rules
 * reaches every screen alike. On a real database file, edited once behind the app's back.
 */

let core: Core;
afterEach(() => core?.close());

const sqlite3 = (file: string, script: string) => execFileSync('sqlite3', [file], { input: script });

describe('getSession, the session read model', () => {
  it('reads the session with its council, round and rules, as sessions:get shows them', async () => {
    core = await fileCore();
    const p = await preparedSession(core);
    const f = await getSession(core.ctx.db, p.sessionId);
    const detail = await call(core, 'sessions:get', { id: p.sessionId });
    expect(sessionOnly(f)).toEqual(detail.session);
    expect(f.council).toEqual(detail.council);
    expect(f.round).toEqual(detail.round);
    expect(f.rules).toEqual(detail.rules);
    // camelCase all the way down: no snake_case key leaks out of the repository.
    const keys = JSON.stringify(f).match(/"[a-z]+_[a-z_]+":/g);
    expect(keys).toBeNull();
    expect(f).toMatchObject({
      id: p.sessionId,
      status: 'preparing',
      date: '2026-06-15',
      startTime: '08:00',
      council: { id: p.council.council.id, name: p.council.council.name },
      round: { id: p.roundId },
      rules: { version: 1, councilId: p.council.council.id },
    });
  });

  it('every area sees the same session after its rules, council and title change (one behind the app’s back)', async () => {
    core = await fileCore();
    const p = await preparedSession(core);
    await markAttendance(core, p.sessionId, p.memberIds);
    await call(core, 'councils:setRules', {
      id: p.council.council.id,
      rules: secondRules,
    });
    await call(core, 'sessions:transition', { id: p.sessionId, to: 'in_progress' });
    // A clerk with the sqlite3 command line renames the council and retitles the session.
    const file = core.ctx.paths.databasePath;
    sqlite3(
      file,
      `UPDATE council SET name = 'Hội đồng đã đổi tên' WHERE id = ${p.council.council.id};
       UPDATE session SET title = 'Phiên sửa ngoài ứng dụng' WHERE id = ${p.sessionId};`,
    );

    const f = await getSession(core.ctx.db, p.sessionId);
    expect(f).toMatchObject({
      status: 'in_progress',
      title: 'Phiên sửa ngoài ứng dụng',
      council: { name: 'Hội đồng đã đổi tên' },
      rules: { version: 2, spreadLimit: 8, minimaRule: 'every_member' },
    });
    const detail = await call(core, 'sessions:get', { id: p.sessionId });
    expect(detail.session.title).toBe(f.title);
    expect(detail.council.name).toBe(f.council.name);
    const results = await call(core, 'results:session', { sessionId: p.sessionId });
    expect(results.session).toMatchObject({
      title: f.title,
      status: f.status,
      councilName: f.council.name,
      councilLevel: f.council.level,
      roundName: f.round.name,
      legalBasis: f.round.legalBasis,
    });
    expect(results.rules).toMatchObject({ spreadLimit: 8, minimaRule: 'every_member', displayDecimals: 1 });
    const scoring = await call(core, 'scoring:assignments', { sessionId: p.sessionId, memberId: p.memberIds[0]! });
    expect(scoring.session).toMatchObject({ title: f.title, status: 'in_progress', councilName: 'Hội đồng đã đổi tên' });
    expect(scoring.membersSeeOthersBeforeSubmit).toBe(true);
  });

  it('a session that does not exist is NOT_FOUND naming it, in every area alike', async () => {
    core = await fileCore();
    await expect(getSession(core.ctx.db, 999)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Session 999 does not exist',
    });
    for (const [channel, input] of [
      ['sessions:get', { id: 999 }],
      ['results:session', { sessionId: 999 }],
      ['scoring:spread', { sessionId: 999 }],
    ] as const) {
      const e = await callError(core, channel, input);
      expect(e, channel).toMatchObject({ code: 'NOT_FOUND', message: 'Session 999 does not exist' });
    }
  });
});
