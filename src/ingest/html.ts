import { buildArticle } from './article.js';
import type { BoilerplateRules } from './boilerplate.js';
import { normaliseDate } from './date.js';
import { decodeEntities } from './entities.js';
import type { Article } from './types.js';

/** Never visible article text: page chrome and embedded code. `head` holds metadata only. */
const DROP = new Set(['script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'svg', 'head', 'template', 'button', 'select', 'object', 'canvas', 'math', 'dialog']);
/** Elements whose content is not markup: scan straight to the closing tag. */
const RAW_TEXT = new Set(['script', 'style', 'noscript', 'iframe', 'textarea', 'title', 'xmp', 'plaintext']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'body', 'html',
]);
/** Regions whose <time> elements date other stories (related lists, comments), not this one. */
const FOREIGN_TIME = new Set(['aside', 'nav', 'footer', 'form']);

const DATE_META = [
  'article:published_time', 'datepublished', 'og:published_time', 'date', 'pubdate', 'publishdate', 'publish-date',
  'publish_date', 'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.created', 'dcterms.issued', 'sailthru.date',
  'parsely-pub-date', 'article.published', 'citation_publication_date',
];

export interface HtmlDoc {
  text: string;
  title: string | null;
  /** First h1, which the page shows above the story and so is title, not body. */
  h1: string | null;
  date: string | null;
  url: string | null;
  source: string | null;
}

interface Tag {
  name: string;
  attrs: Map<string, string>;
  selfClosing: boolean;
  end: number;
}

const ATTR = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function readTag(html: string, from: number): Tag | null {
  const nameMatch = /^<([A-Za-z][A-Za-z0-9:-]*)/.exec(html.slice(from, from + 64));
  if (!nameMatch) return null;
  let i = from + nameMatch[0].length;
  let quote: string | null = null;
  for (; i < html.length; i++) {
    const ch = html[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      // Only a quote that opens an attribute value counts; stray apostrophes in broken markup do not.
      if (/=\s*$/.test(html.slice(Math.max(from, i - 8), i))) quote = ch;
    } else if (ch === '>') break;
  }
  const inner = html.slice(from + nameMatch[0].length, i);
  const attrs = new Map<string, string>();
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(inner); m; m = ATTR.exec(inner)) {
    const key = m[1]!.toLowerCase();
    if (!attrs.has(key)) attrs.set(key, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return { name: nameMatch[1]!.toLowerCase(), attrs, selfClosing: /\/\s*$/.test(inner), end: Math.min(i + 1, html.length) };
}

function collapse(s: string): string {
  return s.replace(/[ \t\n\r\f\u00a0]+/g, ' ').trim();
}

/** Find `datePublished` / `headline` / publisher name anywhere in a JSON-LD tree (including @graph). */
function scanJsonLd(node: unknown, out: { date?: string; headline?: string; publisher?: string }, depth = 0): void {
  if (depth > 20 || !node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) scanJsonLd(n, out, depth + 1);
    return;
  }
  const o = node as Record<string, unknown>;
  if (!out.date && typeof o.datePublished === 'string') out.date = o.datePublished;
  if (!out.headline && typeof o.headline === 'string') out.headline = o.headline;
  const pub = o.publisher as Record<string, unknown> | undefined;
  if (!out.publisher && pub && typeof pub === 'object' && typeof pub.name === 'string') out.publisher = pub.name;
  for (const v of Object.values(o)) if (v && typeof v === 'object') scanJsonLd(v, out, depth + 1);
}

/**
 * A tolerant single-pass HTML reader: visible text as one line per block,
 * plus the metadata ingest needs. Not a full HTML5 parser; it only has to get
 * news pages' text and head right, and must not choke on broken markup.
 */
export function htmlToDoc(html: string): HtmlDoc {
  const blocks: string[] = [];
  let cur = '';
  const flush = () => {
    const lines = cur.split('\n').map(collapse).filter(Boolean);
    if (lines.length) blocks.push(lines.join('\n'));
    cur = '';
  };
  const dropStack: string[] = [];
  const meta = new Map<string, string>();
  const ld: { date?: string; headline?: string; publisher?: string } = {};
  let canonical: string | null = null;
  let titleText: string | null = null;
  let h1: string | null = null;
  let h1Buf: string | null = null;
  let timeDate: string | null = null;
  let preDepth = 0;

  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const raw = decodeEntities(html.slice(i, textEnd));
      if (dropStack.length === 0) cur += preDepth > 0 ? raw : raw.replace(/\n/g, ' ');
      if (h1Buf !== null) h1Buf += raw;
    }
    if (lt < 0) break;
    i = lt;
    if (html.startsWith('<!--', i)) {
      const e = html.indexOf('-->', i + 4);
      i = e < 0 ? n : e + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      const e = html.indexOf('>', i);
      i = e < 0 ? n : e + 1;
      continue;
    }
    if (html[i + 1] === '/') {
      const m = /^<\/([A-Za-z][A-Za-z0-9:-]*)[^>]*>?/.exec(html.slice(i, i + 200));
      if (!m) {
        if (dropStack.length === 0) cur += '<';
        i++;
        continue;
      }
      const name = m[1]!.toLowerCase();
      i += m[0].length;
      const at = dropStack.lastIndexOf(name);
      if (at >= 0) dropStack.length = at;
      if (name === 'pre' && preDepth > 0) preDepth--;
      if (name === 'h1' && h1Buf !== null) {
        h1 ??= collapse(h1Buf) || null;
        h1Buf = null;
      }
      if (BLOCK.has(name)) flush();
      continue;
    }
    const tag = readTag(html, i);
    if (!tag) {
      // A bare "<" in text, e.g. "a < b".
      if (dropStack.length === 0) cur += '<';
      i++;
      continue;
    }
    i = tag.end;
    const { name, attrs } = tag;

    if (name === 'meta') {
      const key = (attrs.get('property') ?? attrs.get('name') ?? attrs.get('itemprop') ?? '').toLowerCase();
      const content = attrs.get('content');
      if (key && content !== undefined && !meta.has(key)) meta.set(key, content.trim());
    } else if (name === 'link') {
      const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
      if (rel.includes('canonical') && canonical === null && attrs.get('href')) canonical = attrs.get('href')!.trim();
    } else if (name === 'time') {
      const dt = attrs.get('datetime');
      const foreign = dropStack.some((d) => FOREIGN_TIME.has(d));
      if (dt && !foreign && timeDate === null) timeDate = dt;
      if (dt && (attrs.has('pubdate') || (attrs.get('itemprop') ?? '').toLowerCase() === 'datepublished')) meta.set('datepublished', meta.get('datepublished') ?? dt);
    } else if (name === 'br') {
      if (dropStack.length === 0) cur += '\n';
      if (h1Buf !== null) h1Buf += ' ';
    } else if (name === 'h1' && !tag.selfClosing) {
      h1Buf ??= '';
    } else if (name === 'pre' && !tag.selfClosing) {
      preDepth++;
    }

    if (RAW_TEXT.has(name) && !tag.selfClosing) {
      const close = new RegExp(`</${name}\\s*>`, 'i');
      close.lastIndex = 0;
      const rest = html.slice(i);
      const m = close.exec(rest);
      const content = m ? rest.slice(0, m.index) : rest;
      i = m ? i + m.index + m[0].length : n;
      if (name === 'title') titleText ??= collapse(decodeEntities(content)) || null;
      else if (name === 'script' && /ld\+json/i.test(attrs.get('type') ?? '')) {
        try {
          scanJsonLd(JSON.parse(content) as unknown, ld);
        } catch {
          // Broken JSON-LD is common and only ever a hint.
        }
      } else if (name === 'textarea' && dropStack.length === 0) {
        cur += decodeEntities(content);
      }
      if (BLOCK.has(name)) flush();
      continue;
    }
    if (BLOCK.has(name)) flush();
    // Pages that never close <head> still start their body here.
    if (name === 'body' && dropStack.includes('head')) dropStack.length = dropStack.indexOf('head');
    if (DROP.has(name) && !tag.selfClosing && !VOID.has(name)) dropStack.push(name);
  }
  flush();

  let date: string | null = null;
  for (const k of DATE_META) {
    date = normaliseDate(meta.get(k));
    if (date) break;
  }
  date ??= normaliseDate(ld.date) ?? normaliseDate(timeDate);
  // The h1 is the headline the page shows above the story; <title> often carries the site's name or an SEO
  // variant ("Ethiopia and Eritrea: Abiy visits Asmara | World news | The Guardian") that the text never repeats.
  const title = meta.get('og:title') || h1 || titleText || meta.get('twitter:title') || ld.headline || null;
  return {
    text: blocks.join('\n\n'),
    title: title ? collapse(title) : null,
    h1,
    date,
    url: canonical || meta.get('og:url') || null,
    source: meta.get('og:site_name') || ld.publisher || null,
  };
}

export function parseHtml(html: string, path: string, rules?: BoilerplateRules): Article {
  const doc = htmlToDoc(html);
  return buildArticle({
    text: doc.text,
    path,
    format: 'html',
    title: doc.title,
    alsoTitle: doc.h1 ? [doc.h1] : [],
    date: doc.date,
    url: doc.url,
    source: doc.source,
    ...(rules ? { rules } : {}),
  });
}
