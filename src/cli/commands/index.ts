// Every command, and what completion and usage messages need to know about each.

import type { CommandModule, Options } from 'yargs';
import type { CommandSpec, OptionSpec, Positional } from '../completion.js';
import type { CommandInfo } from '../usage.js';
import { appsCommand, appsOptions } from './apps.js';
import { checkCommand, checkOptions } from './check.js';
import { applyCommand, applyOptions } from './apply.js';
import { completionCommand } from './completion.js';
import { diffCommand, diffOptions } from './diff.js';
import { explainCommand } from './explain.js';
import { genCommand, genOptions } from './gen.js';
import { initCommand, initOptions } from './init.js';
import { planCommand, planOptions } from './plan.js';
import { schemaCommand, schemaOptions } from './schema.js';
import { targetsCommand } from './targets.js';
import { whyCommand } from './why.js';

interface Entry {
  module: CommandModule<object, any>;
  options: Record<string, Options>;
  positional: Positional;
  /** What the positional argument is, for "gen needs ..." messages. */
  needs?: string;
}

const ENTRIES: Entry[] = [
  { module: genCommand, options: genOptions(), positional: 'file', needs: 'a profile file (or - for stdin): synfw gen PROFILE --target T' },
  { module: planCommand, options: planOptions, positional: 'file', needs: 'a profile file (or - for stdin)' },
  { module: checkCommand, options: checkOptions, positional: 'file', needs: 'at least one profile file (or - for stdin)' },
  { module: diffCommand, options: diffOptions, positional: 'file', needs: "a profile file (or - for stdin): synfw diff PROFILE --target T --from FILE" },
  { module: applyCommand, options: applyOptions, positional: 'file', needs: 'a profile file: synfw apply PROFILE --target T --ssh USER@HOST' },
  { module: appsCommand, options: appsOptions, positional: 'app' },
  { module: whyCommand, options: { profile: { type: 'string' } }, positional: 'file', needs: 'a port: synfw why PORT [PROFILE]' },
  { module: targetsCommand, options: {}, positional: 'none' },
  { module: initCommand, options: initOptions, positional: 'none' },
  { module: schemaCommand, options: schemaOptions, positional: 'none' },
  { module: explainCommand, options: {}, positional: 'code' },
  { module: completionCommand, options: {}, positional: 'shell' },
];

export const COMMANDS = ENTRIES.map((e) => e.module);

const nameOf = (m: CommandModule<object, unknown>) => String(m.command).split(' ')[0]!;

function optionSpec(o: Options): OptionSpec {
  return {
    ...(typeof o.alias === 'string' ? { alias: o.alias } : {}),
    takesValue: o.type !== 'boolean',
    ...(o.array ? { repeatable: true } : {}),
  };
}

/** What completion knows of each command (made when completing, not on every run). */
export const completionSpec = (): CommandSpec[] =>
  ENTRIES.map((e) => ({
    name: nameOf(e.module),
    options: Object.fromEntries(Object.entries(e.options).map(([k, o]) => [k, optionSpec(o)])),
    positional: e.positional,
  }));

/** What usage messages know of each command (made when there is a message to write). */
export const commandInfo = (): CommandInfo[] =>
  ENTRIES.map((e) => ({
    name: nameOf(e.module),
    ...(e.needs ? { needs: e.needs } : {}),
    options: [...Object.keys(e.options), 'help'],
    aliases: Object.fromEntries(Object.entries(e.options).flatMap(([k, o]) => (typeof o.alias === 'string' ? [[o.alias, k]] : []))),
  }));

/** Options that are lists and may be given more than once. */
export const REPEATABLE = new Set(['profiles', 'app', ...ENTRIES.flatMap((e) => Object.entries(e.options).filter(([, o]) => o.array).map(([k]) => k))]);
