import type http from 'node:http';
import { HttpError } from './reply';

/**
 * Reads a request body up to `maxBytes`. Settles exactly once, whatever the client does: a body
 * over the limit (declared or streamed) is refused with 413; a client that disconnects mid-body
 * ("aborted") is a 400 the pipeline logs and drops, never an unhandled error.
 */
export function readBody(req: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > maxBytes) {
      reject(tooLarge(`The request body is ${declared} bytes; the limit is ${maxBytes}`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      f();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) settle(() => reject(tooLarge(`The request body exceeds the limit of ${maxBytes} bytes`)));
      else chunks.push(chunk);
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks, size)));
    const onClose = () =>
      settle(() =>
        reject(new HttpError('BAD_REQUEST', 'The connection closed before the whole request body arrived', { destroy: true })),
      );
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
  });
}

const tooLarge = (message: string) => new HttpError('PAYLOAD_TOO_LARGE', message, { destroy: true });

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * A JSON body as a value. The nesting depth is measured on the bytes before `JSON.parse`, so no
 * later step ever walks a value deeper than `maxDepth`; invalid UTF-8 is refused rather than
 * silently turned into U+FFFD (which would change the data); an empty body means `{}`.
 */
export function parseJsonBody(body: Buffer, maxDepth: number): unknown {
  const depth = jsonDepth(body);
  if (depth > maxDepth) throw new HttpError('BAD_JSON', `The JSON is nested more than ${maxDepth} levels deep`);
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new HttpError('BAD_JSON', 'The request body is not valid UTF-8');
  }
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new HttpError('BAD_JSON', `The request body is not valid JSON: ${e instanceof Error ? e.message.slice(0, 200) : ''}`);
  }
}

/**
 * Deepest bracket nesting of JSON text, ignoring brackets inside strings. Works on UTF-8 bytes:
 * the bytes of multi-byte characters are all ≥ 0x80, so they are never mistaken for `"`, `\`, `[`.
 */
export function jsonDepth(bytes: Uint8Array): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      if (b === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x5b || b === 0x7b) {
      depth++;
      if (depth > max) max = depth;
    } else if (b === 0x5d || b === 0x7d) depth--;
  }
  return max;
}

/** The body of a JSON request: content type checked, then read and parsed within the limits. */
export async function readJsonBody(
  req: http.IncomingMessage,
  limits: { maxBodyBytes: number; maxJsonDepth: number },
): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    throw new HttpError('UNSUPPORTED_MEDIA_TYPE', 'Send the input as application/json');
  }
  return parseJsonBody(await readBody(req, limits.maxBodyBytes), limits.maxJsonDepth);
}
