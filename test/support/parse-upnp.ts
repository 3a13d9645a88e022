// A strict reader for the upnp target's sh script: it tokenises the whole file the way sh does (the
// one sh tokeniser, src/readers/sh/lexer.ts: quotes, backslashes, $(...), ${...}, backticks,
// comments, operators) and recovers every upnpc call. Anything it does not expect around a upnpc
// call is an error, so a description that broke out of its quotes cannot go unnoticed. The script's body must be the
// subshell the target writes (header, its comment, `(`, `set -u`, ..., `)` as the last line).

import { shTokens, type ShWord } from '../../src/readers/sh/lexer.js';

export interface Word {
  /** The value after quote removal (expansions left as written). */
  text: string;
  /** As written in the script. */
  raw: string;
  /** Contains an unquoted or double-quoted $, $(...), ${...} or backtick. */
  expands: boolean;
}
export type Token = { kind: 'word'; word: Word } | { kind: 'op'; op: string } | { kind: 'newline' };

export interface UpnpAdd {
  proto: 'TCP' | 'UDP';
  external: number;
  address: string;
  internal: number;
  lease: number;
  description: string;
  /** The description as written (for checking the quoting style). */
  raw: string;
}
export interface ParsedUpnp {
  adds: UpnpAdd[];
  removes: { proto: 'TCP' | 'UDP'; external: number }[];
  /** Whether the script asks upnpc for this host's LAN address (upnpc -s) before mapping. */
  checksHost: boolean;
  comments: string[];
}

/**
 * The script's tokens, from the one sh tokeniser (src/readers/sh/lexer.ts): a redirection becomes
 * its operator (with its fd: "2>&") and its target word, as the checks below read them.
 */
export function tokenize(s: string): { tokens: Token[]; comments: string[] } {
  const lexed = shTokens(s);
  const word = (w: ShWord): Token => ({ kind: 'word', word: { text: w.text, raw: w.raw, expands: !w.literal } });
  const tokens = lexed.tokens.flatMap((t): Token[] => {
    if (t.kind === 'word') return [word(t)];
    if (t.kind === 'redirect') return [{ kind: 'op', op: `${t.fd ?? ''}${t.op}` }, word(t.target)];
    if (t.kind === 'op') return [{ kind: 'op', op: t.op }];
    return [{ kind: 'newline' }];
  });
  return { tokens, comments: lexed.comments.map((c) => c.text) };
}

/** Splits tokens into lines, each a list of simple commands separated by ; && || | and the like. */
function lines(tokens: Token[]): Token[][] {
  const out: Token[][] = [[]];
  for (const t of tokens) {
    if (t.kind === 'newline') out.push([]);
    else out[out.length - 1]!.push(t);
  }
  return out.filter((l) => l.length > 0);
}

const plain = (t: Token | undefined, re: RegExp): string => {
  if (t?.kind !== 'word' || t.word.expands || !re.test(t.word.raw)) throw new Error(`unexpected ${JSON.stringify(t)}`);
  return t.word.text;
};
const op = (t: Token | undefined, o: string): void => {
  if (t?.kind !== 'op' || t.op !== o) throw new Error(`expected ${o}, got ${JSON.stringify(t)}`);
};
const PORT = /^[1-9]\d{0,4}$/;
const PROTO = /^(TCP|UDP)$/;
const port = (t: Token | undefined): number => {
  const n = Number(plain(t, PORT));
  if (n > 65535) throw new Error(`port ${n} out of range`);
  return n;
};

/** `>"$log" 2>&1` or `>/dev/null 2>&1` at the end of a upnpc line. */
function redirect(l: Token[], at: number, target: 'log' | 'null'): void {
  op(l[at], '>');
  const t = l[at + 1];
  const ok = target === 'null' ? t?.kind === 'word' && t.word.raw === '/dev/null' : t?.kind === 'word' && t.word.raw === '"$log"';
  if (!ok) throw new Error(`expected redirection to ${target}, got ${JSON.stringify(t)}`);
  op(l[at + 2], '2>&');
  plain(l[at + 3], /^1$/);
  if (l.length !== at + 4) throw new Error(`trailing tokens after upnpc: ${JSON.stringify(l.slice(at + 4))}`);
}

/** `added $? PROTO EXT INT` / `removed $? PROTO EXT`, exactly. */
function check(l: Token[] | undefined, name: string, args: string[]): void {
  const words = l?.map((t) => (t.kind === 'word' ? t.word.raw : t.kind === 'op' ? `<op ${t.op}>` : '<newline>'));
  if (JSON.stringify(words) !== JSON.stringify([name, '$?', ...args])) throw new Error(`expected ${name} $? ${args.join(' ')}, got ${JSON.stringify(words)}`);
}

/** What follows the header: everything runs in a subshell, so a pasted `exit` ends only that. */
const OPEN = [
  '',
  '# Everything runs in a subshell: pasted into a shell, its `exit` ends only the subshell, never your',
  '# session.',
  '(',
  'set -u',
];

function checkSubshell(script: string): void {
  if (!script.endsWith('\n)\n')) throw new Error('the script does not end with the subshell\'s )');
  const all = script.slice(0, -1).split('\n');
  let n = 1;
  while (all[n]?.startsWith('#')) n++;
  OPEN.forEach((want, k) => {
    if (all[n + k] !== want) throw new Error(`line ${n + k + 1}: expected ${JSON.stringify(want)}, got ${JSON.stringify(all[n + k])}`);
  });
  // No other line opens or closes a subshell at the start of a line: the body is one ( ... ).
  const inner = all.slice(n + OPEN.length, -1);
  const stray = inner.findIndex((l) => /^[()]/.test(l));
  if (stray >= 0) throw new Error(`line ${n + OPEN.length + stray + 1}: a ( or ) inside the subshell`);
}

export function parseUpnp(script: string): ParsedUpnp {
  if (!script.startsWith('#!/bin/sh\n')) throw new Error('missing #!/bin/sh');
  checkSubshell(script);
  const { tokens, comments } = tokenize(script);
  const ls = lines(tokens);
  const result: ParsedUpnp = { adds: [], removes: [], checksHost: false, comments };
  for (let n = 0; n < ls.length; n++) {
    const l = ls[n]!;
    // A upnpc (or its checker) anywhere but at the start of its own line is not something we emit.
    const heads = l.filter((t, i) => t.kind === 'word' && (i === 0 || (l[i - 1]!.kind === 'op' && /^(;|&&|\|\||\|)$/.test((l[i - 1] as { op: string }).op))));
    const named = heads.map((t) => (t.kind === 'word' ? t.word.text : ''));
    if (named.slice(1).some((w) => w === 'upnpc' || w === 'added' || w === 'removed')) throw new Error(`upnpc inside a compound line ${n}`);
    // `added() {` defines the checker; only calls are checked.
    const defines = l[1]?.kind === 'op' && l[1].op === '(';
    const head = defines ? undefined : named[0];
    if (head === 'added' || head === 'removed') throw new Error(`${head} without its upnpc call on line ${n}`);
    if (head === 'command' && l[1]?.kind === 'word' && l[1].word.raw === 'upnpc') {
      // The upnpc() wrapper's body calls the real binary; nothing else may.
      const rest = l.slice(2).map((t) => (t.kind === 'word' ? t.word.raw : t.kind === 'op' ? t.op : '\n'));
      if (rest.join(' ') === '-u "$igd" "$@"' || rest.join(' ') === '"$@"') continue;
      throw new Error(`unexpected command upnpc ${rest.join(' ')}`);
    }
    if (head !== 'upnpc') continue;
    const flag = plain(l[1], /^-[sde]$/);
    if (flag === '-s') {
      redirect(l, 2, 'log');
      if (result.adds.length || result.removes.length) throw new Error('upnpc -s after the mappings');
      result.checksHost = true;
      continue;
    }
    if (flag === '-d') {
      const external = port(l[2]);
      const proto = plain(l[3], PROTO) as 'TCP' | 'UDP';
      if (l[5]?.kind === 'word' && l[5].word.raw === '"$log"') {
        redirect(l, 4, 'log');
        check(ls[n + 1], 'removed', [proto, String(external)]);
        result.removes.push({ proto, external });
        n++;
        continue;
      }
      // A delete before an add: the add must follow on the next line, for the same port and protocol.
      redirect(l, 4, 'null');
      const a = ls[n + 1];
      if (!a) throw new Error(`upnpc -d ${external} ${proto} is not followed by its add`);
      plain(a[0], /^upnpc$/);
      plain(a[1], /^-e$/);
      const d = a[2];
      if (d?.kind !== 'word' || d.word.expands || !/^('[^']*'|\\')+$/.test(d.word.raw)) throw new Error(`description is not single-quoted: ${JSON.stringify(d)}`);
      plain(a[3], /^-a$/);
      const address = plain(a[4], /^\d{1,3}(\.\d{1,3}){3}$/);
      const internal = port(a[5]);
      if (port(a[6]) !== external || plain(a[7], PROTO) !== proto) throw new Error(`add on line ${n + 1} does not follow its own delete`);
      const lease = Number(plain(a[8], /^\d+$/));
      redirect(a, 9, 'log');
      check(ls[n + 2], 'added', [proto, String(external), String(internal)]);
      result.adds.push({ proto, external, address, internal, lease, description: d.word.text, raw: d.word.raw });
      n += 2;
    } else {
      throw new Error(`upnpc -e without the delete before it on line ${n}`);
    }
  }
  return result;
}
