// Random invalid profiles through the built CLI (seeded; the seed is in every failure message):
// exit 1, one well-formed line per diagnostic with its position inside the file, nothing on
// stdout, never a stack trace.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BREAKAGES, FUZZ_SEED, randomProfile, replay, Rng } from '../support/fuzz.js';
import { DIAGNOSTIC, expectInside, expectWellFormed, SUMMARY } from '../support/diagnostic-lines.js';
import { synfw } from '../support/run-cli.js';
import { tempDir } from '../support/tmp.js';

const CASES = 150;

describe('fuzz: random invalid profiles', () => {
  it(`check, plan and gen report them as profile problems (seed ${FUZZ_SEED})`, () => {
    const rng = new Rng(FUZZ_SEED);
    const dir = tempDir();
    const files: string[] = [];
    for (let i = 0; i < CASES; i++) {
      let text = randomProfile(rng).text;
      for (let k = rng.int(1, 2); k > 0; k--) text = rng.pick(BREAKAGES)(text, rng);
      const file = `case-${i}.yaml`;
      writeFileSync(join(dir, file), text);
      files.push(file);
    }
    const r = synfw(['check', ...files], { cwd: dir });
    const context = `seed ${FUZZ_SEED} (replay: SYNFW_FUZZ_SEED=${FUZZ_SEED})`;
    expect(r.stdout, context).toBe('');
    expect([0, 1], context).toContain(r.status);
    const positions = expectWellFormed(r.stderr, context);
    for (const p of positions) expectInside(p, readFileSync(join(dir, p.file), 'utf8'), `${context}: ${p.file}`);

    const lines = r.stderr.split('\n').filter(Boolean);
    let failed = 0;
    files.forEach((file, i) => {
      const where = `${replay(FUZZ_SEED, i)}: ${file}`;
      const summaries = lines.filter((l) => SUMMARY.exec(l)?.groups?.file === file);
      expect(summaries, where).toHaveLength(1);
      const own = lines.filter((l) => DIAGNOSTIC.exec(l)?.groups?.file === file);
      const errors = own.filter((l) => DIAGNOSTIC.exec(l)!.groups!.severity === 'error').length;
      // The summary counts exactly the lines printed: one line per diagnostic.
      const m = /(\d+) errors?, (\d+) warnings?/.exec(summaries[0]!);
      if (m) expect([Number(m[1]), Number(m[2])], where).toEqual([errors, own.length - errors]);
      if (summaries[0]!.includes(': failed: ')) failed++;
    });
    expect(r.status, context).toBe(failed ? 1 : 0);
    // Most breakages break: if they stop doing so, this test no longer tests much.
    expect(failed, context).toBeGreaterThan(CASES / 2);

    // plan and gen on some of the failing files: exit 1, nothing on stdout, the same diagnostics.
    const failing = files.filter((f) => lines.some((l) => l.startsWith(`${f}: failed: `)));
    for (const file of failing.slice(0, 6)) {
      for (const args of [['plan', file], ['gen', file, '-t', 'iptables']]) {
        const one = synfw(args, { cwd: dir });
        expect([one.status, one.stdout], `${context}: synfw ${args.join(' ')}`).toEqual([1, '']);
        expectWellFormed(one.stderr, `${context}: synfw ${args.join(' ')}`);
      }
    }
  }, 120_000);
});
