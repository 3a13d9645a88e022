// DSM versions are "MAJOR.MINOR[.PATCH]"; missing parts count as 0 ("7.2" == "7.2.0").

import type { DsmWindow } from '../catalog/types.js';

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Where `version` stands relative to a window: before it, inside it, or at/after its removal. */
export function windowStatus(window: DsmWindow | undefined, version: string): 'too-old' | 'ok' | 'removed' {
  if (window?.introduced && compareVersions(version, window.introduced) < 0) return 'too-old';
  if (window?.removed && compareVersions(version, window.removed) >= 0) return 'removed';
  return 'ok';
}
