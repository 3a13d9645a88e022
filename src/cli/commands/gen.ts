import type { CommandModule } from 'yargs';
import { withExamples } from '../help.js';
import { quote, UsageError } from '../../diagnostics.js';
import { TARGETS, targetIds } from '../../targets/index.js';
import type { TargetId } from '../../targets/types.js';

interface Args {
  profile: string;
  target?: string;
  format?: string;
  out?: string;
  'out-dir'?: string;
  merge?: string;
  'upnp-max'?: string;
  'upnp-lease'?: string;
  strict: boolean;
}

const TARGET_LIST = [...targetIds, 'all'].join(', ');

export const genOptions = {
  target: { alias: 't', type: 'string', requiresArg: true, describe: `Router target (required): ${TARGET_LIST}; all needs --out-dir` },
  format: { type: 'string', requiresArg: true, describe: 'Alternate output form (`synfw targets` lists them): iptables restore, openwrt config, opnsense mvc, vyos commands' },
  out: { alias: 'o', type: 'string', requiresArg: true, describe: 'Write to FILE atomically instead of stdout (through symlinks, keeping its mode); - is stdout' },
  'out-dir': { type: 'string', requiresArg: true, describe: 'With --target all: write <profile>.<target>.<ext> files into DIR' },
  merge: { type: 'string', requiresArg: true, describe: "pfsense, opnsense: merge into this exported config.xml (replaces only this profile's rules)" },
  'upnp-max': { type: 'string', requiresArg: true, describe: 'upnp: most mappings a range may expand to (default 64)' },
  'upnp-lease': { type: 'string', requiresArg: true, describe: 'upnp: lease duration in seconds (default 0 = permanent where allowed)' },
  strict: { type: 'boolean', default: false, describe: 'Fail (exit 1) on warnings too' },
} as const;

function wholeNumber(flag: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`--${flag}: ${quote(text)} is not a whole number of at least ${min}`);
  return Number(text);
}

export const genCommand: CommandModule<object, Args> = {
  command: 'gen <profile>',
  describe: 'Generate router rules for the profile (stdout, --out FILE, or --target all --out-dir DIR)',
  builder: (y) =>
    withExamples(
      y
        .positional('profile', { type: 'string', demandOption: true, describe: 'Profile YAML file; - reads it from stdin' })
        .options(genOptions)
        .check((a) => {
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
          if (a.merge !== undefined && a.target !== 'pfsense' && a.target !== 'opnsense') {
            throw new UsageError('--merge goes with --target pfsense or opnsense');
          }
          if (a.merge === '-' && a.profile === '-') throw new UsageError('stdin can be read only once: give the profile or --merge as a file');
          wholeNumber('upnp-max', a['upnp-max'], 64, 1);
          wholeNumber('upnp-lease', a['upnp-lease'], 0, 0);
          return true;
        }),
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
      merge: args.merge,
      upnpMax: wholeNumber('upnp-max', args['upnp-max'], 64, 1),
      upnpLease: wholeNumber('upnp-lease', args['upnp-lease'], 0, 0),
      strict: args.strict,
    });
  },
};
