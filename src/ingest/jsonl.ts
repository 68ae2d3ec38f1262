import { createReadStream } from 'node:fs';
import type { BoilerplateRules } from './boilerplate.js';
import { BINARY_SNIFF_BYTES, decodeLine, hasNul, isBlank } from './decode.js';
import { recordToArticle } from './json.js';
import { cleanJsonMessage } from './jsonError.js';
import { formatMB } from './size.js';
import type { Article, IngestIssue } from './types.js';

interface RawLine {
  bytes: Buffer;
  line: number;
  offset: number;
  /** Set when the line was longer than the limit; its bytes were not kept. */
  tooLong?: number;
}

/**
 * Lines of a file as bytes, read chunk by chunk so the file never sits in
 * memory whole. Bytes rather than readline strings because readline would
 * silently turn invalid UTF-8 into U+FFFD, and each line must be checked.
 */
async function* byteLines(path: string, maxLineBytes: number): AsyncGenerator<RawLine | { binary: true }> {
  let parts: Buffer[] = [];
  let partLen = 0;
  let dropped = 0;
  let line = 1;
  let lineStart = 0;
  let fileOffset = 0;
  let sniffed = false;
  const stream = createReadStream(path, { highWaterMark: 1 << 16 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (!sniffed && fileOffset < BINARY_SNIFF_BYTES) {
        if (hasNul(chunk, BINARY_SNIFF_BYTES - fileOffset)) {
          yield { binary: true };
          return;
        }
        if (fileOffset + chunk.length >= BINARY_SNIFF_BYTES) sniffed = true;
      }
      let from = 0;
      for (;;) {
        const nl = chunk.indexOf(0x0a, from);
        const end = nl < 0 ? chunk.length : nl;
        const piece = chunk.subarray(from, end);
        if (dropped > 0 || partLen + piece.length > maxLineBytes) {
          dropped += partLen + piece.length;
          parts = [];
          partLen = 0;
        } else if (piece.length > 0) {
          parts.push(piece);
          partLen += piece.length;
        }
        if (nl < 0) break;
        yield dropped > 0
          ? { bytes: Buffer.alloc(0), line, offset: lineStart, tooLong: dropped }
          : { bytes: Buffer.concat(parts, partLen), line, offset: lineStart };
        parts = [];
        partLen = 0;
        dropped = 0;
        line++;
        lineStart = fileOffset + nl + 1;
        from = nl + 1;
      }
      fileOffset += chunk.length;
    }
    if (partLen > 0 || dropped > 0) {
      yield dropped > 0
        ? { bytes: Buffer.alloc(0), line, offset: lineStart, tooLong: dropped }
        : { bytes: Buffer.concat(parts, partLen), line, offset: lineStart };
    }
  } finally {
    stream.destroy();
  }
}

/**
 * A .jsonl file, one article per line. A bad line is reported with its line
 * number and the rest still yield. Record ids fall back to `basename#line`,
 * so an id stays put when a bad line above it is fixed or removed.
 */
export async function* readJsonl(
  path: string,
  report: (i: Omit<IngestIssue, 'path'>) => void,
  maxLineBytes: number,
  rules?: BoilerplateRules,
): AsyncGenerator<Article> {
  let any = false;
  for await (const raw of byteLines(path, maxLineBytes)) {
    if ('binary' in raw) {
      report({ reason: 'binary file' });
      return;
    }
    if (raw.tooLong !== undefined) {
      any = true;
      report({ line: raw.line, reason: `line is ${formatMB(raw.tooLong)} MB, over the ${formatMB(maxLineBytes)} MB limit` });
      continue;
    }
    const dec = decodeLine(raw.bytes, raw.offset);
    if (!dec.ok) {
      any = true;
      report({ line: raw.line, reason: dec.reason });
      continue;
    }
    const s = dec.text.replace(/\r$/, '');
    if (isBlank(s)) continue;
    any = true;
    let rec: unknown;
    try {
      rec = JSON.parse(s);
    } catch (e) {
      report({ line: raw.line, reason: `malformed JSON: ${cleanJsonMessage(e instanceof Error ? e.message : String(e))}` });
      continue;
    }
    const r = recordToArticle(rec, path, 'jsonl', raw.line, rules);
    if (r.ok) yield r.article;
    else report({ line: raw.line, reason: r.reason });
  }
  if (!any) report({ reason: 'empty file' });
}
