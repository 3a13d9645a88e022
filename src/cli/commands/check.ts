import type { CommandModule } from 'yargs';
import { ProfileError } from '../../diagnostics.js';

interface Args {
  profiles: string[];
  strict: boolean;
}

export const checkCommand: CommandModule<object, Args> = {
  command: 'check <profiles..>',
  describe: 'Validate and lint profiles: exit 0 when clean, 1 on errors (warnings fail only with --strict)',
  builder: (y) =>
    y
      .positional('profiles', { type: 'string', array: true, demandOption: true, describe: 'Profile YAML files' })
      .option('strict', { type: 'boolean', default: false, describe: 'Treat warnings as errors' })
      .example('$0 check profiles/home.yaml', 'Errors and warnings as file:line:col: severity CODE: message')
      .example('$0 check --strict profiles/*.yaml', 'In a git hook: fail on warnings too'),
  handler: async (args) => {
    const [{ planFromText }, io] = await Promise.all([import('../../pipeline.js'), import('../io.js')]);
    let failed = false;
    for (const file of args.profiles) {
      const result = planFromText(io.readText(file), file);
      io.printDiagnostics(result.diagnostics, file);
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = result.diagnostics.length - errors;
      if (!result.plan || (args.strict && warnings > 0)) {
        failed = true;
        process.stderr.write(`${file}: failed: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${args.strict && warnings ? ' (--strict)' : ''}\n`);
        continue;
      }
      const plan = result.plan;
      process.stderr.write(
        `${file}: ok: ${plan.forwards.length} forward${plan.forwards.length === 1 ? '' : 's'}, ${plan.skipped.length} skipped, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
      );
    }
    // The diagnostics are printed already; an empty ProfileError only sets the exit status.
    if (failed) throw new ProfileError([]);
  },
};
