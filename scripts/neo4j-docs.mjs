#!/usr/bin/env node
// Regenerates the example-query section of README.md from docs/queries.cypher.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { queriesMarkdown, readQueries } from './neo4j-queries.mjs';
import { ROOT } from './neo4j-launcher.mjs';

const file = join(ROOT, 'README.md');
const START = '<!-- queries:start (generated from docs/queries.cypher by node scripts/neo4j-docs.mjs; do not edit) -->';
const END = '<!-- queries:end -->';
const text = readFileSync(file, 'utf8');
const a = text.indexOf(START);
const b = text.indexOf(END);
if (a < 0 || b < a) throw new Error(`${file}: missing the ${START} … ${END} markers`);
writeFileSync(file, `${text.slice(0, a + START.length)}\n\n${queriesMarkdown(readQueries())}\n${text.slice(b)}`);
console.log(`updated ${file}`);
