import type { CommandModule } from 'yargs';
import { quote, UsageError } from '../../diagnostics.js';
import { applyTargetIds, type ApplyTargetId } from '../../targets/index.js';
import { withExamples } from '../help.js';
import { checkDiffTarget } from './diff.js';

interface Args {
  profile: string;
  target?: string;
  ssh?: string;
  'ssh-option'?: string[];
  yes: boolean;
  'dry-run': boolean;
  json: boolean;
}

/** The targets with a shell synfw can reach over ssh: those that declare state.apply. */
const APPLY_TARGETS = applyTargetIds;

export const APPLY_EXIT_HELP =
  'Exit status: 0 the router matches the profile (after applying, or already), 3 it differs and nothing was changed (--dry-run, or not confirmed), 4 the script failed or the router still differs afterwards (the message shows what it has now), 1 profile problem, 2 usage error or the state could not be read (nothing changed).';

export const applyOptions = {
  target: { alias: 't', type: 'string', requiresArg: true, describe: `Router target (required): ${APPLY_TARGETS.join(', ')}` },
  ssh: { type: 'string', requiresArg: true, describe: 'USER@HOST (or a Host of ~/.ssh/config) to run on, with the system ssh (required)' },
  'ssh-option': { type: 'string', array: true, requiresArg: true, describe: 'An ssh -o option (Port=2222, IdentityFile=~/.ssh/router); repeat for more' },
  yes: { alias: 'y', type: 'boolean', default: false, describe: 'Apply without asking (needed when stdin is not a terminal)' },
  'dry-run': { type: 'boolean', default: false, describe: 'Only read the router and print the diff' },
  json: { type: 'boolean', default: false, describe: 'Print the diff as JSON (the shape of synfw diff --json)' },
} as const;

export const applyCommand: CommandModule<object, Args> = {
  command: 'apply <profile>',
  describe: 'Read the router over ssh, show the diff, run the generated script there and check that the router then matches',
  builder: (y) =>
    withExamples(
      y
        .positional('profile', { type: 'string', demandOption: true, describe: 'Profile YAML file' })
        .options(applyOptions)
        .check((a) => {
          checkDiffTarget(a.target, 'apply', APPLY_TARGETS);
          if (a.ssh === undefined || a.ssh === '') throw new UsageError('apply needs --ssh USER@HOST');
          if (a.ssh.startsWith('-') || /\s/.test(a.ssh)) throw new UsageError(`--ssh: ${quote(a.ssh)} is not a host (USER@HOST or a Host of ~/.ssh/config)`);
          for (const o of a['ssh-option'] ?? []) {
            if (!/^[A-Za-z]+[= ]\S/.test(o)) throw new UsageError(`--ssh-option: ${quote(o)} is not an ssh option (Name=value, as in ssh_config)`);
          }
          if (a.profile === '-') throw new UsageError('apply reads the profile from a file (stdin is for the confirmation)');
          return true;
        }),
      [
        ['$0 apply home.yaml -t openwrt --ssh root@192.168.1.1', 'Show the diff, ask, apply, check'],
        ['$0 apply home.yaml -t iptables --ssh root@router --dry-run', 'Only the diff (exit 3 when it differs)'],
        ['$0 apply home.yaml -t iptables --ssh router --ssh-option Port=2222 --yes', 'From a script: no question asked'],
      ],
      APPLY_EXIT_HELP,
    ),
  handler: async (args) => {
    const { runApply } = await import('../apply.js');
    await runApply({
      profile: args.profile,
      target: args.target as ApplyTargetId,
      ssh: { host: args.ssh!, options: args['ssh-option'] ?? [] },
      yes: args.yes,
      dryRun: args['dry-run'],
      json: args.json,
    });
  },
};
