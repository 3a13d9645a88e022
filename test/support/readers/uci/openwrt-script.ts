// The skeleton of the OpenWrt target's sh script, read exactly (the uci commands in it are replayed
// by script.ts): the subshell everything runs in, the purge, the zone checks and where
// they run (before synfw_apply, which makes every change; never before remove), the argument and
// uncommitted-changes checks, commit and reload. Anything else outside synfw_apply's body is an
// error, and that body may hold only uci commands and comments.

import { UciParseError } from '../../../../src/readers/uci/index.js';
import { parseUciScript, shCommands, type UciScript } from './script.js';

export interface ZoneCheck {
  zone: string;
  /** What the script prints (then the zones it found) before it exits 1. */
  message: string;
}

export interface OpenwrtScript extends UciScript {
  /** The header comment, without the `# `. */
  header: string[];
  /** SYNFW_TAG: the purge deletes redirects and rules whose name starts with it and a space. */
  tag: string;
  /** The zones the script checks before it changes anything, in order. */
  zones: ZoneCheck[];
}

const SKELETON = {
  open: [
    '',
    '# Everything runs in a subshell: pasted into a shell, its `set -eu` and `exit` end only the',
    '# subshell, never your session.',
    '(',
    'set -eu',
    '',
    '# Every redirect and rule this profile creates has a name option starting with this tag and a space.',
  ],
  purge: [
    '# Deletes every redirect and rule section tagged with SYNFW_TAG, whatever its id: the ones set below',
    '# and those of earlier runs. Ids come from `uci -X show` (real ids, stable while deleting); each is',
    '# checked again with `uci get`, so a multi-line value elsewhere that happens to contain a line like',
    "# \"firewall.x=redirect\" cannot get anything but this profile's redirects and rules deleted.",
    'synfw_purge() {',
    "\tids=$(uci -X show firewall 2>/dev/null | sed -n -e 's/^firewall\\.\\([A-Za-z0-9_]*\\)=redirect$/\\1/p' -e 's/^firewall\\.\\([A-Za-z0-9_]*\\)=rule$/\\1/p')",
    '\tfor id in $ids; do',
    '\t\tcase "$(uci -q get "firewall.$id")" in',
    '\t\tredirect | rule) ;;',
    '\t\t*) continue ;;',
    '\t\tesac',
    '\t\tcase "$(uci -q get "firewall.$id.name")" in',
    '\t\t"$SYNFW_TAG "*) uci -q delete "firewall.$id" ;;',
    '\t\tesac',
    '\tdone',
    '}',
    '',
    '# The zones the sections name must exist: fw4 skips a redirect whose zone it does not know, and the',
    '# reload still succeeds. Checked before anything is changed.',
    'synfw_need_zones() {',
    "\tzones=' '",
    "\tfor id in $(uci -q -X show firewall | sed -n 's/^firewall\\.\\([A-Za-z0-9_]*\\)=zone$/\\1/p'); do",
    // A zone without a name option must not stop the script under set -e.
    '\t\tzones="$zones$(uci -q get "firewall.$id.name" || true) "',
    '\tdone',
  ],
  apply: ['}', '', 'synfw_apply() {', '\tsynfw_purge'],
  tail: [
    '}',
    '',
    'action=${1:-apply}',
    'case "$action" in',
    'apply | remove) ;;',
    '*)',
    '\techo "usage: sh $0 [apply|remove]" >&2',
    '\texit 2',
    '\t;;',
    'esac',
    'if ! command -v uci >/dev/null 2>&1; then',
    "\techo 'synfw: uci not found: run this script on the OpenWrt router' >&2",
    '\texit 1',
    'fi',
    'if [ -n "$(uci -q changes firewall)" ]; then',
    "\techo 'synfw: the firewall config has uncommitted changes (see: uci changes firewall); they would be' >&2",
    "\techo 'synfw: committed with these. Commit or revert them first (uci revert firewall), then run this again.' >&2",
    '\texit 1',
    'fi',
    '',
    'if [ "$action" = remove ]; then',
    '\tsynfw_purge',
    'else',
    '\tsynfw_need_zones',
    '\tsynfw_apply',
    'fi',
    'uci commit firewall',
    'if [ -x /etc/init.d/firewall ]; then',
    '\t/etc/init.d/firewall reload',
    'else',
    "\techo 'synfw: /etc/init.d/firewall not found: the changes are committed to /etc/config/firewall but not loaded' >&2",
    'fi',
    ')',
  ],
};

/** One zone check: `case "$zones" in *' ZONE '*) ;; *) echo MESSAGE; echo <its zones>; exit 1 ;; esac`. */
function zoneCheck(lines: string[], n: number): ZoneCheck | null {
  if (lines[n] !== '\tcase "$zones" in') return null;
  const pattern = /^\t\*' ([A-Za-z_.][A-Za-z0-9/_.-]*) '\*\) ;;$/.exec(lines[n + 1] ?? '');
  const echo = /^\t\techo ('[^']*') >&2$/.exec(lines[n + 3] ?? '');
  const rest = ['\t*)', null, '\t\techo "synfw: its zones:$zones" >&2', '\t\texit 1', '\t\t;;', '\tesac'];
  if (!pattern || !echo || rest.some((want, k) => want !== null && lines[n + 2 + k] !== want)) throw new UciParseError('not a zone check', n + 1);
  return { zone: pattern[1]!, message: shCommands(`echo ${echo[1]}`)[0]!.words[1]!.text };
}

/** Reads the OpenWrt target's sh script; throws UciParseError on anything it does not recognise. */
export function parseOpenwrtScript(text: string): OpenwrtScript {
  if (!text.endsWith('\n')) throw new UciParseError('no newline at the end');
  const lines = text.slice(0, -1).split('\n');
  if (lines[0] !== '#!/bin/sh') throw new UciParseError('first line is not #!/bin/sh', 1);
  let n = 1;
  const header: string[] = [];
  for (; lines[n]?.startsWith('#'); n++) header.push(lines[n]!.replace(/^# ?/, ''));
  const expect = (want: string): void => {
    if (lines[n] !== want) throw new UciParseError(`expected ${JSON.stringify(want)}, got ${JSON.stringify(lines[n])}`, n + 1);
    n++;
  };
  SKELETON.open.forEach(expect);
  const tag = /^SYNFW_TAG='(synfw:[a-z0-9][a-z0-9-]*)'$/.exec(lines[n] ?? '');
  if (!tag) throw new UciParseError('expected SYNFW_TAG', n + 1);
  n++;
  expect('');
  SKELETON.purge.forEach(expect);
  const zones: ZoneCheck[] = [];
  for (let z = zoneCheck(lines, n); z; z = zoneCheck(lines, n)) {
    if (zones.some((x) => x.zone === z!.zone)) throw new UciParseError(`zone ${z.zone} checked twice`, n + 1);
    zones.push(z);
    n += 8;
  }
  if (!zones.length) throw new UciParseError('no zone check', n + 1);
  SKELETON.apply.forEach(expect);
  // synfw_apply's body: sections (blank lines, comments, uci commands); parseUciScript reads the commands.
  for (; lines[n] !== '}'; n++) {
    if (lines[n] === undefined) throw new UciParseError('synfw_apply is not closed', n);
    if (!/^(|\t# .*|\tuci .*)$/.test(lines[n]!)) throw new UciParseError(`unexpected line in synfw_apply: ${JSON.stringify(lines[n])}`, n + 1);
  }
  SKELETON.tail.forEach(expect);
  if (n !== lines.length) throw new UciParseError('unexpected text after the subshell', n + 1);
  return { ...parseUciScript(text), header, tag: tag[1]!, zones };
}
