// The block programs of precompiled templates, made once per block instead of once per call.
// Precompiled code asks Handlebars' runtime for a block's program (`container.program(i, data, 0)`)
// every time the block runs: for the body of an {{#each}} or {{#if}} inside a loop of 10,000
// rules, that is a new closure (and its three properties) per rule and per block, whenever @data
// is tracked, which the runtime does for every template. The closure differs only by the `data`
// frame it captures, so one made for the same block and the same frame is the same program:
// {{#each}} keeps one frame for all its items, and blocks inside an item see that frame. Blocks
// that read parent contexts (`../`) or declare block parameters get a new program per call from
// the runtime (their arguments differ per call); the build leaves those calls alone.

//
// The program itself calls the block's compiled function the way the runtime's wrapper does for
// such a block (no parent contexts, no block parameters, no decorators: the build caches only
// those), without the wrapper's `arguments` object and default options object on every call.

type Program = ((context: unknown, options?: { data?: unknown }) => string) & { program?: number; depth?: number; blockParams?: number };
type BlockFn = (container: Container, context: unknown, helpers: unknown, partials: unknown, data: unknown) => string;

interface Container {
  fn(i: number): BlockFn;
  helpers: unknown;
  partials: unknown;
  /** The last program made for each block, and the data frame it captured. */
  synfwPrograms?: { programs: Program[]; frames: unknown[] };
}

export function cachedProgram(container: Container, i: number, data: unknown): Program {
  const cache = (container.synfwPrograms ??= { programs: [], frames: [] });
  const hit = cache.programs[i];
  if (hit !== undefined && cache.frames[i] === data) return hit;
  const fn = container.fn(i);
  const program: Program = (context, options) => fn(container, context, container.helpers, container.partials, options?.data || data);
  program.program = i;
  program.depth = 0;
  program.blockParams = 0;
  cache.programs[i] = program;
  cache.frames[i] = data;
  return program;
}
