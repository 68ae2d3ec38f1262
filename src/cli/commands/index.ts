import type { Command } from '../command.js';
import { build } from './build.js';
import { evalCommand } from './eval.js';
import { explain } from './explain.js';
import { extract } from './extract.js';
import { stats } from './stats.js';
import { actors } from './actors.js';
import { serve } from './serve.js';
import { load } from './load.js';
import { query } from './query.js';
import { pull } from './pull.js';

/** Every CLI command, in the order `actorgraph --help` lists them. Add new commands here. */
export const commands: Command[] = [extract, build, stats, actors, explain, evalCommand, serve, load, query, pull];
