import { basename } from 'node:path';
import { bodySpans, markBody, type BoilerplateRules } from './boilerplate.js';
import { findDateline } from './dateline.js';
import type { Article, InputFormat } from './types.js';

export interface ArticleParts {
  text: string;
  path: string;
  format: InputFormat;
  id?: string;
  doc?: string;
  /** Title from metadata; when absent it is taken from the text. */
  title?: string | null;
  /** Other headings that repeat the title on the page (an HTML h1 worded differently from <title>). */
  alsoTitle?: string[];
  /** Already-normalised ISO date from metadata. */
  date?: string | null;
  url?: string | null;
  source?: string | null;
  rules?: BoilerplateRules;
}

/** Mark body and boilerplate, settle title and date, and assemble the Article. */
export function buildArticle(p: ArticleParts): Article {
  const marked = markBody(p.text, { title: p.title ?? null, alsoTitle: p.alsoTitle ?? [], ...(p.rules ? { rules: p.rules } : {}) });
  let date = p.date ?? null;
  let dateSource: Article['dateSource'] = date ? 'metadata' : null;
  const dl = findDateline(marked.lines);
  if (dl?.bare && dl.line.kind === 'body') dl.line.kind = 'dateline';
  if (!date && dl) {
    date = dl.iso;
    dateSource = 'dateline';
  }
  const name = basename(p.path);
  const id = p.id ?? name;
  return {
    id,
    doc: p.doc ?? id,
    title: marked.title,
    text: p.text,
    body: bodySpans(marked.lines),
    date,
    dateSource,
    url: p.url ?? null,
    source: p.source ?? null,
    path: p.path,
    format: p.format,
  };
}
