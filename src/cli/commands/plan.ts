import type { CommandModule } from 'yargs';
import { withExamples } from '../help.js';

interface Args {
  profile: string;
  json: boolean;
}

export const planOptions = {
  json: { type: 'boolean', default: false, describe: 'Print the plan as JSON (shape in the README)' },
} as const;

export const planCommand: CommandModule<object, Args> = {
  command: 'plan <profile>',
  describe: 'Show what the profile forwards (WAN port -> NAS port, apps, class) and what is skipped and why',
  builder: (y) =>
    withExamples(
      y
        .positional('profile', { type: 'string', demandOption: true, describe: 'Profile YAML file; - reads it from stdin' })
        .options(planOptions),
      [
        ['$0 plan profiles/home.yaml', 'Table of forwards and skipped ports'],
        ['$0 plan profiles/home.yaml --json | jq .forwards', 'The plan for scripts'],
      ],
    ),
  handler: async (args) => {
    const [{ loadPlan }, report, { writeStdout }, { printDiagnostics }] = await Promise.all([
      import('../load-plan.js'),
      import('../plan-report.js'),
      import('../output.js'),
      import('../report.js'),
    ]);
    const { plan, warnings, name } = loadPlan(args.profile);
    await writeStdout(args.json ? report.planJson(plan) : report.planTable(plan));
    printDiagnostics(warnings, name, { summariseAfter: 5, fullListCommand: `synfw check ${args.profile}` });
  },
};
