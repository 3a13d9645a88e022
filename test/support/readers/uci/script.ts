// The uci script reader: the script's words as the shared sh tokeniser splits them (quotes,
// backslashes, expansions, comments, operators, redirections, $(...) read recursively), then a
// replay of the `uci` commands whose words are pure literals, with the argument syntax of uci's
// cli.c / uci_parse_ptr. A `uci` command with an expansion in it is only allowed to read
// (get/show/changes) or delete, and is reported in `dynamic`: free text must reach uci as literal
// data. Known limits: no here-documents, no backquotes (both rejected), no `(` before a case
// pattern. The sections it leaves go to the UCI model of src/readers/uci, as the config form does.

import { BAD_TEXT, NAME, UciModel, UciParseError, type UciSection } from '../../../../src/readers/uci/index.js';
import { commandsOf, expansionsOf, shTokens, ShSyntaxError, type ShCommand, type ShToken } from '../../../../src/readers/sh/lexer.js';

export type { ShCommand };

/** Backquotes anywhere, $(...) bodies included: refused (a second way to run a command, easy to miss). */
function refuseBackquotes(tokens: readonly ShToken[]): void {
  for (const t of tokens) {
    const words = t.kind === 'word' ? [t] : t.kind === 'redirect' ? [t.target] : [];
    for (const e of words.flatMap(expansionsOf)) {
      if (e.raw.startsWith('`')) throw new UciParseError('sh: backquotes are not supported', words[0]!.line);
      if (e.body) refuseBackquotes(e.body);
    }
  }
}

/** Every simple command of the script (those inside $(...) included), words as sh splits them. */
export function shCommands(script: string): ShCommand[] {
  try {
    const { tokens } = shTokens(script);
    refuseBackquotes(tokens);
    return commandsOf(tokens);
  } catch (e) {
    if (e instanceof ShSyntaxError) throw new UciParseError(`sh: ${e.reason}`, e.line);
    throw e;
  }
}

const RESERVED = new Set(['!', '{', '}', 'if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until']);

/**
 * The command's arguments after its command word when that word is `uci` (or a path to it). A
 * command word with an expansion in it is refused: it could be uci in disguise.
 */
function uciArgs(cmd: ShCommand): ShCommand['words'] | undefined {
  let k = 0;
  while (k < cmd.words.length) {
    const w = cmd.words[k]!;
    if (w.literal && RESERVED.has(w.text)) k++;
    else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.text)) k++;
    else break;
  }
  const w = cmd.words[k];
  if (w && !w.literal) throw new UciParseError(`sh: command word with an expansion: ${w.text}`, cmd.line);
  return w && (w.text === 'uci' || w.text.endsWith('/uci')) ? cmd.words.slice(k + 1) : undefined;
}

interface Ptr {
  section: string;
  option?: string;
  value?: string;
}

/** uci_parse_ptr: config.section[.option][=value]; only the firewall config and plain names. */
function parsePtr(arg: string, line: number): Ptr {
  const eq = arg.indexOf('=');
  const path = eq < 0 ? arg : arg.slice(0, eq);
  const value = eq < 0 ? undefined : arg.slice(eq + 1);
  const parts = path.split('.');
  if (parts.length < 2 || parts.length > 3) throw new UciParseError(`uci: bad reference ${JSON.stringify(arg)}`, line);
  const [pkg, section, option] = parts as [string, string, string | undefined];
  if (pkg !== 'firewall') throw new UciParseError(`uci: config ${JSON.stringify(pkg)} is not firewall`, line);
  if (!NAME.test(section)) throw new UciParseError(`uci: section ${JSON.stringify(section)} is not a plain name`, line);
  if (option !== undefined && !NAME.test(option)) throw new UciParseError(`uci: invalid option name ${JSON.stringify(option)}`, line);
  if (value !== undefined && BAD_TEXT.test(value)) throw new UciParseError('uci: control character in a value', line);
  return { section, option, value };
}

export interface UciScript {
  /** The sections the literal commands leave behind, in the order they were set. */
  sections: UciSection[];
  /** Every literal uci command, as its argv after `uci` (options included). */
  literal: string[][];
  /** uci commands with expansions (read or delete only), as their source words. */
  dynamic: string[][];
}

/** Reads a uci script; throws UciParseError on anything it does not understand. */
export function parseUciScript(script: string): UciScript {
  const model = new UciModel();
  const last = new Map<string, 'delete' | 'set'>();
  const out: UciScript = { sections: model.sections, literal: [], dynamic: [] };
  let committed = false;
  for (const cmd of shCommands(script)) {
    const args = uciArgs(cmd);
    if (!args) continue;
    let k = 0;
    while (args[k]?.literal && /^-[qX]$/.test(args[k]!.text)) k++;
    const sub = args[k];
    const rest = args.slice(k + 1);
    if (!sub?.literal) throw new UciParseError('uci: missing or non-literal command', cmd.line);
    if (args.some((a) => !a.literal)) {
      if (!['get', 'show', 'changes', 'delete'].includes(sub.text)) throw new UciParseError(`uci ${sub.text} with a shell expansion`, cmd.line);
      out.dynamic.push(args.map((a) => a.text));
      continue;
    }
    out.literal.push(args.map((a) => a.text));
    if (['get', 'show', 'changes'].includes(sub.text)) {
      if (rest.length > 1) throw new UciParseError(`uci ${sub.text}: too many arguments`, cmd.line);
      continue;
    }
    if (rest.length !== 1) throw new UciParseError(`uci ${sub.text} takes exactly one argument`, cmd.line);
    const arg = rest[0]!.text;
    if (committed) throw new UciParseError(`uci ${sub.text} after uci commit`, cmd.line);
    if (sub.text === 'commit') {
      if (arg !== 'firewall') throw new UciParseError(`uci commit ${arg}`, cmd.line);
      committed = true;
      continue;
    }
    const p = parsePtr(arg, cmd.line);
    if (sub.text === 'delete') {
      if (p.option !== undefined || p.value !== undefined) throw new UciParseError('uci delete of an option or list index', cmd.line);
      model.remove(p.section);
      last.set(p.section, 'delete');
    } else if (sub.text === 'set' && p.option === undefined) {
      if (p.value === undefined) throw new UciParseError('uci set without a value', cmd.line);
      if (last.get(p.section) !== 'delete') throw new UciParseError(`section ${p.section} set without being deleted first`, cmd.line);
      model.add(p.value, p.section, cmd.line);
      last.set(p.section, 'set');
    } else if (sub.text === 'set' || sub.text === 'add_list') {
      const s = model.find(p.section);
      if (!s || p.option === undefined || p.value === undefined) throw new UciParseError(`uci ${sub.text} ${arg}: no such section or no value`, cmd.line);
      model.set(s, p.option, p.value, sub.text === 'add_list', cmd.line);
    } else throw new UciParseError(`unknown uci command ${JSON.stringify(sub.text)}`, cmd.line);
  }
  if (!committed) throw new UciParseError('no uci commit firewall');
  return out;
}
