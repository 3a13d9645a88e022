import type { CommandModule } from 'yargs';
import { quote, UsageError } from '../../diagnostics.js';
import type { DiffTarget } from '../../diff/read-state.js';
import { stateAccess, stateTargetIds } from '../../targets/index.js';
import { withExamples } from '../help.js';

interface Args {
  profile: string;
  target?: string;
  from?: string;
  json: boolean;
}

const TARGETS_READ = stateTargetIds.join(', ');
const exportList = stateTargetIds.map((t) => `${t}: ${stateAccess(t).export}`).join('; ');

export const EXIT_HELP = 'Exit status: 0 the router matches the profile, 3 it differs (missing, stale or changed ports; foreign rules alone do not count), 1 profile problem, 2 usage or I/O error or an unreadable export.';

export const diffOptions = {
  target: { alias: 't', type: 'string', requiresArg: true, describe: `Router target (required): ${TARGETS_READ}` },
  from: { alias: 'F', type: 'string', requiresArg: true, describe: `The router's exported state: a FILE, or - for stdin (required). Export with ${exportList}` },
  json: { type: 'boolean', default: false, describe: 'Print the report as JSON (a stable shape, docs/diff.md)' },
} as const;

/** Checks --target against the targets diff reads. */
export function checkDiffTarget(target: string | undefined, command: string, targets: readonly string[] = stateTargetIds): void {
  if (target === undefined) throw new UsageError(`${command} needs --target; targets: ${targets.join(', ')}`);
  if (!targets.includes(target)) throw new UsageError(`--target: ${quote(target)} is not a target ${command} reads; targets: ${targets.join(', ')}`);
}

export const diffCommand: CommandModule<object, Args> = {
  command: 'diff <profile>',
  describe: "Compare a router's exported state with the profile: missing, stale, changed and foreign ports (exit 3 when they differ)",
  builder: (y) =>
    withExamples(
      y
        .positional('profile', { type: 'string', demandOption: true, describe: 'Profile YAML file; - reads it from stdin' })
        .options(diffOptions)
        .check((a) => {
          checkDiffTarget(a.target, 'diff');
          if (a.from === undefined || a.from === '') throw new UsageError('diff needs --from FILE (or --from - for stdin): the router\'s exported state');
          if (a.from === '-' && a.profile === '-') throw new UsageError('stdin can be read only once: give the profile or --from as a file');
          return true;
        }),
      [
        ['ssh root@router iptables-save | $0 diff home.yaml -t iptables --from -', 'What the router has, against the profile'],
        ['ssh root@router uci export firewall | $0 diff home.yaml -t openwrt --from -', 'OpenWrt'],
        ['$0 diff home.yaml -t pfsense --from config-backup.xml --json', 'A pfSense backup, as JSON'],
      ],
      EXIT_HELP,
    ),
  handler: async (args) => {
    const { runDiff } = await import('../diff.js');
    // check() let only the targets diff reads through.
    await runDiff({ profile: args.profile, target: args.target as DiffTarget, from: args.from!, json: args.json });
  },
};
