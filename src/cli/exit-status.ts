// Exit statuses beyond 0 ok, 1 profile problem and 2 usage/internal (main.ts): a command that has
// printed its output and must still end with another status throws ExitStatus.

/** diff: the router differs from the plan (like `git diff --exit-code`); apply --dry-run too. */
export const DIFFERS = 3;
/** apply: the router was changed, or the change was attempted, and it does not match the plan now. */
export const APPLY_FAILED = 4;

export class ExitStatus extends Error {
  constructor(readonly status: number) {
    super(`exit status ${status}`);
    this.name = 'ExitStatus';
  }
}
