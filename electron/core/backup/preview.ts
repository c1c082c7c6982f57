import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DataSide, HistoryRelation, RestorePreview, RoundCounts, SessionState } from '../../../shared/api/channels/backup';
import type { ChannelParsedInput } from '../../../shared/api/contract';
import type { CoreContext } from '../context';
import { ioError } from '../integrity/io-errors';
import { restoreSourceFile } from './backup-service';
import { readManifest } from './manifest';
import { checkBackupFile } from './restore';

/**
 * "What would this restore change?", answered before anyone confirms it. The backup is checked
 * exactly as the restore checks it (so a refusal shows here, not after the confirmation), then both
 * databases are described the same way — per round and per session — and their audit logs compared
 * to say whether the backup is older (events would be lost), newer, the same, or another history.
 * Raw read-only SQL on both files: the backup may be from an older schema and is not the open database.
 */

interface Described {
  side: DataSide;
  rounds: Map<number, { name: string; counts: RoundCounts }>;
  sessions: Map<number, { roundId: number; number: number; title: string; date: string; state: SessionState }>;
}

const tablesOf = (db: Database.Database) =>
  new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);

const countsBy = (db: Database.Database, sql: string): Map<number, number> =>
  new Map((db.prepare(sql).raw().all() as [number, number][]).map(([k, n]) => [k, n]));

export function describeData(db: Database.Database): Described {
  const have = tablesOf(db);
  const schemaVersion = have.has('kysely_migration')
    ? (db.prepare('SELECT count(*) FROM kysely_migration').pluck().get() as number)
    : 0;
  const last = have.has('audit_log')
    ? (db.prepare('SELECT seq, hash, at, action, actor FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
        { seq: number; hash: string; at: string; action: string; actor: string } | undefined)
    : undefined;

  const dossiers = have.has('registration')
    ? countsBy(db, 'SELECT round_id, count(*) FROM registration GROUP BY round_id')
    : new Map<number, number>();
  const submitted = have.has('score_sheet')
    ? countsBy(db, "SELECT session_id, count(*) FROM score_sheet WHERE status = 'submitted' GROUP BY session_id")
    : new Map<number, number>();
  // A finalization counts while it is not reopened (a reopened session's results are not final).
  const finalized = new Set(
    have.has('session_finalization')
      ? (db.prepare('SELECT DISTINCT session_id FROM session_finalization WHERE reopened_at IS NULL').pluck().all() as number[])
      : [],
  );

  const rounds: Described['rounds'] = new Map();
  if (have.has('evaluation_round'))
    for (const r of db.prepare('SELECT id, name, year, number FROM evaluation_round ORDER BY year, number, id').all() as {
      id: number;
      name: string;
      year: number;
      number: number;
    }[])
      rounds.set(r.id, {
        name: r.name || `${r.number}/${r.year}`,
        counts: { sessions: 0, dossiers: dossiers.get(r.id) ?? 0, submittedSheets: 0, finalizedSessions: 0 },
      });

  const sessions: Described['sessions'] = new Map();
  if (have.has('session'))
    for (const s of db.prepare('SELECT id, round_id, number, title, date, status FROM session ORDER BY date, id').all() as {
      id: number;
      round_id: number;
      number: number;
      title: string;
      date: string;
      status: string;
    }[]) {
      const state: SessionState = { status: s.status, submittedSheets: submitted.get(s.id) ?? 0, finalized: finalized.has(s.id) };
      sessions.set(s.id, { roundId: s.round_id, number: s.number, title: s.title, date: s.date, state });
      const round = rounds.get(s.round_id);
      if (round) {
        round.counts.sessions += 1;
        round.counts.submittedSheets += state.submittedSheets;
        if (state.finalized) round.counts.finalizedSessions += 1;
      }
    }

  const totals = { rounds: rounds.size, sessions: 0, dossiers: 0, submittedSheets: 0, finalizedSessions: 0 };
  for (const { counts } of rounds.values()) {
    totals.sessions += counts.sessions;
    totals.dossiers += counts.dossiers;
    totals.submittedSheets += counts.submittedSheets;
    totals.finalizedSessions += counts.finalizedSessions;
  }
  return {
    side: {
      schemaVersion,
      auditHead: last ? { seq: last.seq, hash: last.hash } : null,
      lastEvent: last ? { seq: last.seq, at: last.at, action: last.action, actor: last.actor } : null,
      totals,
    },
    rounds,
    sessions,
  };
}

const hashAt = (db: Database.Database, seq: number): string | undefined =>
  db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq) as string | undefined;

/**
 * The last audit event both logs share. The chain hashes each event over the previous hash, so
 * equal hashes at `seq` mean equal histories up to `seq`: a binary search finds where they part.
 */
export function commonHistory(
  a: Database.Database,
  b: Database.Database,
  aSeq: number,
  bSeq: number,
): { relation: HistoryRelation; commonSeq: number } {
  const same = (seq: number) => seq === 0 || (hashAt(a, seq) !== undefined && hashAt(a, seq) === hashAt(b, seq));
  const shorter = Math.min(aSeq, bSeq);
  if (same(shorter)) {
    const relation: HistoryRelation = aSeq === bSeq ? 'same' : bSeq < aSeq ? 'older' : 'newer';
    return { relation, commonSeq: shorter };
  }
  let lo = 0; // same(lo) holds
  let hi = shorter; // same(hi) does not
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (same(mid)) lo = mid;
    else hi = mid;
  }
  return { relation: 'diverged', commonSeq: lo };
}

function sameState(a: SessionState, b: SessionState): boolean {
  return a.status === b.status && a.submittedSheets === b.submittedSheets && a.finalized === b.finalized;
}

/** Compares an open backup with the current database. Both are only read. */
export function compareData(
  current: Database.Database,
  backup: Database.Database,
): Omit<RestorePreview, 'file' | 'sizeBytes' | 'createdAt'> {
  const cur = describeData(current);
  const bak = describeData(backup);
  const { relation, commonSeq } = commonHistory(current, backup, cur.side.auditHead?.seq ?? 0, bak.side.auditHead?.seq ?? 0);
  const roundIds = [...new Set([...cur.rounds.keys(), ...bak.rounds.keys()])].sort((x, y) => x - y);
  const sessionIds = [...new Set([...cur.sessions.keys(), ...bak.sessions.keys()])].sort((x, y) => x - y);
  return {
    backup: bak.side,
    current: cur.side,
    relation,
    commonSeq,
    eventsLost: (cur.side.auditHead?.seq ?? 0) - commonSeq,
    eventsGained: (bak.side.auditHead?.seq ?? 0) - commonSeq,
    rounds: roundIds.map((roundId) => ({
      roundId,
      name: (cur.rounds.get(roundId) ?? bak.rounds.get(roundId))!.name,
      backup: bak.rounds.get(roundId)?.counts ?? null,
      current: cur.rounds.get(roundId)?.counts ?? null,
    })),
    sessions: sessionIds.flatMap((sessionId) => {
      const c = cur.sessions.get(sessionId);
      const b = bak.sessions.get(sessionId);
      if (c && b && sameState(c.state, b.state)) return [];
      const s = (c ?? b)!;
      return [
        {
          sessionId,
          roundId: s.roundId,
          number: s.number,
          title: s.title,
          date: s.date,
          backup: b?.state ?? null,
          current: c?.state ?? null,
        },
      ];
    }),
  };
}

/** The `backup:preview` channel. */
export function previewRestore(ctx: CoreContext, input: ChannelParsedInput<'backup:preview'>): RestorePreview {
  const source = restoreSourceFile(ctx, input);
  checkBackupFile(source);
  let backup: Database.Database;
  try {
    backup = new Database(source, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw ioError(e, `open the backup ${path.basename(source)}`);
  }
  try {
    return {
      file: path.basename(source),
      sizeBytes: fs.statSync(source).size,
      createdAt: readManifest(source)?.createdAt ?? null,
      ...compareData(ctx.sqlite, backup),
    };
  } finally {
    backup.close();
  }
}
