import { basename } from 'node:path';
import { buildArticle } from './article.js';
import type { BoilerplateRules } from './boilerplate.js';
import { normaliseDate } from './date.js';
import { normaliseNewlines } from './decode.js';
import { cleanJsonMessage, jsonErrorPosition, lineAt } from './jsonError.js';
import type { Article, IngestIssue, InputFormat } from './types.js';

const TEXT_FIELDS = ['text', 'body', 'content', 'articleBody'] as const;
const DATE_FIELDS = ['date', 'published', 'publishedAt', 'pubDate', 'datePublished', 'published_at'] as const;
const TITLE_FIELDS = ['title', 'headline'] as const;

export type RecordResult = { ok: true; article: Article } | { ok: false; reason: string };

function firstString(o: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return null;
}

function recordId(o: Record<string, unknown>): string | null {
  const v = o.id;
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/**
 * One JSON object to an Article. `n` is the 1-based record number used in the
 * fallback id `basename#n`; null for a file that holds a single object.
 */
export function recordToArticle(
  rec: unknown,
  path: string,
  format: InputFormat,
  n: number | null,
  rules?: BoilerplateRules,
): RecordResult {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) return { ok: false, reason: 'record is not an object' };
  const o = rec as Record<string, unknown>;
  const raw = firstString(o, TEXT_FIELDS);
  if (raw === null) return { ok: false, reason: 'record has no text' };
  const text = normaliseNewlines(raw);
  let date: string | null = null;
  for (const k of DATE_FIELDS) {
    date = normaliseDate(o[k]);
    if (date) break;
  }
  // NewsAPI-style records carry the outlet as { id, name }.
  const src = o.source;
  const source =
    typeof src === 'string' && src.trim()
      ? src.trim()
      : src && typeof src === 'object' && typeof (src as Record<string, unknown>).name === 'string'
        ? ((src as Record<string, unknown>).name as string)
        : null;
  const id = recordId(o) ?? (n === null ? basename(path) : `${basename(path)}#${n}`);
  const title = firstString(o, TITLE_FIELDS);
  const url = firstString(o, ['url', 'link']);
  return {
    ok: true,
    article: buildArticle({
      text,
      path,
      format,
      id,
      doc: id,
      title: title ? normaliseNewlines(title).trim() : null,
      date,
      url: url?.trim() ?? null,
      source,
      ...(rules ? { rules } : {}),
    }),
  };
}

/** A whole .json file: one article object or an array of them. */
export function* parseJsonFile(
  text: string,
  path: string,
  report: (i: Omit<IngestIssue, 'path'>) => void,
  rules?: BoilerplateRules,
): Generator<Article> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    report({ reason: `malformed JSON: ${cleanJsonMessage(msg)}`, line: lineAt(text, jsonErrorPosition(text, msg)) });
    return;
  }
  const records = Array.isArray(data) ? data : [data];
  if (records.length === 0) {
    report({ reason: 'no articles found (empty JSON array)' });
    return;
  }
  for (let i = 0; i < records.length; i++) {
    const r = recordToArticle(records[i], path, 'json', Array.isArray(data) ? i + 1 : null, rules);
    if (r.ok) yield r.article;
    else report(Array.isArray(data) ? { reason: r.reason, record: i + 1 } : { reason: r.reason });
  }
}
