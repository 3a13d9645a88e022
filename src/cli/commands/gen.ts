import type { Argv, CommandModule, Options } from 'yargs';
import { quote, UsageError } from '../../diagnostics.js';
import { cliOptionProblem } from '../../targets/define.js';
import { TARGETS, targetIds, type TargetId } from '../../targets/index.js';
import { CLI_OPTION_KEYS, type CliFlag, type CliOption } from '../../targets/types.js';
import { withExamples } from '../help.js';

/** Every target's own flags, with the targets that take each (from their declarations). */
function targetFlags(): Map<CliFlag, { decl: CliOption; ids: TargetId[] }> {
  const flags = new Map<CliFlag, { decl: CliOption; ids: TargetId[] }>();
  for (const id of targetIds) {
    for (const [flag, decl] of Object.entries(TARGETS[id].cli ?? {}) as [CliFlag, CliOption][]) {
      const entry = flags.get(flag) ?? { decl, ids: [] };
      entry.ids.push(id);
      flags.set(flag, entry);
    }
  }
  return flags;
}

/** The alternate formats, "iptables restore, openwrt config, ...", for --help. */
const alternateFormats = (): string =>
  targetIds.flatMap((id) => Object.keys(TARGETS[id].formats).filter((f) => f !== 'default').map((f) => `${id} ${f}`)).join(', ');

interface Args {
  profile: string;
  target?: string;
  format?: string;
  out?: string;
  'out-dir'?: string;
  merge?: string;
  'upnp-max'?: string;
  'upnp-lease'?: string;
  router?: string;
  strict: boolean;
}

const TARGET_LIST = [...targetIds, 'all'].join(', ');

let options: Record<string, Options> | undefined;

/**
 * gen's options, the targets' own flags included (read as text, so that a value that is not a
 * whole number can be named in the error instead of becoming NaN). Made once: the command list
 * and gen's builder both ask for them.
 */
export function genOptions(): Record<string, Options> {
  options ??= makeGenOptions();
  return options;
}

function makeGenOptions(): Record<string, Options> {
  const options: Record<string, Options> = {
    target: { alias: 't', type: 'string', requiresArg: true, describe: `Router target (required): ${TARGET_LIST}; all needs --out-dir` },
    format: { alias: 'f', type: 'string', requiresArg: true, describe: `Alternate output form (\`synfw targets\` lists them): ${alternateFormats()}` },
    out: { alias: 'o', type: 'string', requiresArg: true, describe: 'Write to FILE atomically instead of stdout (through symlinks, keeping its mode); - is stdout' },
    'out-dir': { type: 'string', requiresArg: true, describe: 'With --target all: write <profile>.<target>.<ext> files into DIR' },
    strict: { type: 'boolean', default: false, describe: 'Fail (exit 1) on warnings too' },
  };
  for (const [flag, { decl, ids }] of targetFlags()) {
    const values = decl.kind === 'choice' ? `; one of ${Object.keys(decl.choices).join(', ')}` : '';
    const describe = `${ids.join(', ')}: ${decl.describe}${values}${decl.kind === 'file' ? '' : ` (default ${decl.default})`}`;
    options[flag] = { type: 'string', requiresArg: true, describe, ...(decl.alias ? { alias: decl.alias } : {}) };
  }
  return options;
}

/** A target's integer flag as a number, or a usage error that says what is wrong with it. */
function integerFlag(flag: CliFlag, text: string, ids: TargetId[]): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`--${flag}: ${quote(text)} is not a whole number`);
  const problem = cliOptionProblem(TARGETS[ids[0]!], flag, Number(text));
  if (problem) throw new UsageError(problem);
  return Number(text);
}

/** The targets' flags that were given, checked, as RenderOptions keys. */
function targetOptions(a: Args): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const [flag, { decl, ids }] of targetFlags()) {
    const value = (a as unknown as Record<string, string | undefined>)[flag];
    if (value === undefined) continue;
    if (a.target !== 'all' && !ids.includes(a.target as TargetId)) throw new UsageError(`--${flag} goes with --target ${ids.join(' or ')}`);
    // A file flag (--merge) is read by generate, not passed as text.
    if (decl.kind === 'file') continue;
    if (decl.kind === 'choice') {
      const problem = cliOptionProblem(TARGETS[ids[0]!], flag, value);
      if (problem) throw new UsageError(problem);
    }
    out[CLI_OPTION_KEYS[flag]] = decl.kind === 'integer' ? integerFlag(flag, value, ids) : value;
  }
  return out;
}

export const genCommand: CommandModule<object, Args> = {
  command: 'gen <profile>',
  describe: 'Generate router rules for the profile (stdout, --out FILE, or --target all --out-dir DIR)',
  builder: (y) =>
    withExamples(
      // The target flags come from the registry, so their types are declared in Args instead.
      (y.positional('profile', { type: 'string', demandOption: true, describe: 'Profile YAML file; - reads it from stdin' }).options(genOptions()) as unknown as Argv<Args>).check(
        (a) => {
          if (a.target === undefined) throw new UsageError(`gen needs --target; targets: ${TARGET_LIST}`);
          if (a.target !== 'all' && !(targetIds as string[]).includes(a.target)) {
            throw new UsageError(`--target: ${quote(a.target)} is not a target; targets: ${TARGET_LIST}`);
          }
          if (a.target === 'all' && a['out-dir'] === undefined) throw new UsageError('--target all writes one file per target: give --out-dir DIR');
          if (a.target !== 'all' && a['out-dir'] !== undefined) throw new UsageError('--out-dir goes with --target all; use --out FILE for one target');
          if (a.out !== undefined && a['out-dir'] !== undefined) throw new UsageError('give either --out or --out-dir, not both');
          if (a.out === '') throw new UsageError('--out needs a file name (or - for stdout)');
          if (a.format !== undefined) {
            if (a.target === 'all') throw new UsageError("--format selects one target's alternate form; it cannot be used with --target all");
            const formats = Object.keys(TARGETS[a.target as TargetId].formats);
            if (!formats.includes(a.format)) {
              throw new UsageError(`--format: target ${a.target} has no format ${quote(a.format)}; its formats: ${formats.join(', ')}`);
            }
          }
          if (a.merge === '-' && a.profile === '-') throw new UsageError('stdin can be read only once: give the profile or --merge as a file');
          targetOptions(a);
          return true;
        },
      ),
      [
        ['$0 gen profiles/home.yaml --target openwrt', 'uci commands on stdout, to paste into the router'],
        ['$0 gen profiles/home.yaml -t iptables --format restore -o home.rules', 'iptables-restore input, written atomically'],
        ['$0 gen profiles/home.yaml -t pfsense --merge config-backup.xml -o merged.xml', "pfSense backup with this profile's rules replaced"],
        ['$0 gen profiles/home.yaml --target all --out-dir out/', 'one file per target'],
        ['cat home.yaml | $0 gen - -t nftables', 'the profile from stdin'],
      ],
    ),
  handler: async (args) => {
    const [{ generate }, { checkOutDir }] = await Promise.all([import('../generate.js'), import('../write-output.js')]);
    if (args['out-dir'] !== undefined) checkOutDir(args['out-dir']);
    await generate({
      profile: args.profile,
      target: args.target as TargetId | 'all',
      format: args.format,
      out: args.out,
      outDir: args['out-dir'],
      strict: args.strict,
      ...(args.merge !== undefined ? { merge: args.merge } : {}),
      options: targetOptions(args),
    });
  },
};
