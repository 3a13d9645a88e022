// packedText: the tag once, then each app group (same apps, custom names and protocol) with its
// ports in the order the forwards come, a group that comes back joining its first appearance.

import { describe, expect, test } from 'vitest';
import { packedText } from '../../src/targets/shared/text.js';
import { customForward as fwd, samplePlan } from '../fixtures/plans.js';

describe('packedText', () => {
  const plan = samplePlan({ profile: { name: 'p', file: 'p.yaml' } });

  test('a group that comes back joins its first appearance; groups keep their first order', () => {
    const forwards = [
      fwd('tcp', [10, 10], [10, 10], 'Alpha', 'a'),
      fwd('tcp', [12, 14], [12, 14], 'Alpha', 'a'),
      fwd('tcp', [20, 20], [20, 20], 'Beta', 'b'),
      fwd('tcp', [30, 30], [30, 30], 'Alpha', 'a'),
      fwd('udp', [40, 40], [40, 40], 'Alpha', 'a'),
      fwd('tcp', [50, 50], [50, 50], 'b', 'b'),
    ];
    expect(packedText(plan, forwards)).toBe('synfw:p a tcp/10,12-14,30 Alpha; b tcp/20 Beta; a udp/40 Alpha; b tcp/50');
  });

  test('one group', () => {
    expect(packedText(plan, [fwd('udp', [7, 7], [7, 7], 'Seven', 'x')])).toBe('synfw:p x udp/7 Seven');
  });
});
