import type { CommandModule } from 'yargs';
import { quote, UsageError } from '../../diagnostics.js';
import { withExamples } from '../help.js';

interface Args {
  id?: string;
  json: boolean;
  port?: string;
  profile?: string;
}

export const appsOptions = {
  json: { type: 'boolean', default: false, describe: 'Print JSON instead of a table' },
  port: { type: 'string', requiresArg: true, describe: 'PORT or PORT/PROTO: the apps that use it (like `synfw why PORT`)' },
  profile: { type: 'string', requiresArg: true, describe: 'With --port: also say whether this profile forwards it' },
} as const;

export const appsCommand: CommandModule<object, Args> = {
  command: 'apps [id]',
  describe: 'List the apps synfw knows, show one app in detail, or (--port) the apps that use a port',
  builder: (y) =>
    withExamples(
      y
        .positional('id', { type: 'string', describe: 'App id or alias (e.g. dsm, synology-drive-server, ds-file)' })
        .options(appsOptions)
        .check((a) => {
          if (a.port !== undefined && a.id !== undefined) throw new UsageError('give either an app id or --port, not both');
          if (a.profile !== undefined && a.port === undefined) throw new UsageError('--profile goes with --port (or use `synfw why PORT PROFILE`)');
          return true;
        }),
      [
        ['$0 apps', 'Every app with its ports and exposure classes'],
        ['$0 apps synology-drive-server', 'One app: ports, classes, aliases and sources'],
        ['$0 apps --port 445/tcp', 'The apps that use 445/tcp, with their classes'],
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
    if (args.port !== undefined) {
      const [{ parsePortQuery, portUsers }, { whyReport }, { loadPlan }, { printDiagnostics }] = await Promise.all([
        import('../port-lookup.js'),
        import('../why-report.js'),
        import('../load-plan.js'),
        import('../report.js'),
      ]);
      const q = parsePortQuery(args.port);
      if (typeof q === 'string') throw new UsageError(q);
      const loaded = args.profile === undefined ? undefined : loadPlan(args.profile);
      const plan = loaded?.plan;
      if (args.json) {
        const ids = new Set(portUsers(catalog, q, plan?.nas.dsm).own.map((u) => u.app.id));
        const apps = catalog.apps.filter((a) => ids.has(a.id)).map((a) => report.publicApp(catalog, a));
        await writeStdout(`${JSON.stringify(apps, null, 2)}\n`);
      } else await writeStdout(whyReport(catalog, q, plan));
      if (loaded) printDiagnostics(loaded.warnings, loaded.name);
      return;
    }
    if (args.id === undefined) {
      const all = catalog.apps.map((a) => report.publicApp(catalog, a));
      await writeStdout(args.json ? `${JSON.stringify(all, null, 2)}\n` : report.appsTable(catalog));
      return;
    }
    const index = indexCatalog(catalog);
    const app = index.byName.get(args.id);
    if (!app) throw new UsageError(`unknown app ${quote(args.id)}${didYouMean(args.id, index.byName.keys())}; \`synfw apps\` lists them`);
    await writeStdout(args.json ? `${JSON.stringify(report.publicApp(catalog, app), null, 2)}\n` : report.appDetail(catalog, app));
  },
};
