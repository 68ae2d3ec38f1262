#!/usr/bin/env node
// Thin shim: the CLI is compiled to dist/ by `npm install` (the prepare script).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`actorgraph: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 70;
  },
);
