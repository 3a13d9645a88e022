// Handlebars' {{#each}} over arrays, building the result as a list of parts joined. The built-in
// helper appends each item's text to a growing string, which V8 keeps as a tree of string pieces
// until the output is written: for 10,000 rules that is most of the memory a render holds, and
// garbage collection copying it was a third of the render's time. An item's text is itself such a
// tree (a piece per field), so the parts are joined every CHUNK characters: the pieces then die
// young instead of being copied by every young-generation collection until the loop ends, and what
// stays is a few flat strings, concatenated without a copy (the output is copied once, when it is
// written). Everything else (objects, iterables, functions, @data tracking by id) goes to the
// built-in helper, and the array case does what it does: the same data frame fields and inverse for
// an empty array, and the block params for a block that declares them (`as |item i|`; for one that
// does not, no compiled code reads them).

import type HandlebarsApi from 'handlebars';

type Env = ReturnType<typeof HandlebarsApi.create>;
type Options = HandlebarsApi.HelperOptions & { ids?: unknown; data?: Record<string, unknown> };
type BlockParams = unknown[] & { path?: unknown[] };

// 128 KB: a string that large is made in V8's large-object space, which young collections never copy.
const CHUNK = 128 * 1024;

export function registerJoinedEach(env: Env): void {
  const builtin = env.helpers.each as (this: unknown, context: unknown, options: Options) => string;
  env.registerHelper('each', function (this: unknown, context: unknown, options: Options): string {
    if (!Array.isArray(context) || !options || options.ids) return builtin.call(this, context, options);
    // createFrame: a copy of the parent frame that points at it.
    const data = options.data ? { ...options.data, _parent: options.data } : undefined;
    const parts: string[] = [];
    // The chunks so far, as one string that refers to them (V8 copies nothing to concatenate them).
    let joined = '';
    let pending = 0;
    const declared = (options.fn as { blockParams?: number }).blockParams;
    // One options object for every item: the program reads it when called and keeps nothing of it.
    const itemOptions: { data: typeof data; blockParams: BlockParams | undefined } = { data, blockParams: undefined };
    for (let i = 0; i < context.length; i++) {
      if (!(i in context)) continue;
      if (data) {
        data.key = i;
        data.index = i;
        data.first = i === 0;
        data.last = i === context.length - 1;
      }
      if (declared) {
        const blockParams: BlockParams = [context[i], i];
        blockParams.path = [`undefined${i}`, null];
        itemOptions.blockParams = blockParams;
      }
      const part = options.fn(context[i], itemOptions);
      parts.push(part);
      pending += part.length;
      if (pending >= CHUNK) {
        joined += parts.join('');
        parts.length = 0;
        pending = 0;
      }
    }
    if (context.length === 0) return options.inverse(this);
    return joined + parts.join('');
  });
}
