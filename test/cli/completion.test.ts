// `synfw completion`: scripts for bash and zsh that ask `synfw __complete` for commands, options,
// targets, formats, app ids and diagnostic codes. The bash script is run for real; zsh loads its
// script through compinit.

import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { targetIds } from '../../src/targets/index.js';
import { BIN, cliEnv, synfw } from '../support/run-cli.js';
import { tempDir } from '../support/tmp.js';

const complete = (...words: string[]) => synfw(['__complete', ...words]).stdout.split('\n').filter(Boolean);
// From the registry: a target added later completes without this test changing.
const TARGETS = [...targetIds, 'all'];
const starting = (prefix: string): string[] => targetIds.filter((id) => id.startsWith(prefix));

/** A directory with a `synfw` on it that runs the built binary, for the scripts to call. */
function binDir(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'synfw'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(dir, 'synfw'), 0o755);
  return dir;
}

describe('synfw __complete', () => {
  it('commands, and options of a command', () => {
    expect(complete('')).toEqual(['gen', 'plan', 'check', 'diff', 'apply', 'apps', 'why', 'targets', 'init', 'schema', 'explain', 'completion']);
    expect(complete('c')).toEqual(['check', 'completion']);
    expect(complete('gen', 'p.yaml', '--o')).toEqual(['--out', '--out-dir']);
    expect(complete('gen', 'p.yaml', '-t', 'iptables', '--')).not.toContain('--target');
  });

  it('targets, and the formats of the target given', () => {
    expect(complete('gen', 'p.yaml', '-t', '')).toEqual(TARGETS);
    expect(starting('o')).toHaveLength(2);
    expect(complete('gen', 'p.yaml', '--target', 'o')).toEqual(starting('o'));
    expect(complete('gen', 'p.yaml', '--target=o')).toEqual(starting('o').map((id) => `--target=${id}`));
    expect(complete('gen', 'p.yaml', '--target', '=', 'mi')).toEqual(starting('mi'));
    expect(complete('gen', 'p.yaml', '-t', 'opnsense', '--format', '')).toEqual(['default', 'mvc']);
    expect(complete('check', '--format', '')).toEqual(['text', 'json']);
  });

  it('app ids, diagnostic codes and shells', () => {
    expect(complete('apps', '')).toEqual(catalog.apps.map((a) => a.id).sort());
    expect(complete('init', '--app', 'synology-dr')).toEqual(catalog.apps.map((a) => a.id).filter((id) => id.startsWith('synology-dr')).sort());
    expect(complete('init', '--app', 'synology-dr')).toContain('synology-drive-server');
    expect(complete('explain', 'SFW20')).toEqual(['SFW201', 'SFW202', 'SFW203', 'SFW204', 'SFW205', 'SFW206', 'SFW207', 'SFW208', 'SFW209']);
    expect(complete('completion', '')).toEqual(['bash', 'zsh']);
  });

  it('nothing for a file argument, so that the shell completes file names', () => {
    expect(complete('gen', '')).toEqual([]);
    expect(complete('gen', 'p.yaml', '-t', 'pfsense', '--merge', '')).toEqual([]);
  });
});

describe('completion scripts', () => {
  it('bash: completes targets after -t, in a real bash', () => {
    const dir = binDir();
    const script = 'source <(synfw completion bash); COMP_WORDS=(synfw gen p.yaml -t op); COMP_CWORD=4; _synfw_complete; printf "%s\\n" "${COMPREPLY[@]}"; complete -p synfw';
    const r = spawnSync('bash', ['-c', script], { env: cliEnv({ PATH: `${dir}:${process.env.PATH}` }), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([...starting('op'), 'complete -o bashdefault -o default -F _synfw_complete synfw']);
  });

  it('zsh: the script loads and registers _synfw', (ctx: TestContext) => {
    if (spawnSync('sh', ['-c', 'command -v zsh']).status !== 0) {
      if (process.env.CI === 'true') throw new Error('zsh is missing; .ci/run installs it');
      return ctx.skip('zsh is not installed: the zsh completion script is not loaded');
    }
    const dir = binDir();
    const r = spawnSync('zsh', ['-fc', 'autoload -U compinit; compinit -u -D; source <(synfw completion zsh); print -r -- $_comps[synfw]'], {
      env: cliEnv({ PATH: `${dir}:${process.env.PATH}`, HOME: dir }),
      encoding: 'utf8',
    });
    expect([r.stdout, r.stderr]).toEqual(['_synfw\n', '']);
  });

  it('without a shell argument, the one $SHELL names', () => {
    expect(synfw(['completion'], { env: { SHELL: '/usr/bin/zsh' } }).stdout).toMatch(/^#compdef synfw\n/);
    expect(synfw(['completion'], { env: { SHELL: '/bin/bash' } }).stdout).toMatch(/^# bash completion for synfw/);
  });
});
