import type { CommandModule } from 'yargs';
import { withExamples } from '../help.js';

interface Args {
  code?: string;
}

export const explainCommand: CommandModule<object, Args> = {
  command: 'explain [code]',
  describe: 'Say what a diagnostic code means, with an example and how to fix it (no code: list them)',
  builder: (y) =>
    withExamples(
      y
        .positional('code', { type: 'string', describe: 'A diagnostic code such as SFW250' }),
      [
        ['$0 explain SFW250', 'What "risky port not forwarded" means and what to do'],
        ['$0 explain', 'Every code with its title'],
      ],
    ),
  handler: async (args) => {
    const [{ explain }, { writeStdout }] = await Promise.all([import('../explain.js'), import('../output.js')]);
    await writeStdout(explain(args.code));
  },
};
