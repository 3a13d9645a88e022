// The CLI in hostile environments: stdout closed early or on a full disk, the profile from stdin
// or a pipe, inputs too large to read, and --out onto links, special files and files whose mode
// must be kept. No stack trace anywhere; exit 1 only for profile problems.

import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, goldenPath } from '../support/profiles.js';
import { BIN, cliEnv, synfw } from '../support/run-cli.js';
import { tempDir } from '../support/tmp.js';

const HOME = readFileSync(`${ROOT}profiles/home.yaml`, 'utf8');
const GOLDEN = readFileSync(goldenPath('profiles/home.yaml', 'iptables', 'sh'), 'utf8');
const oneLine = (stderr: string) => stderr.split('\n').filter(Boolean);

/** Runs synfw with stdout a pipe whose reader is gone before anything is written. */
function withClosedStdout(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('stdout', () => {
  it.each([
    [['apps', '--json']],
    [['plan', 'profiles/home.yaml']],
    [['gen', 'profiles/home.yaml', '-t', 'pfsense']],
  ])('closed by its reader (synfw %j | head): stops quietly with the SIGPIPE status', async (args) => {
    expect(await withClosedStdout(args)).toEqual({ status: 141, stderr: '' });
  });

  it('on a full disk: one line, exit 2', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = synfw(['gen', 'profiles/home.yaml', '-t', 'iptables'], { stdoutFd: fd });
      expect([r.status, r.stderr]).toEqual([2, 'synfw: error: cannot write to stdout: no space left on device\n']);
    } finally {
      closeSync(fd);
    }
  });
});

describe('the profile from stdin or a pipe', () => {
  it('check -, plan - and gen - read stdin and name it <stdin>', () => {
    expect(synfw(['check', '-'], { input: HOME })).toEqual({ status: 0, stdout: '', stderr: '<stdin>: ok: 3 forwards, 0 skipped, 0 warnings\n' });
    const plan = synfw(['plan', '-', '--json'], { input: HOME });
    expect(JSON.parse(plan.stdout).profile).toEqual({ name: 'home', file: '<stdin>' });
    expect(synfw(['gen', '-', '-t', 'iptables'], { input: HOME })).toEqual({ status: 0, stdout: GOLDEN, stderr: '' });
    const bad = synfw(['check', '-'], { input: 'version: 1\nnas: { address: 1.2.3 }\napps: [dsm]\n' });
    expect(bad.status).toBe(1);
    expect(oneLine(bad.stderr)[0]).toBe('<stdin>:2:17: error SFW204: nas.address "1.2.3" is not an IPv4 address such as 192.168.1.10');
  });

  it('stdin is read once: a second - is a usage error', () => {
    const r = synfw(['check', '-', '-'], { input: HOME });
    expect([r.status, r.stderr]).toEqual([2, 'synfw: error: stdin (-) can be read only once (see synfw check --help)\n']);
    expect(synfw(['gen', '-', '-t', 'pfsense', '--merge', '-'], { input: HOME }).status).toBe(2);
  });

  it('process substitution (synfw gen <(...)) works', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" gen <(cat profiles/home.yaml) -t iptables`], { cwd: ROOT, env: cliEnv(), encoding: 'utf8' });
    expect([r.status, r.stderr, r.stdout]).toEqual([0, '', GOLDEN]);
  });
});

describe('bounded reads', () => {
  it.each([
    ['check', '/dev/zero'],
    ['gen', '/dev/zero', '-t', 'nftables'],
  ])('synfw %s %s: an error naming the limit, within a second', (...args) => {
    const t = performance.now();
    const r = synfw(args);
    expect(performance.now() - t).toBeLessThan(1000 + 1500); // a second of work, plus start-up on a busy machine
    expect([r.status, r.stdout, oneLine(r.stderr)]).toEqual([2, '', ['synfw: error: cannot read profile /dev/zero: larger than 4 MiB, synfw\'s limit for it']]);
  });

  it('a 2 GB profile or --merge file is refused from its size, without reading it', () => {
    const dir = tempDir();
    const big = join(dir, 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, 2 * 1024 ** 3);
    const t = performance.now();
    const r = synfw(['plan', big]);
    expect(oneLine(r.stderr)).toEqual([`synfw: error: cannot read profile ${big}: larger than 4 MiB (2147483648 bytes), synfw's limit for it`]);
    const m = synfw(['gen', 'profiles/home.yaml', '-t', 'pfsense', '--merge', big]);
    expect(oneLine(m.stderr)).toEqual([`synfw: error: cannot read config to merge into ${big}: larger than 64 MiB (2147483648 bytes), synfw's limit for it`]);
    expect([r.status, m.status]).toEqual([2, 2]);
    expect(performance.now() - t).toBeLessThan(2 * (1000 + 1500));
  });

  it('a file that is not UTF-8 is a profile problem at the bad byte', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'p.yaml'), Buffer.from('version: 1\nname: h\xffx\n', 'latin1'));
    expect(synfw(['check', 'p.yaml'], { cwd: dir }).stderr.split('\n')[0]).toBe('p.yaml:2:8: error SFW100: the profile is not UTF-8 text (this byte is not); save it as UTF-8');
  });
});

describe('--out keeps what it replaces', () => {
  const gen = (out: string, cwd: string, profile = `${ROOT}profiles/home.yaml`) => synfw(['gen', profile, '-t', 'iptables', '--out', out], { cwd });

  it('through a symlink: updates the file it points to, beside that file; the link stays a link', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    mkdirSync(join(dir, 'links'));
    writeFileSync(join(dir, 'real', 'fw.sh'), 'old\n');
    symlinkSync('../real/fw.sh', join(dir, 'links', 'fw.sh'));
    expect(gen('links/fw.sh', dir)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(lstatSync(join(dir, 'links', 'fw.sh')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'links', 'fw.sh'))).toBe('../real/fw.sh');
    expect(readFileSync(join(dir, 'real', 'fw.sh'), 'utf8')).toBe(GOLDEN);
    expect([readdirSync(join(dir, 'real')), readdirSync(join(dir, 'links'))]).toEqual([['fw.sh'], ['fw.sh']]);
  });

  it('a dangling symlink: the file it names is created', () => {
    const dir = tempDir();
    symlinkSync('target.sh', join(dir, 'link.sh'));
    expect(gen('link.sh', dir).status).toBe(0);
    expect(readFileSync(join(dir, 'target.sh'), 'utf8')).toBe(GOLDEN);
    expect(lstatSync(join(dir, 'link.sh')).isSymbolicLink()).toBe(true);
  });

  it('an existing file keeps its mode (0640 stays 0640)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'fw.sh'), 'old\n');
    chmodSync(join(dir, 'fw.sh'), 0o640);
    expect(gen('fw.sh', dir).status).toBe(0);
    expect(statSync(join(dir, 'fw.sh')).mode & 0o7777).toBe(0o640);
    expect(readFileSync(join(dir, 'fw.sh'), 'utf8')).toBe(GOLDEN);
  });

  it('refuses a character device, a FIFO, a socket and a directory with one line', async () => {
    const dir = tempDir();
    spawnSync('mkfifo', [join(dir, 'fifo')]);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(dir, 'sock'), resolve));
    try {
      for (const [out, kind] of [['/dev/null', 'a character device'], ['fifo', 'a FIFO'], ['sock', 'a socket']]) {
        expect(gen(out!, dir)).toEqual({ status: 2, stdout: '', stderr: `synfw: error: cannot write ${out}: it is ${kind}, not a regular file (for stdout, use -)\n` });
      }
      expect(gen('.', dir)).toEqual({ status: 2, stdout: '', stderr: 'synfw: error: cannot write .: it is a directory, not a regular file\n' });
    } finally {
      server.close();
    }
  });

  it('--out - is stdout', () => {
    expect(gen('-', ROOT)).toEqual({ status: 0, stdout: GOLDEN, stderr: '' });
  });

  it('nothing is written or replaced when the command fails', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'version: 1\nnas: { address: 1.2.3 }\napps: [dsm]\n');
    writeFileSync(join(dir, 'warn.yaml'), 'version: 1\nnas: { address: 203.0.113.9 }\napps: [wireguard]\n');
    writeFileSync(join(dir, 'keep.sh'), 'keep\n');
    expect(gen('keep.sh', dir, 'bad.yaml').status).toBe(1);
    expect(synfw(['gen', 'warn.yaml', '-t', 'iptables', '--strict', '-o', 'keep.sh'], { cwd: dir }).status).toBe(1);
    expect(synfw(['gen', 'bad.yaml', '-t', 'all', '--out-dir', 'out'], { cwd: dir }).status).toBe(1);
    expect(readFileSync(join(dir, 'keep.sh'), 'utf8')).toBe('keep\n');
    expect(readdirSync(dir).sort()).toEqual(['bad.yaml', 'keep.sh', 'warn.yaml']);
  });

  it('--out-dir onto a file is a usage error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    const r = synfw(['gen', `${ROOT}profiles/home.yaml`, '-t', 'all', '--out-dir', 'file'], { cwd: dir });
    expect([r.status, r.stderr]).toEqual([2, 'synfw: error: --out-dir file is a file, not a directory\n']);
  });

  it('--target all --out-dir says what it wrote, one line per file', () => {
    const dir = tempDir();
    const r = synfw(['gen', `${ROOT}profiles/home.yaml`, '-t', 'all', '--out-dir', 'out'], { cwd: dir });
    expect(r.status).toBe(0);
    const written = readdirSync(join(dir, 'out')).sort();
    expect(oneLine(r.stderr).sort()).toEqual(written.map((f) => `wrote ${join('out', f)}`));
    expect(existsSync(join(dir, 'out', 'home.iptables.sh'))).toBe(true);
  });
});
