import type { CommandModule } from 'yargs';

interface Args {
  address?: string;
  app?: string[];
  out?: string;
}

export const initCommand: CommandModule<object, Args> = {
  command: 'init',
  describe: 'Write a starter profile (with the $schema line and comments that explain each key)',
  builder: (y) =>
    y
      .option('address', { type: 'string', describe: "The NAS's LAN IPv4 address (default 192.168.1.10)" })
      .option('app', { type: 'string', array: true, describe: 'App id to list (repeatable; default: dsm)' })
      .option('out', { alias: 'o', type: 'string', describe: 'Write to FILE instead of stdout (never overwrites)' })
      .example('$0 init --address 192.168.1.20 --app dsm --app synology-drive-server -o profiles/home.yaml', 'A profile for DSM and Drive'),
  handler: async (args) => {
    const { runInit } = await import('../init.js');
    runInit(args);
  },
};
