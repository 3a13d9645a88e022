// synfw's command line. Commands load their modules when they run, so `synfw gen` pays only for the
// parser, the catalog and the one target it renders. The published binary runs this file bundled
// into dist/synfw-cli.cjs, through the launcher dist/synfw.cjs (src/build/bundle.ts, bin.ts).
// Exit status: 0 ok, 1 profile problem, 2 usage, I/O or internal error, 3 diff: the router differs
// from the profile, 4 apply failed (141 when the reader of stdout goes away, as for any Unix tool). stdout carries only the command's output; diagnostics
// go to stderr. No stack trace reaches the user (SYNFW_DEBUG=1 prints one for an internal error).

import type { Argv } from 'yargs';
import yargs from 'yargs/yargs';
import { escapeUnsafe, formatDiagnostic, ProfileError, UsageError } from '../diagnostics.js';
import { TargetError } from '../targets/types.js';
import { commandInfo, COMMANDS, REPEATABLE } from './commands/index.js';
import { ExitStatus } from './exit-status.js';
import { hasCompileCache } from './code-cache.js';
import { CLOSED_PIPE_STATUS, guardStreams, OutputClosed, writeStderr, wroteDirectlyOnly } from './output.js';
import { helpWidth, withExamples } from './help.js';
import { DASH, explainFailure, helpCommand, rejectRepeats, restoreDashes, YARGS_STRINGS } from './usage.js';
import { synfwVersion } from './version.js';

/** yargs 17.7 has usageConfiguration; its type definitions do not yet. */
type WithUsageConfiguration = Argv & { usageConfiguration(config: { 'hide-types': boolean }): Argv };

/** yargs' internals, as its own command runner reaches them (not in its type definitions). */
type WithInternals = Argv & { getInternalMethods(): { getUsageInstance(): { cacheHelpMessage(): void } } };

/**
 * After running a command's handler, yargs renders the command's whole help text and keeps it,
 * for a handler that would print it later; synfw's handlers never do, and the rendering (every
 * option laid out and wrapped) is about a tenth of a `synfw gen`. --help is rendered as before.
 */
function skipHelpCache(cli: Argv): Argv {
  (cli as WithInternals).getInternalMethods().getUsageInstance().cacheHelpMessage = () => {};
  return cli;
}

function buildCli(args: string[]): Argv {
  let cli = (
    yargs(args.map((a) => (a === '-' ? DASH : a)))
      .scriptName('synfw')
      .locale('en')
      .updateStrings(YARGS_STRINGS as unknown as Record<string, string>)
      .usage('$0 <command> [options]\n\nTurn a Synology NAS profile into paste-ready router port-forwarding rules.')
      .parserConfiguration({ 'camel-case-expansion': false, 'duplicate-arguments-array': true }) as WithUsageConfiguration
  ).usageConfiguration({ 'hide-types': true });
  for (const c of COMMANDS) cli = cli.command(c);
  return withExamples(
    skipHelpCache(cli),
    [
      ['$0 init -o profiles/home.yaml', 'Start a profile'],
      ['$0 plan profiles/home.yaml', 'See what it forwards and skips'],
      ['$0 gen profiles/home.yaml --target openwrt', 'Print OpenWrt uci commands'],
    ],
    'Exit status: 0 ok, 1 profile problem, 2 usage or internal error, 3 diff: the router differs, 4 apply failed. `synfw explain CODE` explains a diagnostic code. Docs: README.md',
  )
    .middleware((argv) => {
      try {
        rejectRepeats(argv, REPEATABLE);
      } catch (e) {
        throw new UsageError(`${(e as Error).message} (see ${helpCommand(args, commandInfo())})`);
      }
      restoreDashes(argv);
    }, true)
    .demandCommand(1, '')
    .strict()
    .version(synfwVersion())
    .alias('h', 'help')
    .alias('V', 'version')
    .wrap(helpWidth())
    .fail((msg, err) => {
      const raw = args.map((a) => (a === '-' ? DASH : a));
      // A flag check failed (UsageError from a command's check): name the command's --help too.
      if (err instanceof UsageError) throw new UsageError(`${err.message} (see ${helpCommand(raw, commandInfo())})`);
      if (err && err.name !== 'YError') throw err;
      throw explainFailure(err?.message ?? msg ?? '', raw, commandInfo());
    });
}

async function complete(words: string[]): Promise<void> {
  const [{ complete: candidates }, { completionSpec }, data, { writeStdout }] = await Promise.all([
    import('./completion.js'),
    import('./commands/index.js'),
    import('./completion-data.js'),
    import('./output.js'),
  ]);
  const list = candidates(words, completionSpec(), data.completionData());
  if (list.length) await writeStdout(`${list.join('\n')}\n`);
}

function internalError(e: unknown): number {
  const message = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  writeStderr(`synfw: internal error: ${escapeUnsafe(message)} (a bug in synfw: please report it with the command and profile that cause it)\n`);
  if (process.env.SYNFW_DEBUG && e instanceof Error) writeStderr(`${e.stack}\n`);
  return 2;
}

async function main(args: string[]): Promise<number> {
  try {
    if (args[0] === '__complete') {
      await complete(args.slice(1));
      return 0;
    }
    await buildCli(args.length === 0 ? ['--help'] : args).parseAsync();
    return 0;
  } catch (e) {
    if (e instanceof OutputClosed) return CLOSED_PIPE_STATUS;
    if (e instanceof ExitStatus) return e.status;
    if (e instanceof ProfileError || e instanceof TargetError) {
      if (e.diagnostics.length) writeStderr(`${e.diagnostics.map((d) => formatDiagnostic(d)).join('\n')}\n`);
      return 1;
    }
    // yargs' parser throws its own errors for a flag without its value.
    if (e instanceof Error && e.name === 'YError') e = explainFailure(e.message, args, commandInfo());
    if (e instanceof UsageError) {
      writeStderr(`synfw: error: ${escapeUnsafe(e.message)}\n`);
      return 2;
    }
    return internalError(e);
  }
}

guardStreams();
process.on('uncaughtException', (e) => {
  process.exitCode = e instanceof OutputClosed ? CLOSED_PIPE_STATUS : internalError(e);
});
process.on('unhandledRejection', (e) => {
  process.exitCode = e instanceof OutputClosed ? CLOSED_PIPE_STATUS : internalError(e);
});
void main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
  // The command is done, and with every write made directly nothing is left in flight (a command
  // waits for what it starts). Ending here skips the work V8 would still do on the way out: a
  // scavenge of the young generation it schedules for when the event loop goes idle, about 1-2 ms
  // of a `synfw gen`, then tearing down the heap. Exit listeners run as usual (the launcher writes
  // the code cache in one). Node's own compile cache (Node >= 22.1) is left to Node's normal end.
  if (wroteDirectlyOnly() && !hasCompileCache(process.versions.node)) process.exit(status);
});
