import type { CommandModule } from 'yargs';
import { UsageError } from '../../diagnostics.js';
import { TARGETS, targetIds } from '../../targets/index.js';
import type { TargetId } from '../../targets/types.js';

interface Args {
  profile: string;
  target: TargetId | 'all';
  format?: string;
  out?: string;
  'out-dir'?: string;
  merge?: string;
  'upnp-max': number;
  'upnp-lease': number;
  strict: boolean;
}

export const genCommand: CommandModule<object, Args> = {
  command: 'gen <profile>',
  describe: 'Generate router rules for the profile (stdout, --out FILE, or --target all --out-dir DIR)',
  builder: (y) =>
    y
      .positional('profile', { type: 'string', demandOption: true, describe: 'Profile YAML file' })
      .option('target', {
        alias: 't',
        choices: [...targetIds, 'all'] as const,
        demandOption: true,
        describe: 'Router target (see `synfw targets`); all = every target, needs --out-dir',
      })
      .option('format', { type: 'string', describe: 'Alternate output form (`synfw targets` lists them): iptables restore, openwrt config, opnsense mvc, vyos commands' })
      .option('out', { alias: 'o', type: 'string', describe: 'Write to FILE (atomically) instead of stdout' })
      .option('out-dir', { type: 'string', describe: 'With --target all: directory for <profile>.<target>.<ext> files' })
      .option('merge', { type: 'string', describe: "pfsense, opnsense: merge into this exported config.xml (replaces only this profile's rules)" })
      .option('upnp-max', { type: 'number', default: 64, describe: 'upnp: most mappings ranges may expand to' })
      .option('upnp-lease', { type: 'number', default: 0, describe: 'upnp: lease duration in seconds (0 = permanent where allowed)' })
      .option('strict', { type: 'boolean', default: false, describe: 'Fail (exit 1) on profile warnings too' })
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
        if (a.merge !== undefined && a.target !== 'pfsense' && a.target !== 'opnsense') {
          throw new UsageError('--merge is for --target pfsense or opnsense');
        }
        if (!Number.isInteger(a['upnp-max']) || a['upnp-max'] < 1) throw new UsageError('--upnp-max must be a whole number >= 1');
        if (!Number.isInteger(a['upnp-lease']) || a['upnp-lease'] < 0) throw new UsageError('--upnp-lease must be a whole number of seconds >= 0');
        return true;
      })
      .example('$0 gen profiles/home.yaml --target openwrt', 'uci commands on stdout, to paste into the router')
      .example('$0 gen profiles/home.yaml -t iptables --format restore -o home.rules', 'iptables-restore input, written atomically')
      .example('$0 gen profiles/home.yaml -t pfsense --merge config-backup.xml -o merged.xml', 'pfSense backup with this profile\'s rules replaced')
      .example('$0 gen profiles/home.yaml --target all --out-dir out/', 'one file per target'),
  handler: async (args) => {
    const { generate } = await import('../generate.js');
    await generate({
      profile: args.profile,
      target: args.target,
      format: args.format,
      out: args.out,
      outDir: args['out-dir'],
      merge: args.merge,
      upnpMax: args['upnp-max'],
      upnpLease: args['upnp-lease'],
      strict: args.strict,
    });
  },
};
