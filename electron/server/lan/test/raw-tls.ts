import net from 'node:net';
import tls from 'node:tls';

export interface RawAnswer {
  /** e.g. 400; 0 when the server closed without answering. */
  status: number;
  headers: Record<string, string>;
  body: string;
  raw: string;
}

/**
 * Bytes exactly as given, over a fresh TLS (or plain TCP) connection to the meeting-room
 * listener, read until the server closes: malformed request lines, escapes and bodies reach it as
 * an attacker on the room's Wi-Fi would send them. Certificates are not checked here (the tests
 * compare the fingerprint themselves).
 */
export function rawLan(
  host: string,
  port: number,
  request: string | Buffer,
  opts: { tls?: boolean; timeoutMs?: number } = {},
): Promise<RawAnswer> {
  const useTls = opts.tls ?? true;
  const timeoutMs = opts.timeoutMs ?? 5000;
  return new Promise((resolve, reject) => {
    const socket: net.Socket = useTls
      ? tls.connect({ host, port, rejectUnauthorized: false, servername: undefined })
      : net.connect(port, host);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${JSON.stringify(String(request).slice(0, 80))}`));
    }, timeoutMs);
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', () => {
      /* a reset after the answer is fine; close reports what arrived */
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(parseAnswer(Buffer.concat(chunks).toString('utf8')));
    });
    socket.write(request);
  });
}

export const headerLines = (h: Record<string, string>): string =>
  Object.entries(h)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');

export function rawLanPost(
  host: string,
  port: number,
  target: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
  opts: { tls?: boolean } = {},
): Promise<RawAnswer> {
  const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const head = `POST ${target} HTTP/1.1\r\nHost: ${host}:${port}\r\ncontent-type: application/json\r\n${headerLines(headers)}Content-Length: ${b.length}\r\nConnection: close\r\n\r\n`;
  return rawLan(host, port, Buffer.concat([Buffer.from(head, 'latin1'), b]), opts);
}

export const rawLanGet = (
  host: string,
  port: number,
  target: string,
  headers: Record<string, string> = {},
  opts: { tls?: boolean } = {},
) =>
  rawLan(host, port, `GET ${target} HTTP/1.1\r\nHost: ${host}:${port}\r\n${headerLines(headers)}Connection: close\r\n\r\n`, opts);

function parseAnswer(raw: string): RawAnswer {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return { status: 0, headers: {}, body: '', raw };
  const [statusLine, ...lines] = raw.slice(0, end).split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  let body = raw.slice(end + 4);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  return { status, headers, body, raw };
}

function dechunk(s: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const nl = s.indexOf('\r\n', i);
    if (nl < 0) return out;
    const n = parseInt(s.slice(i, nl), 16);
    if (!n) return out;
    out += s.slice(nl + 2, nl + 2 + n);
    i = nl + 2 + n + 2;
  }
}
