import type { Command } from '../command.js';
import { serve } from './serve.js';
import { load } from './load.js';
import { query } from './query.js';
import { pull } from './pull.js';

/** Every CLI command, in the order `actorgraph --help` lists them. Add new commands here. */
export const commands: Command[] = [serve, load, query, pull];
