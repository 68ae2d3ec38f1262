// Reads docs/queries.cypher, the one file the README section and the tests share.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const QUERIES_FILE = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'docs', 'queries.cypher');

/** [{ id, question, params, cypher }] in file order. Throws on a malformed block. */
export function readQueries(file = QUERIES_FILE) {
  const out = [];
  let cur = null;
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    const tag = /^\/\/ @(\w+)\s+(.*)$/.exec(line);
    if (tag) {
      const [, key, value] = tag;
      if (key === 'id') {
        if (cur) throw new Error(`${file}:${i + 1}: query "${cur.id}" has no closing ";" line`);
        cur = { id: value.trim(), question: '', params: {}, lines: [] };
      } else if (!cur) throw new Error(`${file}:${i + 1}: @${key} before @id`);
      else if (key === 'question') cur.question = value.trim();
      else if (key === 'params') cur.params = JSON.parse(value);
      else throw new Error(`${file}:${i + 1}: unknown tag @${key}`);
      return;
    }
    if (!cur) return;
    if (line.trim() === ';') {
      out.push({ id: cur.id, question: cur.question, params: cur.params, cypher: cur.lines.join('\n').trim() });
      cur = null;
      return;
    }
    cur.lines.push(line);
  });
  if (cur) throw new Error(`${file}: query "${cur.id}" has no closing ";" line`);
  return out;
}

/** The Markdown the docs carry for the queries: generated, never edited by hand. */
export function queriesMarkdown(queries = readQueries()) {
  const parts = [];
  queries.forEach((q, i) => {
    const params = Object.entries(q.params);
    const cli = params.map(([k, v]) => ` --param ${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join('');
    parts.push(
      `${i + 1}. **${q.question}** (\`${q.id}\`${params.length ? `; parameters ${params.map(([k, v]) => `\`$${k}\` = \`${JSON.stringify(v)}\``).join(', ')}` : ''})\n\n` +
        '   ```cypher\n' +
        q.cypher.split('\n').map((l) => (l ? `   ${l}` : '')).join('\n') +
        '\n   ```\n' +
        (cli ? `\n   With \`actorgraph query\`:${cli.replace(/ --param/g, ' `--param')}\``.replace(/ `--param (\S+)/g, ' `--param $1`').replace(/``$/, '`') + '\n' : '') +
        '\n',
    );
  });
  return parts.join('\n');
}
