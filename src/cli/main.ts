#!/usr/bin/env node
// synfw's command line. Commands load their modules when they run, so `synfw gen` pays only for the
// parser, the catalog and the one target it renders. The published binary is this file bundled
// into dist/synfw.cjs (src/build/bundle.ts). Exit status: 0 ok, 1 profile problem, 2 usage
// or internal error. stdout carries only the generated output; diagnostics go to stderr.

import type { Argv } from 'yargs';
import yargs from 'yargs/yargs';
import { formatDiagnostic, ProfileError, UsageError } from '../diagnostics.js';
import { TargetError } from '../targets/types.js';
import { appsCommand } from './commands/apps.js';
import { checkCommand } from './commands/check.js';
import { genCommand } from './commands/gen.js';
import { initCommand } from './commands/init.js';
import { planCommand } from './commands/plan.js';
import { targetsCommand } from './commands/targets.js';
import { whyCommand } from './commands/why.js';
import { synfwVersion } from './version.js';

function buildCli(args: string[]): Argv {
  return yargs(args)
    .scriptName('synfw')
    .usage('$0 <command> [options]\n\nTurn a Synology NAS profile into paste-ready router port-forwarding rules.')
    .command(genCommand)
    .command(planCommand)
    .command(checkCommand)
    .command(appsCommand)
    .command(whyCommand)
    .command(targetsCommand)
    .command(initCommand)
    .demandCommand(1, 'Give a command; `synfw --help` lists them.')
    .strict()
    .recommendCommands()
    .version(synfwVersion())
    .alias('h', 'help')
    .alias('V', 'version')
    .example('$0 init -o profiles/home.yaml', 'Start a profile')
    .example('$0 plan profiles/home.yaml', 'See what it forwards and skips')
    .example('$0 gen profiles/home.yaml --target openwrt', 'Print OpenWrt uci commands')
    .epilogue('Exit status: 0 ok, 1 profile problem, 2 usage or internal error. Docs: README.md')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg);
    });
}

async function main(args: string[]): Promise<number> {
  try {
    await buildCli(args).parseAsync();
    return 0;
  } catch (e) {
    if (e instanceof ProfileError || e instanceof TargetError) {
      for (const d of e.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      return 1;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`synfw: error: ${e.message}\nRun \`synfw --help\` (or \`synfw <command> --help\`) for usage.\n`);
      return 2;
    }
    process.stderr.write(`synfw: internal error: ${(e as Error)?.stack ?? String(e)}\nThis is a bug in synfw; please report it with the profile that triggers it.\n`);
    return 2;
  }
}

void main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
