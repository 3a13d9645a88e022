// Usage errors: one line each, in synfw's own words, naming the command's --help, exit 2, nothing
// on stdout. A flag that takes one value, given twice, is one of them (never a TypeError).

import { describe, expect, it } from 'vitest';
import { targetIds } from '../../src/targets/index.js';
import { synfw } from '../support/run-cli.js';

// From the registry: a target added later is listed without this test changing.
const TARGETS = [...targetIds, 'all'].join(', ');

describe('usage errors', () => {
  it.each([
    [['gen', 'profiles/home.yaml', '-t', 'bogus'], `--target: "bogus" is not a target; targets: ${TARGETS} (see synfw gen --help)`],
    [['gen', 'profiles/home.yaml'], `gen needs --target; targets: ${TARGETS} (see synfw gen --help)`],
    [['gen'], 'gen needs a profile file (or - for stdin): synfw gen PROFILE --target T (see synfw gen --help)'],
    [['plan'], 'plan needs a profile file (or - for stdin) (see synfw plan --help)'],
    [['check'], 'check needs at least one profile file (or - for stdin) (see synfw check --help)'],
    [['gne', 'x.yaml'], 'unknown command "gne" (did you mean "gen"?); commands: gen, plan, check, diff, apply, apps, why, targets, init, schema, explain, completion (see synfw --help)'],
    [['frobnicate'], 'unknown command "frobnicate"; commands: gen, plan, check, diff, apply, apps, why, targets, init, schema, explain, completion (see synfw --help)'],
    [['gen', 'x.yaml', '-t', 'iptables', '--tagret', 'x'], 'unknown option --tagret (did you mean --target?) (see synfw gen --help)'],
    [['plan', 'x.yaml', '--jsno'], 'unknown option --jsno (did you mean --json?) (see synfw plan --help)'],
    [['gen', 'a.yaml', 'b.yaml', '-t', 'iptables'], 'unexpected argument "b.yaml" (see synfw gen --help)'],
    [['gen', 'a.yaml', '-t', 'iptables', '--out'], '--out needs a value (see synfw gen --help)'],
    [['gen', 'a.yaml', '-t'], '--target needs a value (see synfw gen --help)'],
    [['gen', 'a.yaml', '-t', 'iptables', '--out='], '--out needs a file name (or - for stdout) (see synfw gen --help)'],
    [['gen', 'a.yaml', '-t', 'iptables', '--format', 'xml'], '--format: target iptables has no format "xml"; its formats: default, restore (see synfw gen --help)'],
    [['gen', 'a.yaml', '-t', 'upnp', '--upnp-max', 'abc'], '--upnp-max: "abc" is not a whole number (see synfw gen --help)'],
    [['gen', 'a.yaml', '-t', 'upnp', '--upnp-max', '0'], '--upnp-max must be a whole number from 1 to 2147483647, not 0 (see synfw gen --help)'],
    [['gen', 'a.yaml', '-t', 'iptables', '--merge', 'x.xml'], '--merge goes with --target pfsense or opnsense (see synfw gen --help)'],
    [['gen', 'a.yaml', '-t', 'nftables', '--upnp-lease', '60'], '--upnp-lease goes with --target upnp (see synfw gen --help)'],
    [['gen', 'a.yaml', '-t', 'all'], '--target all writes one file per target: give --out-dir DIR (see synfw gen --help)'],
    [['check', '--format', 'yaml', 'a.yaml'], '--format: "yaml" is not a format of check; formats: text, json (see synfw check --help)'],
    [['completion', 'fish'], '"fish" is not a shell synfw completes; shells: bash, zsh (see synfw completion --help)'],
  ])('synfw %j', (args, message) => {
    expect(synfw(args)).toEqual({ status: 2, stdout: '', stderr: `synfw: error: ${message}\n` });
  });

  it.each([
    [['gen', 'profiles/home.yaml', '-t', 'iptables', '-t', 'nftables'], '--target given 2 times ("iptables", "nftables"); give it once'],
    [['gen', 'profiles/home.yaml', '-t', 'iptables', '-o', 'a', '--out', 'b'], '--out given 2 times ("a", "b"); give it once'],
    [['init', '-o', 'a.yaml', '-o', 'b.yaml'], '--out given 2 times ("a.yaml", "b.yaml"); give it once'],
    [['gen', 'profiles/home.yaml', '-t', 'all', '--out-dir', 'a', '--out-dir', 'b'], '--out-dir given 2 times ("a", "b"); give it once'],
  ])('a flag given twice: synfw %j', (args, message) => {
    const r = synfw(args);
    expect(r).toEqual({ status: 2, stdout: '', stderr: `synfw: error: ${message} (see synfw ${args[0]} --help)\n` });
  });

  it('a list option may repeat (init --app)', () => {
    expect(synfw(['init', '--app', 'dsm', '--app', 'wireguard']).status).toBe(0);
  });

  it('messages in a non-English locale are still synfw\'s own', () => {
    expect(synfw(['gen'], { env: { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } }).stderr).toBe(
      'synfw: error: gen needs a profile file (or - for stdin): synfw gen PROFILE --target T (see synfw gen --help)\n',
    );
  });
});
