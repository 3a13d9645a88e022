// The vyos target's output run by bash against a stub VyOS: cli-shell-api over a fixture of the
// active config, id/sg for the vyattacfg guard, ip for the hairpin lookups (or the real ip, in a
// lab router namespace), and a stand-in for /opt/vyatta/etc/functions/script-template whose
// configure-mode commands (set, delete, commit, save) log the words bash passes them. Both forms
// run this way: the script as a file, the commands form pasted after `source TEMPLATE` (what a
// paste into configure mode is: bash with VyOS's set/delete functions).

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// cli-shell-api over a fixture of the active config: "PATH<TAB>NUMBER<TAB>DESCRIPTION" lines for
// rules, whole paths ("firewall group network-group x", "firewall zone") for existsActive;
// listActiveNodes prints 'a' 'b' as the real one does.
const STUB_API = String.raw`#!/bin/bash
d=$SYNFW_STUB_DIR
case $1 in
  listActiveNodes) shift; out=''; while IFS=$'\t' read -r p n _; do [ "$p" = "$*" ] && out="$out '$n'"; done < "$d/rules"; printf '%s' "${'$'}{out# }" ;;
  returnActiveValue) shift; while IFS=$'\t' read -r p n desc; do [ "$p $n description" = "$*" ] && printf '%s' "$desc"; done < "$d/rules"; true ;;
  existsActive) shift; grep -qxF "$*" "$d/exists" ;;
  sessionChanged) [ -e "$d/commit-fails" ] ;;
  sessionUnsaved) false ;;
  *) echo "unexpected: cli-shell-api $*" >&2; exit 99 ;;
esac
`;
const STUB_ID = String.raw`#!/bin/sh
case "$*" in
  -u) echo "${'$'}{SYNFW_STUB_UID:-1000}" ;;
  '-g -n') echo "${'$'}{SYNFW_STUB_GROUP:-vyattacfg}" ;;
  *) echo "unexpected: id $*" >&2; exit 99 ;;
esac
`;
// The router's interfaces are the files link-NAME; ip -o link show lists them as iproute2 does
// (a VLAN as NAME@PARENT).
const STUB_IP = String.raw`#!/bin/sh
case "$1 $2 $3" in
  'link show dev') [ "$#" = 4 ] && [ -e "$SYNFW_STUB_DIR/link-$4" ]; exit ;;
  '-o link show')
    [ "$#" = 3 ] || exit 99
    i=0; for f in "$SYNFW_STUB_DIR"/link-*; do i=$((i + 1)); echo "$i: ${'$'}{f##*/link-}: <BROADCAST,MULTICAST,UP> mtu 1500 state UP"; done; exit ;;
esac
case "$1 $2 $3 $4 $5" in
  '-4 -o addr show dev') f="$SYNFW_STUB_DIR/addr-$6" ;;
  '-4 -o route show dev') f="$SYNFW_STUB_DIR/route-$6" ;;
  *) echo "unexpected: ip $*" >&2; exit 99 ;;
esac
if [ -e "$f" ]; then cat "$f"; fi
`;
const STUB_SG = String.raw`#!/bin/sh
printf '%s\n' "$@" > "$SYNFW_STUB_DIR/sg"
`;
// The script-template stand-in: configure-mode commands log their arguments (NUL-separated, a \001
// record end). All of them are aliases, as in VyOS: script-template's configure and exit, and
// vyatta-cfg's set, delete, commit and save (alias set='vyatta_cfg_run set', ...); bash expands an
// alias only in commands it reads after the alias is defined (so a subshell around the script,
// read whole before its source line runs, would get the shell's own set and exit).
const STUB_TEMPLATE = String.raw`shopt -s expand_aliases
synfw_stub_log() { { printf '%s\0' "$@"; printf '\001\0'; } >> "$SYNFW_STUB_DIR/calls"; }
synfw_stub_configure() { synfw_stub_log configure; echo ':'; }
synfw_stub_exit() { synfw_stub_log exit; echo ':'; }
alias set='synfw_stub_log set'
alias delete='synfw_stub_log delete'
alias commit='synfw_stub_log commit'
alias save='synfw_stub_log save'
alias configure='eval $(synfw_stub_configure)'
alias exit='eval $(synfw_stub_exit)'
`;

const SOURCE_LINE = 'source /opt/vyatta/etc/functions/script-template\n';

/** The interfaces a stub router has unless a test says otherwise (a VLAN as iproute2 prints it). */
export const STUB_LINKS = ['eth0', 'eth1', 'br0', 'pppoe0', 'eth0.10@eth0'];

export interface StubRouter {
  uid?: string;
  group?: string;
  /** Active rules: [list path, number, description]. */
  rules?: [string, number, string][];
  /** Active groups: "network-group synfw-x-v4". */
  groups?: string[];
  /** Other active paths existsActive finds: "firewall zone". */
  exists?: string[];
  /** The interfaces the router has, as ip -o link show names them (default: STUB_LINKS). */
  links?: string[];
  addr?: Record<string, string>;
  route?: Record<string, string>;
  commitFails?: boolean;
}

export interface StubRun {
  status: number | null;
  stderr: string;
  /** Every stubbed configure-mode call with its words: ['set', 'nat', ...], ['commit']. */
  calls: string[][];
  /** sg's arguments, when the script re-ran itself in the vyattacfg group. */
  sg: string | null;
  /** The script file that ran. */
  path: string;
}

export interface StubOptions {
  /** 'script' (default): the vbash script; 'commands': the --format commands text, pasted. */
  form?: 'script' | 'commands';
  /** Use the real `ip` (in a lab router namespace) instead of the addr/route fixtures. */
  realIp?: boolean;
  /** Where to build the stub: `real` on this host, seen as `seen` by the shell that runs it (a bind mount); default a new temp dir. */
  dir?: { real: string; seen: string };
}

/** A directory with the stub commands and the text to run; run `argv` with `env`, then read(). */
export class VyosStub {
  readonly real: string;
  readonly seen: string;
  readonly argv: string[];
  readonly env: Record<string, string>;

  constructor(text: string, router: StubRouter = {}, o: StubOptions = {}) {
    this.real = o.dir?.real ?? mkdtempSync(join(tmpdir(), 'synfw-vyos-'));
    this.seen = o.dir?.seen ?? this.real;
    mkdirSync(join(this.real, 'bin'), { recursive: true });
    const stubs: [string, string][] = [['cli-shell-api', STUB_API], ['id', STUB_ID], ['sg', STUB_SG], ...(o.realIp ? [] : [['ip', STUB_IP] as [string, string]])];
    for (const [name, body] of stubs) {
      writeFileSync(join(this.real, 'bin', name), body);
      chmodSync(join(this.real, 'bin', name), 0o755);
    }
    writeFileSync(join(this.real, 'template'), STUB_TEMPLATE);
    writeFileSync(join(this.real, 'rules'), (router.rules ?? []).map((r) => `${r.join('\t')}\n`).join(''));
    writeFileSync(join(this.real, 'exists'), [...(router.groups ?? []).map((g) => `firewall group ${g}`), ...(router.exists ?? [])].map((l) => `${l}\n`).join(''));
    if (!o.realIp) for (const l of router.links ?? STUB_LINKS) writeFileSync(join(this.real, `link-${l}`), '');
    for (const [k, v] of Object.entries(router.addr ?? {})) writeFileSync(join(this.real, `addr-${k}`), v);
    for (const [k, v] of Object.entries(router.route ?? {})) writeFileSync(join(this.real, `route-${k}`), v);
    if (router.commitFails) writeFileSync(join(this.real, 'commit-fails'), '');
    const template = `source '${this.seen}/template'\n`;
    let body: string;
    if (o.form === 'commands') {
      body = template + text;
    } else {
      if (text.split(SOURCE_LINE).length !== 2) throw new Error('the script does not source script-template exactly once');
      body = text.replace(SOURCE_LINE, template);
    }
    writeFileSync(join(this.real, 'synfw-test.sh'), body);
    this.argv = ['bash', `${this.seen}/synfw-test.sh`];
    this.env = { PATH: `${this.seen}/bin:${process.env.PATH ?? '/usr/bin:/bin'}:/usr/sbin:/sbin`, SYNFW_STUB_DIR: this.seen, SYNFW_STUB_UID: router.uid ?? '1000', SYNFW_STUB_GROUP: router.group ?? 'vyattacfg', LC_ALL: 'C' };
  }

  /** What the run left: the logged calls and sg's arguments. */
  read(status: number | null, stderr: string): StubRun {
    const raw = existsSync(join(this.real, 'calls')) ? readFileSync(join(this.real, 'calls'), 'utf8') : '';
    const calls = raw.split('\u0001\0').filter(Boolean).map((rec) => rec.split('\0').slice(0, -1));
    const sg = existsSync(join(this.real, 'sg')) ? readFileSync(join(this.real, 'sg'), 'utf8') : null;
    return { status, stderr, calls, sg, path: `${this.seen}/synfw-test.sh` };
  }

  remove(): void {
    rmSync(this.real, { recursive: true, force: true });
  }
}

/** Runs the text with bash on this host against a stub router; returns its status, stderr and the CLI calls. */
export function runOnStub(text: string, router: StubRouter = {}, o: Omit<StubOptions, 'dir'> = {}): StubRun {
  const stub = new VyosStub(text, router, o);
  try {
    const r = spawnSync(stub.argv[0]!, stub.argv.slice(1), { env: stub.env, encoding: 'utf8', cwd: stub.real });
    return stub.read(r.status, r.stderr);
  } finally {
    stub.remove();
  }
}

/** Every path existsActive finds in a config made of these set commands: each prefix of each. */
export function activePaths(cmds: string[][]): string[] {
  return [...new Set(cmds.filter((c) => c[0] === 'set').flatMap((c) => c.slice(1).map((_, i) => c.slice(1, i + 2).join(' '))))];
}

/** The set/delete calls among a run's calls. */
export const configCalls = (calls: string[][]): string[][] => calls.filter((c) => c[0] === 'set' || c[0] === 'delete');

/**
 * The active config a run leaves, as the stub's fixture: its rules (list path, number,
 * description) and groups, so that a second run against it shows the deletes a re-run makes.
 */
export function activeAfter(calls: string[][]): StubRouter {
  const rules: [string, number, string][] = [];
  const groups = new Set<string>();
  for (const c of configCalls(calls)) {
    if (c[0] !== 'set') continue;
    const w = c.slice(1);
    if (w[0] === 'firewall' && w[1] === 'group') groups.add(`${w[2]} ${w[3]}`);
    const at = w.indexOf('rule');
    if (at > 0 && w[at + 2] === 'description') rules.push([w.slice(0, at + 1).join(' '), Number(w[at + 1]), w[at + 3]!]);
  }
  return { rules, groups: [...groups] };
}
