import net from 'node:net';

export interface RawAnswer {
  /** e.g. 400; 0 when the server closed without answering. */
  status: number;
  headers: Record<string, string>;
  body: string;
  raw: string;
}

/**
 * Sends bytes exactly as given over a fresh TCP connection to 127.0.0.1 and reads until the
 * server closes or answers (Connection: close is added by the caller's text). Nothing is
 * normalised on the way, unlike fetch or http.request: malformed escapes and request lines reach
 * the server as an attacker would send them.
 */
export function rawRequest(port: number, request: string | Buffer, timeoutMs = 5000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${JSON.stringify(String(request).slice(0, 80))}`));
    }, timeoutMs);
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', () => {
      /* a reset after the answer is fine; the close handler reports what arrived */
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(parseAnswer(Buffer.concat(chunks).toString('utf8')));
    });
    socket.write(request);
  });
}

/** A GET with the given raw target (e.g. `/%E0%A4%A`). */
export const rawGet = (port: number, target: string, headers: Record<string, string> = {}): Promise<RawAnswer> =>
  rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${headerLines(headers)}Connection: close\r\n\r\n`);

/** A POST with a body sent as given. */
export const rawPost = (
  port: number,
  target: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<RawAnswer> => {
  const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const head = `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\n${headerLines(headers)}Content-Length: ${b.length}\r\nConnection: close\r\n\r\n`;
  return rawRequest(port, Buffer.concat([Buffer.from(head, 'latin1'), b]));
};

const headerLines = (h: Record<string, string>): string =>
  Object.entries(h)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');

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
  return { status, headers, body: raw.slice(end + 4), raw };
}

/**
 * Sends the head of a POST announcing `declared` bytes, then only `sent` of them, then drops the
 * connection: the "client that disconnects mid-body" case.
 */
export function abortedPost(
  port: number,
  target: string,
  headers: Record<string, string>,
  declared: number,
  sent: number,
): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\n${headerLines(headers)}Content-Length: ${declared}\r\n\r\n`,
      );
      socket.write('{"a":"' + 'x'.repeat(Math.max(0, sent - 6)));
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, 50);
    });
    socket.on('error', () => resolve());
  });
}
