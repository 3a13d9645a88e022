import type { CommandModule } from 'yargs';
import { withExamples } from '../help.js';

interface Args {
  address?: string;
  app?: string[];
  out?: string;
}

export const initOptions = {
  address: { type: 'string', requiresArg: true, describe: "The NAS's LAN IPv4 address (default 192.168.1.10)" },
  app: { type: 'string', array: true, requiresArg: true, describe: 'App id to list (repeatable; default: dsm)' },
  out: { alias: 'o', type: 'string', requiresArg: true, describe: 'Write to FILE (never overwrites), with synfw.schema.json beside it' },
} as const;

export const initCommand: CommandModule<object, Args> = {
  command: 'init',
  describe: 'Write a starter profile (with the $schema line and comments that explain each key)',
  builder: (y) =>
    withExamples(
      y
        .options(initOptions),
      [
        ['$0 init --address 192.168.1.20 --app dsm --app synology-drive-server -o profiles/home.yaml', 'A profile for DSM and Drive'],
      ],
    ),
  handler: async (args) => {
    const { runInit } = await import('../init.js');
    await runInit(args);
  },
};
