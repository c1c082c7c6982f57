import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AnchorResult } from '../../../shared/api/channels/integrity';
import { SCORE_SHEETS_FORMAT } from '../../../shared/api/channels/scoring-exchange';
import { readDocumentAnchor, sniffFile } from '../documents/integrity/anchor';
import { CoreError } from '../errors';
import type { AuditIndex } from './audit-index';
import type { Collector } from './collector';
import { BACKUP_MANIFEST_FORMAT } from '../backup/manifest';
import { ARCHIVE_MANIFEST_FORMAT, readArchiveManifest } from '../backup/archive-format';

/**
 * Anchors: copies of the audit-log head kept outside the database. A backup holds its whole
 * chain (every event up to its head must still be ours, hash for hash); a backup manifest, an
 * exported sheets file and an archive hold the head; a printed document (PDF, or a photo of the
 * page) holds the head's sequence number and hash prefix, and the results digest prefix.
 */

export interface AnchorPoint {
  source: string;
  seq: number;
  /** Full hash (lower-case hex) or a printed prefix (any case). */
  hash: string;
  /** Extra check for printed documents: the finalization the page was printed from. */
  finalization?: { sessionId: number; version: number | null; digestPrefix: string };
}

export interface ReadAnchors {
  points: AnchorPoint[];
  /** A backup's whole chain (seq → hash), compared event by event. */
  chain?: { source: string; hashes: Map<number, string> };
  problems: string[];
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1');

/** Reads the anchors of a file given by path or by content (name + bytes). */
export async function readAnchors(file: { path?: string; name?: string; bytes?: Buffer }): Promise<ReadAnchors> {
  let bytes = file.bytes;
  const name = file.name ?? (file.path ? path.basename(file.path) : 'file');
  if (!bytes) {
    try {
      bytes = fs.readFileSync(file.path!);
    } catch (e) {
      throw new CoreError('IO', `againstPath: cannot read ${name}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
        field: 'againstPath',
      });
    }
  }
  if (bytes.subarray(0, 16).equals(SQLITE_MAGIC)) return backupChain(bytes, file.path, name);
  const kind = sniffFile(bytes);
  if (kind) {
    const doc = await readDocumentAnchor(bytes);
    const points: AnchorPoint[] = [];
    const problems: string[] = [];
    for (const a of doc.anchors) {
      if (a.auditSeq === null || a.auditHashPrefix === null) {
        problems.push(`${name}: page ${a.pages.join(', ')} was printed before documents carried the audit head`);
        continue;
      }
      points.push({
        source: kind,
        seq: a.auditSeq,
        hash: a.auditHashPrefix,
        finalization: { sessionId: a.sessionId, version: a.version, digestPrefix: a.digestPrefix },
      });
    }
    if (doc.anchors.length === 0) problems.push(`${name}: no document code (QR or printed line) was found in it`);
    return { points, problems };
  }
  const archive = readArchiveManifest(bytes);
  if (archive) return headPoint('archive', archive.auditHead, name);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new CoreError(
      'VALIDATION',
      `againstPath: ${name} is not a backup, a backup manifest, an archive, an exported sheets file, a PDF or a photo (PNG, JPEG)`,
      { field: 'againstPath' },
    );
  }
  const o = (json ?? {}) as { format?: unknown; auditHead?: unknown };
  if (o.format === BACKUP_MANIFEST_FORMAT) return headPoint('backup', o.auditHead, name);
  if (o.format === ARCHIVE_MANIFEST_FORMAT) return headPoint('archive', o.auditHead, name);
  if (o.format === SCORE_SHEETS_FORMAT) {
    if (o.auditHead === undefined)
      return { points: [], problems: [`${name}: exported before files carried the audit head; nothing to compare`] };
    return headPoint('export', o.auditHead, name);
  }
  throw new CoreError(
    'VALIDATION',
    `againstPath: ${name} is JSON but not a file this app writes (format ${JSON.stringify(o.format)})`,
    {
      field: 'againstPath',
    },
  );
}

function headPoint(source: string, head: unknown, name: string): ReadAnchors {
  const h = head as { seq?: unknown; hash?: unknown } | null | undefined;
  if (h === null) return { points: [], problems: [`${name}: written when the audit log was empty; nothing to compare`] };
  if (typeof h?.seq !== 'number' || typeof h.hash !== 'string' || !/^[0-9a-f]{64}$/u.test(h.hash))
    return { points: [], problems: [`${name}: its audit head is missing or damaged`] };
  return { points: [{ source, seq: h.seq, hash: h.hash }], problems: [] };
}

/** A backup database: its whole audit chain (seq → hash), read from a read-only copy. */
function backupChain(bytes: Buffer, filePath: string | undefined, name: string): ReadAnchors {
  let file = filePath;
  let tmp: string | null = null;
  if (!file) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-anchor-'));
    file = path.join(tmp, 'backup.sqlite');
    fs.writeFileSync(file, bytes);
  }
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq').all() as { seq: number; hash: string }[];
      const hashes = new Map(rows.map((r) => [r.seq, r.hash]));
      const last = rows.at(-1);
      return {
        points: last ? [{ source: 'backup', seq: last.seq, hash: last.hash }] : [],
        chain: { source: 'backup', hashes },
        problems: last ? [] : [`${name}: its audit log is empty; nothing to compare`],
      };
    } finally {
      db.close();
    }
  } catch (e) {
    if (e instanceof CoreError) throw e;
    throw new CoreError('VALIDATION', `againstPath: ${name} looks like a database but cannot be read as a backup of this app`, {
      field: 'againstPath',
    });
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Compares anchors with the chain; each mismatch is a difference of the 'anchors' check. */
export function compareAnchors(
  audit: AuditIndex,
  read: ReadAnchors,
  finalizations: { sessionId: number; seq: number; digest: string }[],
  c: Collector,
): AnchorResult[] {
  const out: AnchorResult[] = [];
  const last = audit.rows.at(-1)?.seq ?? 0;
  if (read.chain) {
    for (const [seq, hash] of read.chain.hashes) {
      c.checked('anchors');
      const ours = audit.bySeq.get(seq);
      if (!ours) {
        c.add(
          'anchors',
          'audit_log',
          `event ${seq} (in the ${read.chain.source})`,
          hash,
          `missing: the log ends at event ${last}`,
        );
        break;
      }
      if (ours.hash !== hash) {
        c.add('anchors', 'audit_log', `event ${seq} (in the ${read.chain.source})`, hash, ours.hash);
        break;
      }
    }
  }
  for (const p of read.points) {
    c.checked('anchors');
    const ours = audit.bySeq.get(p.seq);
    let ok = ours !== undefined && ours.hash.toLowerCase().startsWith(p.hash.toLowerCase()) && p.hash.length >= 8;
    let message = ours
      ? ok
        ? `the database still holds the history this ${p.source} recorded, up to event ${p.seq}`
        : `event ${p.seq} differs from what this ${p.source} recorded: the history was rewritten`
      : `the audit log ends at event ${last}, but this ${p.source} recorded event ${p.seq}: later events were removed`;
    if (!ok)
      c.add(
        'anchors',
        'audit_log',
        `event ${p.seq} (${p.source})`,
        p.hash,
        ours ? ours.hash : `missing: the log ends at event ${last}`,
      );
    if (ok && p.finalization) {
      const f = p.finalization;
      const match = finalizations.find(
        (x) =>
          x.sessionId === f.sessionId &&
          (f.version === null || x.seq === f.version) &&
          x.digest.toUpperCase().startsWith(f.digestPrefix.toUpperCase()),
      );
      if (!match) {
        ok = false;
        message = `session ${f.sessionId}${f.version ? ` finalization ${f.version}` : ''}: no finalization with results digest ${f.digestPrefix}… is stored`;
        c.add(
          'anchors',
          'session_finalization',
          `session ${f.sessionId}, finalization ${f.version ?? '?'}`,
          f.digestPrefix,
          'no such digest',
        );
      }
    }
    out.push({ source: p.source, seq: p.seq, hash: p.hash, ok, message });
  }
  return out;
}
