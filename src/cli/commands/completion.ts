import type { CommandModule } from 'yargs';
import { withExamples } from '../help.js';
import { quote, UsageError } from '../../diagnostics.js';

interface Args {
  shell?: string;
}

export const completionCommand: CommandModule<object, Args> = {
  command: 'completion [shell]',
  describe: 'Print a bash or zsh completion script (commands, options, targets, formats, app ids)',
  builder: (y) =>
    withExamples(
      y
        .positional('shell', { type: 'string', describe: 'bash or zsh (default: from $SHELL)' })
        .check((a) => {
          if (a.shell !== undefined && a.shell !== 'bash' && a.shell !== 'zsh') throw new UsageError(`${quote(a.shell)} is not a shell synfw completes; shells: bash, zsh`);
          return true;
        }),
      [
        ['source <($0 completion bash)', 'Completion in this bash session'],
        ['$0 completion zsh > ~/.zfunc/_synfw', 'zsh, with ~/.zfunc in $fpath'],
      ],
    ),
  handler: async (args) => {
    const [{ completionScript }, { writeStdout }] = await Promise.all([import('../completion.js'), import('../output.js')]);
    const shell = args.shell ?? ((process.env.SHELL ?? '').endsWith('zsh') ? 'zsh' : 'bash');
    await writeStdout(completionScript(shell as 'bash' | 'zsh'));
  },
};
