// What a conditional move of a synfw RouterOS script does to a firewall chain, the way RouterOS
// runs it: `[find where EXPR]` selects rules (= compares the value, ~ is a regex match), the :if
// moves only when its find selects something, and `move numbers=A destination=B` puts the rules A,
// in their order, just before rule B. Used to check where the accepts land in a default chain.

import type { RosExpr } from './script.js';
import type { ConditionalMove } from './script-rules.js';

/** A rule as find sees it: its properties as RouterOS prints them (dynamic=no when not dynamic). */
export type ChainRule = Record<string, string>;

function matches(e: RosExpr, r: ChainRule): boolean {
  if (e.kind !== 'cmp') return e.kind === 'and' ? matches(e.left, r) && matches(e.right, r) : matches(e.left, r) || matches(e.right, r);
  if (e.value.kind !== 'word' && e.value.kind !== 'string') throw new Error('find compares with a constant');
  const have = r[e.key];
  if (have === undefined) return false;
  return e.op === '=' ? have === e.value.text : new RegExp(e.value.text).test(have);
}

/** The chain after the move (a copy); unchanged when the :if finds no anchor. */
export function runMove(chain: ChainRule[], move: ConditionalMove): ChainRule[] {
  const anchors = chain.filter((r) => matches(move.where.anchor, r));
  if (!anchors.length) return [...chain];
  const anchor = move.position === 'first' ? anchors[0]! : anchors[anchors.length - 1]!;
  const moved = chain.filter((r) => matches(move.where.numbers, r));
  if (moved.includes(anchor)) throw new Error('a moved rule is its own destination');
  const rest = chain.filter((r) => !moved.includes(r));
  const at = rest.indexOf(anchor);
  return [...rest.slice(0, at), ...moved, ...rest.slice(at)];
}
