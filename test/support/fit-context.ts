// A RenderContext for view-model unit tests: ctx.fit cuts as the skeleton's does (fitText to the
// target's comment field) and records each text it cut, so a fast path can be compared with it.

import { fitText } from '../../src/render/text.js';
import type { RenderContext, TargetInfo, TextFit } from '../../src/targets/types.js';

export type FitContext = RenderContext & { cuts: string[] };

export function fitContext(info: TargetInfo): FitContext {
  const cuts: string[] = [];
  const max = info.comments?.max ?? Infinity;
  const fit = ((text: string, measure?: (s: string) => string) => {
    const out = fitText(text, max, measure);
    if (out !== text) cuts.push(text);
    return out;
  }) as TextFit;
  return { info, format: 'default', options: { version: '0' }, wan: 'wan', lan: 'lan', wanKey: null, lanKey: null, fit, cuts } as FitContext;
}
