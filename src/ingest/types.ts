/** A character range [start, end) into `Article.text`, UTF-16 code units as JS strings count them. */
export type Span = [start: number, end: number];

export type InputFormat = 'txt' | 'html' | 'json' | 'jsonl';

/**
 * One news article as read from disk. Ingest knows nothing of actors: it only
 * decodes, strips markup, marks which parts are article body, and finds a date.
 */
export interface Article {
  /** Stable article id: the `id` field of JSON input, else the file basename (plus `#n` for the n-th record of a multi-article file without ids). */
  id: string;
  /** The evidence `doc` field: the file basename for .txt/.html, the article id for JSON/JSONL records. */
  doc: string;
  title: string;
  /**
   * The article text. For .txt it is the file as decoded; for HTML, the visible
   * text; for JSON, the `text` field. Evidence offsets point into this string.
   */
  text: string;
  /** Ranges of `text` that are article body; boilerplate (ads, newsletter blurbs, related lists, repeated captions, comments) lies outside them. Sorted, non-overlapping. */
  body: Span[];
  /** Publication date, ISO `YYYY-MM-DD`, or null when unknown. Never invented. */
  date: string | null;
  dateSource: 'metadata' | 'dateline' | null;
  url: string | null;
  source: string | null;
  /** The path the article was read from. */
  path: string;
  format: InputFormat;
}

/** A problem with one input; ingest reports it and carries on with the others. */
export interface IngestIssue {
  path: string;
  /** 1-based line number, for JSONL and JSON parse errors. */
  line?: number;
  /** 1-based record index within a JSON array file, when the issue concerns one record. */
  record?: number;
  reason: string;
}
