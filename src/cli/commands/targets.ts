import type { CommandModule } from 'yargs';
import { withExamples } from '../help.js';

export const targetsCommand: CommandModule = {
  command: 'targets',
  describe: 'List the router targets, one line each',
  builder: (y) => withExamples(y, [['$0 targets', 'ids, output forms and what each produces']]),
  handler: async () => {
    const [{ TARGETS }, { table }, { writeStdout }] = await Promise.all([import('../../targets/index.js'), import('../table.js'), import('../output.js')]);
    const rows = Object.values(TARGETS).map((t) => [
      t.id,
      Object.entries(t.formats)
        .map(([name, f]) => (name === 'default' ? `.${f.extension}` : `${name} .${f.extension}`))
        .join(', '),
      t.description,
    ]);
    await writeStdout(`${table(['TARGET', 'FORMATS', 'OUTPUT'], rows, '')}\n`);
  },
};
