// Valid YAML, absurd profiles: the work stays linear. Each runs through the built CLI and must take
// under 2 s of CPU time (user + system, measured by bash's `time`, so that a busy machine does not
// make the test flaky while a quadratic step still fails it: these took 5-45 s before).

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cliEnv } from '../support/run-cli.js';
import { tempDir } from '../support/tmp.js';

const HEAD = 'version: 1\nnas: { address: 192.168.1.10 }\n';
const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');

/** CPU seconds (user + system) of `synfw check FILE`, and its exit status. */
function cpuOfCheck(file: string): { cpu: number; status: number | null; stderr: string } {
  const script = `TIMEFORMAT='%3U %3S'; time "${process.execPath}" "${BIN}" check "${file}" >/dev/null 2>"${file}.err"; echo "status $?" >&2`;
  const r = spawnSync('bash', ['-c', script], { env: cliEnv(), encoding: 'utf8' });
  const [user, sys] = r.stderr.trim().split('\n').find((l) => /^\d+\.\d+ \d+\.\d+$/.test(l))!.split(' ').map(Number);
  return { cpu: user! + sys!, status: Number(/status (\d+)/.exec(r.stderr)![1]), stderr: r.stderr };
}

const CASES: Array<[string, string, number]> = [
  ['a 2 MB key', `${HEAD}apps: [dsm]\n${'k'.repeat(2 * 1024 * 1024)}: 1\n`, 1],
  ['20,000 unknown app ids', `${HEAD}apps:\n${lines(20000, (i) => `  - unknown-app-${i}\n`)}`, 1],
  ['100,000 unknown keys', `${HEAD}apps: [dsm]\n${lines(100000, (i) => `key${i}: 1\n`)}`, 1],
  ['100,000 custom ports', `${HEAD}apps: []\ncustom:\n  - id: many\n    ports:\n${lines(100000, (i) => `      - "${1024 + (i % 60000)}/${i < 60000 ? 'tcp' : 'udp'}"\n`)}`, 0],
  ['2,000 overlapping remapped ranges', `${HEAD}apps: []\ncustom:\n${lines(2000, (i) => `  - id: r${i}\n    ports: ["${20000 + i}-${30000 + i}/tcp"]\n    external: { "${20000 + i}-${30000 + i}/tcp": ${20000 + 2 * i} }\n`)}`, 1],
];

describe('bounded work on absurd profiles', () => {
  it.each(CASES)('%s: under 2 s of CPU', (_name, text, status) => {
    const dir = tempDir();
    const file = join(dir, 'p.yaml');
    writeFileSync(file, text);
    const r = cpuOfCheck(file);
    expect(r.status).toBe(status);
    expect(r.cpu).toBeLessThan(2);
  });
});
