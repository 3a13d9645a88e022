// VyOS configuration commands, one per line, split by the shared sh tokeniser as bash (the VyOS CLI)
// splits them: `set PATH... 'VALUE'` and `delete PATH...`, path words bare, the value single-quoted,
// words one space apart. What synfw writes is stricter (strictValues: printable ASCII without
// ' " \ ?, values VyOS keeps as they are; "$var" only for the script's look-ups); what `show
// configuration commands` prints may hold any single-quoted value.

import { shTokens, ShSyntaxError, type ShWord } from '../sh/lexer.js';
import type { VyCmd, VyWord } from './model.js';

export class VyosSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export interface SplitOptions {
  /** Variables a value may be, written "$name" (the script's look-ups). */
  vars?: readonly string[];
  /** Refuse values VyOS would not keep as they are, or that a paste would change. */
  strictValues?: boolean;
}

const BARE = /^[A-Za-z0-9_.:-]+$/;
const SAFE_VALUE = (s: string): boolean => /^[\x20-\x7e]*$/.test(s) && !/['"\\?]/.test(s);

/** One word: bare, '...' or "$var". */
function word(w: ShWord, n: number, o: SplitOptions): { word: VyWord; quoted: boolean } {
  const [only, ...rest] = w.parts;
  if (rest.length || !only) throw new VyosSyntaxError(n, `a quoted value glued to other text in ${w.raw}`);
  if (only.kind === 'single') {
    if (o.strictValues && !SAFE_VALUE(only.text)) throw new VyosSyntaxError(n, `value ${JSON.stringify(only.text)} holds characters VyOS would not keep`);
    return { word: { text: only.text }, quoted: true };
  }
  if (only.kind === 'double') {
    const [ref, ...more] = only.parts;
    const name = ref?.kind === 'expansion' ? /^\$([a-z0-9_]+)$/.exec(ref.raw)?.[1] : undefined;
    if (name === undefined || more.length || !(o.vars ?? []).includes(name)) throw new VyosSyntaxError(n, `unexpected double-quoted word ${w.raw}`);
    return { word: { text: '', shellVar: name }, quoted: true };
  }
  if (only.kind !== 'bare' || !BARE.test(only.text)) throw new VyosSyntaxError(n, `unexpected word ${JSON.stringify(w.raw)}`);
  return { word: { text: only.text }, quoted: false };
}

/** The words of one line, and whether each was quoted. */
export function splitCommand(line: string, n: number, o: SplitOptions = {}): { word: VyWord; quoted: boolean }[] {
  if (/^ | $/.test(line)) throw new VyosSyntaxError(n, 'stray spaces');
  let lexed;
  try {
    lexed = shTokens(line);
  } catch (e) {
    if (e instanceof ShSyntaxError) throw new VyosSyntaxError(n, e.reason);
    throw e;
  }
  if (lexed.comments.length) throw new VyosSyntaxError(n, 'a # comment after a command');
  return lexed.tokens.map((t, i) => {
    if (t.kind !== 'word') throw new VyosSyntaxError(n, `unexpected ${t.kind === 'newline' ? 'line break' : line.slice(t.start, t.end)}`);
    const next = lexed.tokens[i + 1];
    if (next && next.start !== t.end + 1) throw new VyosSyntaxError(n, 'stray spaces');
    return word(t, n, o);
  });
}

/** A set/delete line: path words bare; a set ends in exactly one quoted value. */
export function parseCommand(line: string, n: number, o: SplitOptions = {}): VyCmd {
  const words = splitCommand(line, n, o);
  const verb = words[0]?.word.text;
  if ((verb !== 'set' && verb !== 'delete') || words[0]!.quoted) throw new VyosSyntaxError(n, `unknown command ${JSON.stringify(line)}`);
  const rest = words.slice(1);
  const valued = verb === 'set' ? rest.slice(0, -1) : rest;
  if (valued.some((w) => w.quoted) || (verb === 'set' && !rest[rest.length - 1]?.quoted) || rest.length < 3) {
    throw new VyosSyntaxError(n, `${verb}: path words must be bare${verb === 'set' ? ' and the value quoted' : ''}`);
  }
  return { verb, words: rest.map((w) => w.word), line: n };
}
