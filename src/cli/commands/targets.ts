import type { CommandModule } from 'yargs';

export const targetsCommand: CommandModule = {
  command: 'targets',
  describe: 'List the router targets, one line each',
  builder: (y) => y.example('$0 targets', 'ids, output forms and what each produces'),
  handler: async () => {
    const [{ TARGETS }, { table }] = await Promise.all([import('../../targets/index.js'), import('../table.js')]);
    const rows = Object.values(TARGETS).map((t) => [
      t.id,
      Object.entries(t.formats)
        .map(([name, f]) => (name === 'default' ? `.${f.extension}` : `${name} .${f.extension}`))
        .join(', '),
      t.description,
    ]);
    process.stdout.write(`${table(['TARGET', 'FORMATS', 'OUTPUT'], rows, '')}\n`);
  },
};
