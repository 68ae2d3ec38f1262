import { buildArticle } from './article.js';
import type { BoilerplateRules } from './boilerplate.js';
import type { Article } from './types.js';

/** A plain-text page copy: the text is the file as decoded, the title its first real line. */
export function parseTxt(text: string, path: string, rules?: BoilerplateRules): Article {
  return buildArticle({ text, path, format: 'txt', ...(rules ? { rules } : {}) });
}
