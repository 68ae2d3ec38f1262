import type { Command } from '../command.js';
import { serve } from './serve.js';

/** Every CLI command, in the order `actorgraph --help` lists them. Add new commands here. */
export const commands: Command[] = [serve];
