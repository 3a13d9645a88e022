import type { CommandModule } from 'yargs';

interface Args {
  profile: string;
  json: boolean;
}

export const planCommand: CommandModule<object, Args> = {
  command: 'plan <profile>',
  describe: 'Show what the profile forwards (WAN port -> NAS port, apps, class) and what is skipped and why',
  builder: (y) =>
    y
      .positional('profile', { type: 'string', demandOption: true, describe: 'Profile YAML file' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the plan as JSON (shape in the README)' })
      .example('$0 plan profiles/home.yaml', 'Table of forwards and skipped ports')
      .example('$0 plan profiles/home.yaml --json | jq .forwards', 'The plan for scripts'),
  handler: async (args) => {
    const [{ loadPlan }, report] = await Promise.all([import('../load-plan.js'), import('../plan-report.js')]);
    const plan = loadPlan(args.profile);
    process.stdout.write(args.json ? report.planJson(plan) : report.planTable(plan));
  },
};
