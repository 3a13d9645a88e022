import type { CommandModule } from 'yargs';
import { UsageError } from '../../diagnostics.js';
import { cliOptionProblem } from '../../targets/define.js';
import { TARGETS, targetIds, type TargetId } from '../../targets/index.js';
import { CLI_OPTION_KEYS, type CliFlag, type CliOption } from '../../targets/types.js';

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
  target: TargetId | 'all';
  format?: string;
  out?: string;
  'out-dir'?: string;
  merge?: string;
  'upnp-max'?: number;
  'upnp-lease'?: number;
  router?: string;
  strict: boolean;
}

export const genCommand: CommandModule<object, Args> = {
  command: 'gen <profile>',
  describe: 'Generate router rules for the profile (stdout, --out FILE, or --target all --out-dir DIR)',
  builder: (y) => {
    const flags = targetFlags();
    let b = y
      .positional('profile', { type: 'string', demandOption: true, describe: 'Profile YAML file' })
      .option('target', {
        alias: 't',
        choices: [...targetIds, 'all'] as const,
        demandOption: true,
        describe: 'Router target (see `synfw targets`); all = every target, needs --out-dir',
      })
      .option('format', { alias: 'f', type: 'string', describe: `Alternate output form (\`synfw targets\` lists them): ${alternateFormats()}` })
      .option('out', { alias: 'o', type: 'string', describe: 'Write to FILE (atomically) instead of stdout' })
      .option('out-dir', { type: 'string', describe: 'With --target all: directory for <profile>.<target>.<ext> files' })
      .option('strict', { type: 'boolean', default: false, describe: 'Fail (exit 1) on profile warnings too' });
    for (const [flag, { decl, ids }] of flags) {
      const values = decl.kind === 'choice' ? `; one of ${Object.keys(decl.choices).join(', ')}` : '';
      const describe = `${ids.join(', ')}: ${decl.describe}${values}${decl.kind === 'file' ? '' : ` (default ${decl.default})`}`;
      b = b.option(flag, { type: decl.kind === 'integer' ? 'number' : 'string', describe, ...(decl.alias ? { alias: decl.alias } : {}) });
    }
    return b
      .check((a) => {
        if (a.target === 'all' && !a['out-dir']) throw new UsageError('--target all writes one file per target: give --out-dir DIR');
        if (a.target !== 'all' && a['out-dir']) throw new UsageError('--out-dir goes with --target all; use --out FILE for one target');
        if (a.out && a['out-dir']) throw new UsageError('give either --out or --out-dir, not both');
        if (a.format !== undefined) {
          if (a.target === 'all') throw new UsageError('--format selects one target\'s alternate form; it cannot be used with --target all');
          const formats = Object.keys(TARGETS[a.target as TargetId].formats);
          if (!formats.includes(a.format)) {
            throw new UsageError(`target ${a.target} has no format "${a.format}"; its formats: ${formats.join(', ')}`);
          }
        }
        for (const [flag, { decl, ids }] of flags) {
          const value = (a as Record<string, unknown>)[flag];
          if (value === undefined) continue;
          if (a.target !== 'all' && !ids.includes(a.target as TargetId)) throw new UsageError(`--${flag} is for --target ${ids.join(' or ')}`);
          const problem = decl.kind === 'file' ? undefined : cliOptionProblem(TARGETS[ids[0]!], flag, value);
          if (problem) throw new UsageError(problem);
        }
        return true;
      })
      .example('$0 gen profiles/home.yaml --target openwrt', 'uci commands on stdout, to paste into the router')
      .example('$0 gen profiles/home.yaml -t iptables --format restore -o home.rules', 'iptables-restore input, written atomically')
      .example('$0 gen profiles/home.yaml -t pfsense --merge config-backup.xml -o merged.xml', 'pfSense backup with this profile\'s rules replaced')
      .example('$0 gen profiles/home.yaml -t checklist --router fritzbox -f html -o home.html', 'a page to tick off while typing the rules into a FRITZ!Box')
      .example('$0 gen profiles/home.yaml --target all --out-dir out/', 'one file per target');
  },
  handler: async (args) => {
    const { generate } = await import('../generate.js');
    // Every target flag but --merge (a file the command reads) goes to the targets as it is.
    const options = Object.fromEntries(
      (Object.entries(CLI_OPTION_KEYS) as [CliFlag, string][])
        .filter(([flag]) => flag !== 'merge' && (args as Record<string, unknown>)[flag] !== undefined)
        .map(([flag, key]) => [key, (args as Record<string, unknown>)[flag]]),
    );
    await generate({
      profile: args.profile,
      target: args.target,
      format: args.format,
      out: args.out,
      outDir: args['out-dir'],
      merge: args.merge,
      options,
      strict: args.strict,
    });
  },
};
