/** How far into a file a NUL byte marks it as binary, as git and grep judge it. */
export const BINARY_SNIFF_BYTES = 8192;

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function hasNul(buf: Uint8Array, limit = BINARY_SNIFF_BYTES): boolean {
  const n = Math.min(buf.length, limit);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

/**
 * Byte offset of the first invalid UTF-8 sequence, or -1. TextDecoder only
 * says that decoding failed, and users need to know where to look.
 */
export function invalidUtf8At(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** CRLF and lone CR become LF, so offsets mean the same on every platform. */
export function normaliseNewlines(s: string): string {
  return s.replace(/\r\n?/g, '\n');
}

/**
 * Bytes to article text: binary and invalid UTF-8 are refused (never guessed
 * at), a BOM is dropped, newlines normalised. Blank files are refused too.
 */
export function decodeBuffer(buf: Uint8Array): Decoded {
  if (hasNul(buf)) return { ok: false, reason: 'binary file' };
  let text: string;
  try {
    text = fatal.decode(buf);
  } catch {
    return { ok: false, reason: `invalid UTF-8 (at byte ${Math.max(0, invalidUtf8At(buf))})` };
  }
  // TextDecoder strips a leading BOM already; a second one would be content.
  text = normaliseNewlines(text);
  if (isBlank(text)) return { ok: false, reason: 'empty file' };
  return { ok: true, text };
}

export function isBlank(s: string): boolean {
  return /^[\s\u00a0\u200b\ufeff]*$/.test(s);
}

/** Decode one JSONL line's bytes; `fileOffset` makes the reported byte a position in the file. */
export function decodeLine(buf: Uint8Array, fileOffset: number): Decoded {
  try {
    return { ok: true, text: fatal.decode(buf) };
  } catch {
    return { ok: false, reason: `invalid UTF-8 (at byte ${fileOffset + Math.max(0, invalidUtf8At(buf))})` };
  }
}
