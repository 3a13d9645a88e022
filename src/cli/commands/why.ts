import type { CommandModule } from 'yargs';
import { UsageError } from '../../diagnostics.js';
import { withExamples } from '../help.js';

interface Args {
  port: string;
  profile?: string;
}

export const whyCommand: CommandModule<object, Args> = {
  command: 'why <port> [profile]',
  describe: 'Which apps use a port, in what class, and whether a profile forwards it (and if not, why)',
  builder: (y) =>
    withExamples(
      y
        .positional('port', { type: 'string', demandOption: true, describe: 'PORT or PORT/PROTO (tcp or udp), e.g. 445/tcp' })
        .positional('profile', { type: 'string', describe: 'Profile YAML file to answer for (also as --profile FILE); - reads it from stdin' }),
      [
        ['$0 why 445/tcp', 'Every app that uses 445/tcp and its class'],
        ['$0 why 80 profiles/home.yaml', 'Does home.yaml forward port 80, and if not, why not?'],
        ['$0 why 32400 --profile profiles/media.yaml', 'The same, with the profile as an option'],
      ],
    ),
  handler: async (args) => {
    const [{ catalog }, { parsePortQuery }, { whyReport }, { loadPlan }, { writeStdout }, { printDiagnostics }] = await Promise.all([
      import('../../catalog/catalog.js'),
      import('../port-lookup.js'),
      import('../why-report.js'),
      import('../load-plan.js'),
      import('../output.js'),
      import('../report.js'),
    ]);
    const q = parsePortQuery(args.port);
    if (typeof q === 'string') throw new UsageError(q);
    const loaded = args.profile === undefined ? undefined : loadPlan(args.profile);
    await writeStdout(whyReport(catalog, q, loaded?.plan));
    if (loaded) printDiagnostics(loaded.warnings, loaded.name);
  },
};
