import { describe, expect, it } from 'vitest';
import { mergeCandidates, type Candidate } from '../../src/resolve/merge.js';
import type { Proto } from '../../src/plan/types.js';

const cand = (app: string, ext: [number, number], int: [number, number] = ext, proto: Proto = 'tcp'): Candidate => ({
  proto,
  external: { first: ext[0], last: ext[1] },
  internal: { first: int[0], last: int[1] },
  origin: { app, label: `l-${app}`, name: app, kind: 'catalog', exposure: 'public' },
});

const shape = (cs: Candidate[]) =>
  mergeCandidates(cs).forwards.map((f) => `${f.proto} ${f.external.first}-${f.external.last}>${f.internal.first}-${f.internal.last} ${f.apps.join(',')}`);

describe('interval merging', () => {
  it('merges a port into an overlapping range: 5000 + 5000-5001 -> 5000-5001', () => {
    expect(shape([cand('a', [5000, 5000]), cand('b', [5000, 5001])])).toEqual(['tcp 5000-5001>5000-5001 a,b']);
  });

  it('merges touching ports: 5001 + 5002 -> 5001-5002', () => {
    expect(shape([cand('a', [5001, 5001]), cand('b', [5002, 5002])])).toEqual(['tcp 5001-5002>5001-5002 a,b']);
  });

  it('does not merge ports with a gap', () => {
    expect(shape([cand('a', [5001, 5001]), cand('b', [5003, 5003])])).toEqual(['tcp 5001-5001>5001-5001 a', 'tcp 5003-5003>5003-5003 b']);
  });

  it('merges chains of ranges in any input order', () => {
    expect(shape([cand('c', [20, 25]), cand('a', [10, 14]), cand('b', [15, 19]), cand('d', [22, 30])])).toEqual(['tcp 10-30>10-30 a,b,c,d']);
  });

  it('deduplicates the same port from two apps, keeping both as provenance', () => {
    const { forwards } = mergeCandidates([cand('dsm', [5001, 5001]), cand('synology-photos', [5001, 5001])]);
    expect(forwards).toHaveLength(1);
    expect(forwards[0]!.apps).toEqual(['dsm', 'synology-photos']);
    expect(forwards[0]!.origins.map((o) => o.app)).toEqual(['dsm', 'synology-photos']);
  });

  it('keeps tcp and udp apart', () => {
    expect(shape([cand('a', [1194, 1194], [1194, 1194], 'udp'), cand('a', [1194, 1194])])).toEqual(['tcp 1194-1194>1194-1194 a', 'udp 1194-1194>1194-1194 a']);
  });

  it('never merges a remap with an identity forward, even when they touch', () => {
    expect(shape([cand('a', [443, 443], [5001, 5001]), cand('b', [444, 444])])).toEqual(['tcp 443-443>5001-5001 a', 'tcp 444-444>444-444 b']);
  });

  it('never merges two different remaps that touch', () => {
    expect(shape([cand('a', [443, 443], [5001, 5001]), cand('b', [444, 444], [5002, 5002])])).toEqual([
      'tcp 443-443>5001-5001 a',
      'tcp 444-444>5002-5002 b',
    ]);
  });

  it('deduplicates identical remaps', () => {
    expect(shape([cand('a', [443, 443], [5001, 5001]), cand('b', [443, 443], [5001, 5001])])).toEqual(['tcp 443-443>5001-5001 a,b']);
  });

  it('reports two NAS ports claiming one WAN port as a conflict', () => {
    const { conflicts } = mergeCandidates([cand('a', [443, 443], [5001, 5001]), cand('b', [443, 443])]);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.overlap).toEqual({ first: 443, last: 443 });
    expect([conflicts[0]!.a.origin.app, conflicts[0]!.b.origin.app].sort()).toEqual(['a', 'b']);
  });

  it('reports a conflict when a remap lands inside an identity range', () => {
    const { conflicts } = mergeCandidates([cand('range', [6000, 6010]), cand('remap', [6005, 6005], [22, 22])]);
    expect(conflicts.map((c) => c.overlap)).toEqual([{ first: 6005, last: 6005 }]);
  });

  it('sorts by protocol then WAN port', () => {
    expect(shape([cand('u', [53, 53], [53, 53], 'udp'), cand('b', [9000, 9000]), cand('a', [80, 80])]).map((s) => s.split(' ')[1])).toEqual([
      '80-80>80-80',
      '9000-9000>9000-9000',
      '53-53>53-53',
    ]);
  });

  it('handles 10,000 ports in linear-ish time', () => {
    const many = Array.from({ length: 10000 }, (_, i) => cand(`a${i}`, [10000 + i * 2, 10000 + i * 2]));
    const t = performance.now();
    expect(mergeCandidates(many).forwards).toHaveLength(10000);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
