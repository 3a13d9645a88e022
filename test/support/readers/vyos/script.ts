// A strict parser for the vyos target's two output forms. Command lines are split by the VyOS
// reader's splitter (src/readers/vyos/commands.ts, on the shared sh tokeniser) in its strict mode:
// bare path words, single-quoted values VyOS keeps as they are (printable ASCII without ' " \ ?),
// and, in the script only, "$var" for the hairpin lookups. The commands form is comments, delete/set lines, then
// commit and save. The script form is a fixed skeleton (guards, interface and zone-firewall checks,
// lookups, the scan for earlier rules, script-template, configure, deletes, sets, commit, save,
// exit) checked line by line; anything else is an error, a subshell around it too (script-template's
// commands are aliases, which bash would not expand inside it). The commands go to
// src/readers/vyos/model.ts, which applies them like the CLI.

import { parseCommand as splitLine, VyosSyntaxError } from '../../../../src/readers/vyos/commands.js';
import type { VyCmd } from '../../../../src/readers/vyos/model.js';
import { readLinkChecks, type LinkCheck } from '../sh/need-links.js';

export { VyosSyntaxError };

/** A set/delete line as synfw writes it (strict values; "$var" for `vars`). */
export const parseCommand = (line: string, n: number, vars: readonly string[] = []): VyCmd => splitLine(line, n, { vars, strictValues: true });

/** A '...' word without a quote inside. */
const shUnquote = (word: string): string => word.slice(1, -1);

function checkText(text: string): string[] {
  if (!text.endsWith('\n')) throw new VyosSyntaxError(0, 'no final newline');
  const lines = text.slice(0, -1).split('\n');
  lines.forEach((l, i) => {
    if (!/^[\x20-\x7e]*$/.test(l)) throw new VyosSyntaxError(i + 1, 'a character other than printable ASCII');
  });
  return lines;
}

function comment(line: string, n: number): string | null {
  if (!line.startsWith('#')) return null;
  if (line.includes('?')) throw new VyosSyntaxError(n, 'a ? in a comment opens the CLI help when pasted');
  if (line !== '#' && !line.startsWith('# ')) throw new VyosSyntaxError(n, 'comment without a space after #');
  return line.slice(2);
}

export interface VyosCommandsFile {
  cmds: VyCmd[];
  comments: string[];
}

/** The commands form: comments first, then delete/set lines, then commit and save, nothing after. */
export function parseVyosCommands(text: string): VyosCommandsFile {
  const lines = checkText(text);
  const out: VyosCommandsFile = { cmds: [], comments: [] };
  if (comment(lines[0] ?? '', 1) === null) throw new VyosSyntaxError(1, 'the header comment must come first');
  let tail = 0;
  lines.forEach((line, i) => {
    const n = i + 1;
    const c = comment(line, n);
    if (line === '') return;
    if (c !== null) {
      if (out.cmds.length) throw new VyosSyntaxError(n, 'comment after the commands');
      out.comments.push(c);
    } else if (tail === 0 && line === 'commit') tail = 1;
    else if (tail === 1 && line === 'save') tail = 2;
    else if (tail === 0) out.cmds.push(parseCommand(line, n));
    else throw new VyosSyntaxError(n, `${JSON.stringify(line)} after commit`);
  });
  if (tail !== 2) throw new VyosSyntaxError(lines.length, 'does not end with commit and save');
  return out;
}

export interface VyosScriptFile extends VyosCommandsFile {
  /** The owned range and tag the scan for earlier rules uses. */
  range: [number, number];
  tagPrefix: string;
  /** Rule lists scanned before configure, and deleted in loops after it (same order). */
  lists: string[];
  /** Groups deleted when they exist: "network-group synfw-x-v4". */
  groups: string[];
  /** Hairpin: the interfaces whose WAN address and LAN subnet the script looks up. */
  lookups: { wan: string; lan: string } | null;
  /** The interfaces the script checks exist before anything else (after the user/group guard). */
  links: LinkCheck[];
  /** What it prints when the router has a zone-based firewall (checked right after the interfaces). */
  zoneMessage: string;
}

const IF = "'([A-Za-z0-9_.@:+-]+)'";
const MSG = "'[^'?]*'";
const re = (s: string): RegExp => new RegExp(`^${s}$`);
const GUARD = [
  'if [ "$(id -u)" = 0 ]; then',
  re(`  echo ${MSG} >&2`),
  '  exit 1',
  'fi',
  'if [ "$(id -g -n)" != vyattacfg ]; then',
  `  exec sg vyattacfg -c "/bin/vbash $(printf '%q' "$(readlink -f "$0")")"`,
  'fi',
];
const ZONE = ['if cli-shell-api existsActive firewall zone; then', re(`  echo (${MSG}) >&2`), '  exit 1', 'fi'];
const LOOKUPS = [
  re(`synfw_wan4=\\$\\(ip -4 -o addr show dev ${IF} scope global \\| awk '\\{ split\\(\\$4, a, "/"\\); print a\\[1\\]; exit \\}'\\)`),
  re(`synfw_lan4=\\$\\(ip -4 -o route show dev ${IF} proto kernel scope link \\| awk '\\{ print \\$1; exit \\}'\\)`),
  'case $synfw_wan4 in',
  re(`  ''\\|\\*\\[!0-9\\.\\]\\*\\) echo ${MSG} >&2; exit 1 ;;`),
  'esac',
  'case $synfw_lan4 in',
  re(`  ''\\|\\*\\[!0-9\\./\\]\\*\\) echo ${MSG} >&2; exit 1 ;;`),
  'esac',
];
const SCAN = [
  'synfw_old() {',
  `  for n in $(cli-shell-api listActiveNodes "$@" | tr -d "'"); do`,
  "    case $n in ''|*[!0-9]*) continue ;; esac",
  re('    if \\[ "\\$n" -lt (\\d+) \\] \\|\\| \\[ "\\$n" -gt (\\d+) \\]; then continue; fi'),
  '    case $(cli-shell-api returnActiveValue "$@" "$n" description) in',
  re("      '(synfw:[a-z0-9-]+ )'\\*\\) echo \"\\$n\" ;;"),
  re('      \\*\\) echo "synfw: \\$\\* \\$n [^"$`\\\\]*" >&2; return 1 ;;'),
  '    esac',
  '  done',
  '}',
];
const TAIL = [
  'commit',
  'if cli-shell-api sessionChanged; then',
  re(`  echo ${MSG} >&2`),
  re(`  echo ${MSG} >&2`),
  '  exit',
  '  builtin exit 1',
  'fi',
  'save',
  'if cli-shell-api sessionUnsaved; then',
  re(`  echo ${MSG} >&2`),
  'fi',
  'exit',
];
const PATHS = ['nat destination rule', 'nat source rule', 'firewall ipv4 forward filter rule', 'firewall ipv6 forward filter rule'];

/** The script form, checked against its skeleton line by line (comments and blank lines aside). */
export function parseVyosScript(text: string): VyosScriptFile {
  const all = checkText(text);
  if (all[0] !== '#!/bin/vbash') throw new VyosSyntaxError(1, 'not a vbash script');
  if (comment(all[1] ?? '', 2) === null) throw new VyosSyntaxError(2, 'the header comment must come first');
  const out: VyosScriptFile = { cmds: [], comments: [], range: [0, 0], tagPrefix: '', lists: [], groups: [], lookups: null, links: [], zoneMessage: '' };
  const code: [string, number][] = [];
  all.slice(1).forEach((line, i) => {
    const c = comment(line, i + 2);
    if (c !== null) out.comments.push(c);
    else if (line !== '') code.push([line, i + 2]);
  });
  let at = 0;
  const next = (): [string, number] => code[at++] ?? [`<end of file>`, all.length];
  const expect = (p: string | RegExp): RegExpExecArray | null => {
    const [line, n] = next();
    const m = typeof p === 'string' ? (line === p ? null : undefined) : p.exec(line) ?? undefined;
    if (m === undefined) throw new VyosSyntaxError(n, `expected ${String(p)}, got ${JSON.stringify(line)}`);
    return m;
  };
  GUARD.forEach(expect);
  let links: ReturnType<typeof readLinkChecks>;
  try {
    links = readLinkChecks(code.map(([l]) => l), at);
  } catch (e) {
    throw new VyosSyntaxError(code[at]?.[1] ?? all.length, (e as Error).message);
  }
  if (!links.checks.length) throw new VyosSyntaxError(code[at]?.[1] ?? all.length, 'expected an interface check');
  out.links = links.checks;
  at = links.next;
  out.zoneMessage = shUnquote(ZONE.map(expect)[1]![1]!);
  if (code[at]?.[0].startsWith('synfw_wan4=')) {
    const [w, l] = LOOKUPS.map(expect);
    out.lookups = { wan: w![1]!, lan: l![1]! };
  }
  const m = SCAN.map(expect);
  out.range = [Number(m[3]![1]), Number(m[3]![2])];
  out.tagPrefix = m[5]![1]!;
  for (const path of PATHS) {
    const v = expect(re(`(synfw_[a-z0-9]+)=\\$\\(synfw_old ${path}\\) \\|\\| exit 1`))!;
    out.lists.push(`${v[1]} ${path}`);
  }
  expect('source /opt/vyatta/etc/functions/script-template');
  expect('configure');
  for (const entry of out.lists) {
    const [v, ...path] = entry.split(' ');
    expect(`for n in $${v}; do delete ${path.join(' ')} "$n"; done`);
  }
  for (const kind of ['network-group', 'ipv6-network-group']) {
    const g = expect(re(`if cli-shell-api existsActive firewall group ${kind} (synfw-[a-z0-9-]+-v[46]); then delete firewall group ${kind} (synfw-[a-z0-9-]+-v[46]); fi`))!;
    if (g[1] !== g[2]) throw new VyosSyntaxError(code[at - 1]![1], 'checks one group and deletes another');
    out.groups.push(`${kind} ${g[1]}`);
  }
  const vars = out.lookups ? ['synfw_wan4', 'synfw_lan4'] : [];
  while (code[at] && code[at]![0] !== 'commit') {
    const [line, n] = next();
    out.cmds.push(parseCommand(line, n, vars));
    if (out.cmds[out.cmds.length - 1]!.verb !== 'set') throw new VyosSyntaxError(n, 'the script deletes only in its loops');
  }
  TAIL.forEach(expect);
  if (at !== code.length) throw new VyosSyntaxError(code[at]![1], 'code after the final exit');
  return out;
}
