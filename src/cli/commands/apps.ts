import type { CommandModule } from 'yargs';
import { withExamples } from '../help.js';
import { quote, UsageError } from '../../diagnostics.js';

interface Args {
  id?: string;
  json: boolean;
}

export const appsCommand: CommandModule<object, Args> = {
  command: 'apps [id]',
  describe: 'List the DSM apps synfw knows, or show one app in detail',
  builder: (y) =>
    withExamples(
      y
        .positional('id', { type: 'string', describe: 'App id or alias (e.g. dsm, synology-drive-server, ds-file)' })
        .option('json', { type: 'boolean', default: false, describe: 'Print JSON instead of a table' }),
      [
        ['$0 apps', 'Every app with its ports and exposure classes'],
        ['$0 apps synology-drive-server', 'One app: ports, classes, aliases and sources'],
        ['$0 apps --json', 'The whole catalog as JSON'],
      ],
    ),
  handler: async (args) => {
    const [{ catalog, indexCatalog }, report, { didYouMean }, { writeStdout }] = await Promise.all([
      import('../../catalog/catalog.js'),
      import('../apps-report.js'),
      import('../../suggest.js'),
      import('../output.js'),
    ]);
    if (args.id === undefined) {
      await writeStdout(args.json ? `${JSON.stringify(catalog.apps, null, 2)}\n` : report.appsTable(catalog));
      return;
    }
    const index = indexCatalog(catalog);
    const app = index.byName.get(args.id);
    if (!app) throw new UsageError(`unknown app ${quote(args.id)}${didYouMean(args.id, index.byName.keys())}; \`synfw apps\` lists them`);
    if (args.json) {
      const keys = new Set([...app.sources, ...app.ports.flatMap((p) => p.sources)]);
      const sources = catalog.sources.filter((s) => keys.has(s.key));
      await writeStdout(`${JSON.stringify({ ...app, sourceDetails: sources }, null, 2)}\n`);
    } else await writeStdout(report.appDetail(catalog, app));
  },
};
