import fs from 'node:fs';
import type http from 'node:http';
import type { Envelope } from '../../shared/api/envelope';
import type { ErrorCode } from '../../shared/api/errors';

/** What a route answers. Security headers are added by the pipeline. */
export interface Reply {
  status: number;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  /**
   * A reply that stays open (server-sent events): called with the response after the head is
   * written, instead of a body. It owns the response until the client goes away.
   */
  stream?: (res: http.ServerResponse) => void;
  /** A file streamed as the body (large downloads); `cleanup` runs when the answer ends either way. */
  file?: { path: string; cleanup?: () => void };
}

/**
 * A refusal the pipeline turns into a typed JSON answer (`{ ok: false, error: { code, message } }`)
 * with an HTTP status. `destroy`: close the connection after answering (a body still streaming in
 * that we will not read).
 */
export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly opts: { destroy?: boolean } = {},
    readonly status?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
  get destroy(): boolean {
    return this.opts.destroy ?? false;
  }
}

export function jsonReply(status: number, value: unknown, headers: Record<string, string | string[]> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(value),
  };
}

export function htmlReply(status: number, html: string, headers: Record<string, string | string[]> = {}): Reply {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers }, body: html };
}

export function sendEnvelope(res: http.ServerResponse, status: number, env: Envelope<unknown>): void {
  sendReply(res, jsonReply(status, env), 'POST');
}

/** Writes a reply; HEAD gets the headers only. */
export function sendReply(res: http.ServerResponse, reply: Reply, method: string): void {
  if (reply.stream && method !== 'HEAD') {
    res.writeHead(reply.status, reply.headers);
    reply.stream(res);
    return;
  }
  if (reply.file) {
    const { path: file, cleanup } = reply.file;
    const done = () => cleanup?.();
    res.once('close', done);
    res.writeHead(reply.status, { ...reply.headers, 'content-length': fs.statSync(file).size });
    if (method === 'HEAD') {
      res.end();
      return;
    }
    const stream = fs.createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
    return;
  }
  const body = reply.body ?? '';
  res.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(body) });
  res.end(method === 'HEAD' ? undefined : body);
}
