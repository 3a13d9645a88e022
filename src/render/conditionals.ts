// {{#if}} and {{#unless}} as the build calls them (src/build/templates.ts, directConditionals):
// the condition and the two block programs, without the options object (and its hash) the
// built-in helpers take, made for every condition of every rule. The test is the built-in one:
// a function is called first; false, empty values and empty arrays are false, 0 too (no
// includeZero: the build leaves conditionals with hash arguments to the built-in helper).

type Program = (context: unknown, options: object) => string;

/** What a program gets as its options from a built-in helper: nothing (the data frame is its own). */
const NO_OPTIONS = Object.freeze({});

function truthy(context: unknown, value: unknown): boolean {
  const v = typeof value === 'function' ? (value as (this: unknown) => unknown).call(context) : value;
  return !!v && !(Array.isArray(v) && v.length === 0);
}

export function ifBlock(context: unknown, value: unknown, fn: Program, inverse: Program): string {
  return truthy(context, value) ? fn(context, NO_OPTIONS) : inverse(context, NO_OPTIONS);
}

export function unlessBlock(context: unknown, value: unknown, fn: Program, inverse: Program): string {
  return truthy(context, value) ? inverse(context, NO_OPTIONS) : fn(context, NO_OPTIONS);
}
