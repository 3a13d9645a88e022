import type { CommandModule } from 'yargs';
import { escapeUnsafe } from '../../diagnostics.js';
import { withExamples } from '../help.js';

interface Args {
  out?: string;
}

export const schemaOptions = {
  out: { alias: 'o', type: 'string', requiresArg: true, describe: 'Write to FILE (replacing it) instead of stdout' },
} as const;

export const schemaCommand: CommandModule<object, Args> = {
  command: 'schema',
  describe: 'Print the profile JSON Schema, for editors (save it as synfw.schema.json beside your profiles)',
  builder: (y) =>
    withExamples(
      y
        .options(schemaOptions),
      [
        ['$0 schema -o profiles/synfw.schema.json', 'The file the "$schema=synfw.schema.json" line of `synfw init` profiles points at'],
      ],
    ),
  handler: async (args) => {
    const [{ schemaText }, { writeStdout, writeStderr }, { writeFileAtomic }] = await Promise.all([
      import('../schema-file.js'),
      import('../output.js'),
      import('../write-output.js'),
    ]);
    if (args.out === undefined || args.out === '-') return writeStdout(schemaText());
    writeFileAtomic(args.out, schemaText());
    writeStderr(`wrote ${escapeUnsafe(args.out)}\n`);
  },
};
