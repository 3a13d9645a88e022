import type { CommandModule } from 'yargs';
import { withExamples } from '../help.js';
import { quote, UsageError } from '../../diagnostics.js';

interface Args {
  profiles: string[];
  strict: boolean;
  format?: string;
}

export const checkOptions = {
  strict: { type: 'boolean', default: false, describe: 'Treat warnings as errors' },
  format: { type: 'string', requiresArg: true, describe: 'text (default): file:line:col lines on stderr; json: one JSON document on stdout, for editors and CI' },
} as const;

export const checkCommand: CommandModule<object, Args> = {
  command: 'check <profiles..>',
  describe: 'Validate and lint profiles: exit 0 when clean, 1 on errors (warnings fail only with --strict)',
  builder: (y) =>
    withExamples(
      y
        .positional('profiles', { type: 'string', array: true, demandOption: true, describe: 'Profile YAML files; - reads one from stdin' })
        .options(checkOptions)
        .check((a) => {
          if (a.format !== undefined && a.format !== 'text' && a.format !== 'json') {
            throw new UsageError(`--format: ${quote(a.format)} is not a format of check; formats: text, json`);
          }
          if (a.profiles.filter((p) => p === '-').length > 1) throw new UsageError('stdin (-) can be read only once');
          return true;
        }),
      [
        ['$0 check profiles/home.yaml', 'Errors and warnings as file:line:col: severity CODE: message'],
        ['$0 check --strict profiles/*.yaml', 'In a git hook: fail on warnings too'],
        ['$0 check --format json profiles/home.yaml', 'Diagnostics as JSON (`synfw explain CODE` says what a code means)'],
      ],
    ),
  handler: async (args) => {
    const { runCheck } = await import('../check.js');
    await runCheck(args.profiles, { strict: args.strict, json: args.format === 'json' });
  },
};
