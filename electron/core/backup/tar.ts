import fs from 'node:fs';

/**
 * A minimal POSIX ustar writer and reader: the archive is a plain .tar any tool can list and
 * unpack (`tar -tf`), which matters for a file kept for the records. Only regular files, names up
 * to 255 bytes (prefix + name), sizes below 8 GiB; anything else is refused, never guessed.
 */

const BLOCK = 512;

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, mtime: Date): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  const bytes = Buffer.from(name, 'utf8');
  let prefix = '';
  let base = name;
  if (bytes.length > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new Error(`tar: name too long: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  h.write(base, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\u000000', 257, 'latin1');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148, 'ascii');
  return h;
}

/** Appends entries to a tar file opened for writing; `finish` writes the end-of-archive blocks. */
export class TarWriter {
  private readonly fd: number;
  constructor(file: string) {
    this.fd = fs.openSync(file, 'wx');
  }

  addBuffer(name: string, data: Buffer, mtime = new Date()): void {
    fs.writeSync(this.fd, header(name, data.length, mtime));
    fs.writeSync(this.fd, data);
    this.pad(data.length);
  }

  /** Copies a file in chunks (attachments may be large); `onChunk` sees the bytes (hashing). */
  addFile(name: string, source: string, onChunk?: (b: Buffer) => void): number {
    const size = fs.statSync(source).size;
    fs.writeSync(this.fd, header(name, size, new Date()));
    const fd = fs.openSync(source, 'r');
    let copied = 0;
    try {
      const buf = Buffer.allocUnsafe(1 << 20);
      for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) {
        const chunk = buf.subarray(0, n);
        onChunk?.(chunk);
        fs.writeSync(this.fd, chunk);
        copied += n;
      }
    } finally {
      fs.closeSync(fd);
    }
    if (copied !== size) throw new Error(`tar: ${source} changed while it was copied`);
    this.pad(size);
    return size;
  }

  finish(): void {
    fs.writeSync(this.fd, Buffer.alloc(BLOCK * 2, 0));
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
  }

  abort(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      /* already closed */
    }
  }

  private pad(size: number): void {
    const rest = size % BLOCK;
    if (rest) fs.writeSync(this.fd, Buffer.alloc(BLOCK - rest, 0));
  }
}

export interface TarEntry {
  name: string;
  size: number;
  /** Byte offset of the content in the archive. */
  offset: number;
}

const field = (h: Buffer, start: number, len: number): string => {
  const s = h.subarray(start, start + len);
  const end = s.indexOf(0);
  return (end < 0 ? s : s.subarray(0, end)).toString('utf8');
};

/** Lists the entries of a tar held in a file (by reading headers only). Throws on anything malformed. */
export function listTar(read: (offset: number, length: number) => Buffer, totalSize: number): TarEntry[] {
  const out: TarEntry[] = [];
  let pos = 0;
  while (pos + BLOCK <= totalSize) {
    const h = read(pos, BLOCK);
    if (h.every((b) => b === 0)) return out;
    if (field(h, 257, 6) !== 'ustar') throw new Error(`not a ustar header at byte ${pos}`);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    if (sum !== parseInt(field(h, 148, 8).trim(), 8)) throw new Error(`header checksum mismatch at byte ${pos}`);
    const type = String.fromCharCode(h[156]!);
    if (type !== '0' && type !== '\0') throw new Error(`entry type ${JSON.stringify(type)} at byte ${pos} is not a plain file`);
    const prefix = field(h, 345, 155);
    const name = (prefix ? prefix + '/' : '') + field(h, 0, 100);
    const size = parseInt(field(h, 124, 12).trim() || '0', 8);
    if (!Number.isSafeInteger(size) || size < 0) throw new Error(`bad size at byte ${pos}`);
    const offset = pos + BLOCK;
    if (offset + size > totalSize) throw new Error(`${name}: the archive ends inside this file (truncated)`);
    out.push({ name, size, offset });
    pos = offset + Math.ceil(size / BLOCK) * BLOCK;
  }
  throw new Error('the archive has no end marker (truncated)');
}

export function listTarFile(fd: number): TarEntry[] {
  const size = fs.fstatSync(fd).size;
  return listTar((offset, length) => {
    const b = Buffer.alloc(length);
    fs.readSync(fd, b, 0, length, offset);
    return b;
  }, size);
}

export const listTarBuffer = (buf: Buffer): TarEntry[] => listTar((o, l) => buf.subarray(o, o + l), buf.length);
