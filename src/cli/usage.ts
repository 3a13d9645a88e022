// Usage errors in synfw's own words, one line each, naming the command's --help. yargs does the
// parsing; its validation messages are given sentinel templates (yargs' updateStrings) so that
// they can be recognised here and rewritten, instead of reaching the user as
// "Not enough non-option arguments: got 0, need at least 1".

import { quote, UsageError } from '../diagnostics.js';
import { suggest } from '../suggest.js';

/** A standalone "-" (stdin or stdout); yargs would read it as an option, so it travels as this. */
export const DASH = '\u0000-';

const TAG = '\u0001';
const tagged = (kind: string) => `${TAG}${kind}${TAG}%s`;

/** yargs message keys -> sentinel templates recognised by explainFailure. */
export const YARGS_STRINGS = {
  'Unknown argument: %s': { one: tagged('unknown'), other: tagged('unknown') },
  'Unknown command: %s': { one: tagged('unknown-command'), other: tagged('unknown-command') },
  'Not enough non-option arguments: got %s, need at least %s': { one: tagged('missing-positional'), other: tagged('missing-positional') },
  'Too many non-option arguments: got %s, maximum of %s': { one: tagged('too-many'), other: tagged('too-many') },
  'Missing required argument: %s': { one: tagged('missing-option'), other: tagged('missing-option') },
  'Missing argument value: %s': { one: tagged('missing-value'), other: tagged('missing-value') },
  'Not enough arguments following: %s': tagged('missing-value'),
  'Show help': 'Show this help',
  'Show version number': "Print synfw's version",
  'Positionals:': 'Arguments:',
} as const;

export interface CommandInfo {
  name: string;
  /** What the command's positional argument is, for "missing" messages. */
  needs?: string;
  /** Long option names, for did-you-mean on an unknown option. */
  options: string[];
  /** One-letter alias -> long name (`t` -> `target`), to name options the long way in messages. */
  aliases: Record<string, string>;
}

/** The command a raw argument list runs: its first non-option word, when that is a command. */
export function commandOf(args: readonly string[], commands: readonly CommandInfo[]): CommandInfo | undefined {
  const first = args.find((a) => !a.startsWith('-') && a !== DASH);
  return commands.find((c) => c.name === first);
}

function unknownWords(list: string, args: readonly string[], command: CommandInfo | undefined, commands: readonly CommandInfo[]): string {
  const word = list.split(', ')[0] ?? list;
  const asOption = args.find((a) => a === `--${word}` || a.startsWith(`--${word}=`) || a === `-${word}`);
  if (asOption !== undefined) {
    const shown = asOption.split('=')[0]!;
    const close = command && suggest(word, command.options);
    return `unknown option ${shown}${close ? ` (did you mean --${close}?)` : ''}`;
  }
  if (!command) {
    const close = suggest(word, commands.map((c) => c.name));
    return `unknown command ${quote(word)}${close ? ` (did you mean "${close}"?)` : ''}; commands: ${commands.map((c) => c.name).join(', ')}`;
  }
  return `unexpected argument ${quote(word === DASH ? '-' : word)}`;
}

/** The help to point at: the command's own when the arguments name one. */
export function helpCommand(args: readonly string[], commands: readonly CommandInfo[]): string {
  const command = commandOf(args, commands);
  return command ? `synfw ${command.name} --help` : 'synfw --help';
}

/** A yargs failure message as a synfw usage error (unchanged when it is not one of yargs' own). */
export function explainFailure(message: string, args: readonly string[], commands: readonly CommandInfo[]): UsageError {
  const command = commandOf(args, commands);
  const help = helpCommand(args, commands);
  const m = new RegExp(`^${TAG}([a-z-]+)${TAG}([\\s\\S]*)$`).exec(message);
  let text = message;
  if (m) {
    const [, kind, detail] = m as unknown as [string, string, string];
    const raw = detail.split(', ')[0]!;
    const first = command?.aliases[raw] ?? raw;
    switch (kind) {
      case 'unknown':
      case 'unknown-command':
        text = unknownWords(detail, args, command, commands);
        break;
      case 'missing-positional':
        text = command ? `${command.name} needs ${command.needs ?? 'an argument'}` : 'give a command';
        break;
      case 'too-many':
        text = 'too many arguments';
        break;
      case 'missing-option':
        text = `--${first} is required`;
        break;
      case 'missing-value':
        text = `--${first} needs a value`;
        break;
      default:
        break;
    }
  }
  return new UsageError(`${text.split('\n').join(' ')} (see ${help})`);
}

/**
 * A flag that takes one value, given twice (`-t iptables -t nftables`), is an error rather than a
 * silent winner. `repeatable` lists the options that are lists (`--app`).
 */
export function rejectRepeats(argv: Record<string, unknown>, repeatable: ReadonlySet<string>): void {
  for (const [key, value] of Object.entries(argv)) {
    // One-letter keys are aliases (-t) of a long option that carries the same values.
    if (key === '_' || key === '$0' || key.length === 1 || repeatable.has(key) || !Array.isArray(value)) continue;
    const shown = value.map((v) => (typeof v === 'string' ? quote(v === DASH ? '-' : v) : String(v))).join(', ');
    throw new UsageError(`--${key} given ${value.length} times (${shown}); give it once`);
  }
}

/** Undoes the DASH stand-in in parsed values. */
export function restoreDashes(argv: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(argv)) {
    if (value === DASH) argv[key] = '-';
    else if (Array.isArray(value)) argv[key] = value.map((v) => (v === DASH ? '-' : v));
  }
}
