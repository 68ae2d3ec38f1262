import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { BoilerplateRules } from './boilerplate.js';
import { BINARY_SNIFF_BYTES, decodeBuffer, decodeLine, hasNul, isBlank } from './decode.js';
import { parseHtml } from './html.js';
import { parseJsonFile, recordToArticle } from './json.js';
import { cleanJsonMessage } from './jsonError.js';
import { DEFAULT_MAX_BYTES, formatMB } from './size.js';
import { parseTxt } from './txt.js';
import type { Article, IngestIssue } from './types.js';
import { formatOf, fsReason, listInputs } from './walk.js';

/**
 * Ingest split in two halves so the expensive half can run anywhere (a worker
 * thread, another machine):
 *
 *  - `rawUnits` (I/O only, cheap): lists the inputs, reads file bytes and
 *    JSONL lines, and reports what can be known without decoding (missing
 *    files, size limits, binary files, over-long lines).
 *  - `parseUnit` (CPU): decodes, parses, marks boilerplate, finds dates.
 *
 * Run in order, the two give exactly the articles and issues of a plain
 * serial read: `readArticles` is built from them too.
 */
export type RawUnit =
  | { kind: 'issue'; issue: IngestIssue; /** An over-long JSONL line: the file was not empty. */ any?: boolean }
  | { kind: 'file'; path: string; format: 'txt' | 'html' | 'json'; bytes: Uint8Array }
  | JsonlBatch
  | { kind: 'end'; path: string };

/** Consecutive JSONL lines of one file, packed into one buffer so it can be transferred. */
export interface JsonlBatch {
  kind: 'lines';
  path: string;
  data: Uint8Array;
  /** End offset in `data` of each line (the start is the previous end). */
  ends: number[];
  /** 1-based line number of each line. */
  lines: number[];
  /** Byte offset of each line in the file, for invalid-UTF-8 messages. */
  offsets: number[];
}

export type UnitItem = { article: Article } | { issue: IngestIssue };

export interface RawUnitOptions {
  onIssue?: (i: IngestIssue) => void;
  onFile?: (path: string, index: number, total: number) => void;
  maxBytes?: number;
  /** A JSONL batch is cut once it holds this many bytes ... */
  batchBytes?: number;
  /** ... or this many lines. */
  batchLines?: number;
}

async function readWhole(path: string, size: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(size);
    let got = 0;
    while (got < size) {
      const { bytesRead } = await fh.read(buf, got, size - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  } finally {
    await fh.close();
  }
}

interface RawLine {
  bytes: Buffer;
  line: number;
  offset: number;
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
          : { bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts, partLen), line, offset: lineStart };
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

function packLines(path: string, raws: RawLine[], size: number): JsonlBatch {
  const data = new Uint8Array(size);
  const ends: number[] = [];
  let at = 0;
  for (const r of raws) {
    data.set(r.bytes, at);
    at += r.bytes.length;
    ends.push(at);
  }
  return { kind: 'lines', path, data, ends, lines: raws.map((r) => r.line), offsets: raws.map((r) => r.offset) };
}

/**
 * The raw units of `paths`, in input order. Memory: one file (bounded by
 * maxBytes) or one JSONL batch at a time, whatever the input size.
 */
export async function* rawUnits(paths: string[], opts: RawUnitOptions = {}): AsyncGenerator<RawUnit> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const batchBytes = opts.batchBytes ?? 128 * 1024;
  const batchLines = opts.batchLines ?? 256;
  const listed: IngestIssue[] = [];
  const files = await listInputs(paths, (i) => listed.push(i));
  for (const issue of listed) yield { kind: 'issue', issue };
  for (let index = 0; index < files.length; index++) {
    const path = files[index]!;
    opts.onFile?.(path, index, files.length);
    const issue = (i: Omit<IngestIssue, 'path'>, any?: boolean): RawUnit => ({ kind: 'issue', issue: { path, ...i }, ...(any ? { any } : {}) });
    const format = formatOf(path);
    try {
      if (format === 'jsonl') {
        let batch: RawLine[] = [];
        let size = 0;
        let binary = false;
        for await (const raw of byteLines(path, maxBytes)) {
          if ('binary' in raw) {
            binary = true;
            yield issue({ reason: 'binary file' });
            break;
          }
          if (raw.tooLong !== undefined) {
            if (batch.length) yield packLines(path, batch, size);
            batch = [];
            size = 0;
            yield issue({ line: raw.line, reason: `line is ${formatMB(raw.tooLong)} MB, over the ${formatMB(maxBytes)} MB limit` }, true);
            continue;
          }
          batch.push(raw);
          size += raw.bytes.length;
          if (size >= batchBytes || batch.length >= batchLines) {
            yield packLines(path, batch, size);
            batch = [];
            size = 0;
          }
        }
        if (binary) continue;
        if (batch.length) yield packLines(path, batch, size);
        yield { kind: 'end', path };
        continue;
      }
      const st = await stat(path);
      if (st.size > maxBytes) {
        yield issue({ reason: `file is ${formatMB(st.size)} MB, over the ${formatMB(maxBytes)} MB limit` });
        continue;
      }
      yield { kind: 'file', path, format: format ?? 'txt', bytes: await readWhole(path, st.size) };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException | undefined)?.code;
      yield issue({ reason: code ? fsReason(e) : `could not read: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
}

/** The mutable part of parsing a unit: whether a JSONL file held anything but blank lines. */
export interface UnitState {
  any: boolean;
}

/**
 * Decode and parse one unit, lazily, in the order a serial read meets things.
 * Units of kind 'issue' and 'end' are bookkeeping and handled by `UnitOrder`.
 */
export function* parseUnit(unit: RawUnit, rules: BoilerplateRules | undefined, state: UnitState = { any: false }): Generator<UnitItem> {
  if (unit.kind !== 'file' && unit.kind !== 'lines') return;
  const path = unit.path;
  const issue = (i: Omit<IngestIssue, 'path'>): UnitItem => ({ issue: { path, ...i } });
  try {
    if (unit.kind === 'lines') {
      let start = 0;
      for (let k = 0; k < unit.ends.length; k++) {
        const end = unit.ends[k]!;
        const bytes = unit.data.subarray(start, end);
        start = end;
        const line = unit.lines[k]!;
        const dec = decodeLine(bytes, unit.offsets[k]!);
        if (!dec.ok) {
          state.any = true;
          yield issue({ line, reason: dec.reason });
          continue;
        }
        const s = dec.text.replace(/\r$/, '');
        if (isBlank(s)) continue;
        state.any = true;
        let rec: unknown;
        try {
          rec = JSON.parse(s);
        } catch (e) {
          yield issue({ line, reason: `malformed JSON: ${cleanJsonMessage(e instanceof Error ? e.message : String(e))}` });
          continue;
        }
        const r = recordToArticle(rec, path, 'jsonl', line, rules);
        if (r.ok) yield { article: r.article };
        else yield issue({ line, reason: r.reason });
      }
      return;
    }
    const dec = decodeBuffer(unit.bytes);
    if (!dec.ok) {
      yield issue({ reason: dec.reason });
      return;
    }
    if (unit.format === 'json') {
      const pending: IngestIssue[] = [];
      for (const a of parseJsonFile(dec.text, path, (i) => pending.push({ path, ...i }), rules)) {
        while (pending.length) yield { issue: pending.shift()! };
        yield { article: a };
      }
      while (pending.length) yield { issue: pending.shift()! };
    } else if (unit.format === 'html') {
      const a = parseHtml(dec.text, path, rules);
      if (a.text.trim()) yield { article: a };
      else yield issue({ reason: 'no visible text' });
    } else {
      yield { article: parseTxt(dec.text, path, rules) };
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    yield issue({ reason: code ? fsReason(e) : `could not read: ${e instanceof Error ? e.message : String(e)}` });
  }
}

/**
 * Bookkeeping that must see units in input order: main-thread issues, and the
 * "empty file" verdict on a JSONL file, which needs every batch's answer.
 */
export class UnitOrder {
  private any = new Map<string, boolean>();

  /** Call for each unit in input order, with whether parsing it found content (JSONL). */
  issuesFor(unit: RawUnit, foundAny: boolean): IngestIssue[] {
    switch (unit.kind) {
      case 'issue':
        if (unit.any) this.any.set(unit.issue.path, true);
        return [unit.issue];
      case 'lines':
        if (foundAny) this.any.set(unit.path, true);
        return [];
      case 'end': {
        const any = this.any.get(unit.path) ?? false;
        this.any.delete(unit.path);
        return any ? [] : [{ path: unit.path, reason: 'empty file' }];
      }
      default:
        return [];
    }
  }
}
