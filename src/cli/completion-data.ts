// What completion offers as values: targets and their formats, app ids, diagnostic codes.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalog } from '../catalog/catalog.js';
import { TARGETS, targetIds } from '../targets/index.js';
import type { CompletionData } from './completion.js';

export function completionData(): CompletionData {
  return {
    targets: [...targetIds],
    formats: (target) => {
      const ids = target && target in TARGETS ? [target as keyof typeof TARGETS] : targetIds;
      return [...new Set(ids.flatMap((id) => Object.keys(TARGETS[id].formats)))].sort();
    },
    apps: () => catalog.apps.map((a) => a.id).sort(),
    codes: () => {
      const doc = readFileSync(fileURLToPath(new URL('../../docs/diagnostics.md', import.meta.url)), 'utf8');
      return [...doc.matchAll(/^## (SFW\d{3})/gm)].map((m) => m[1]!);
    },
  };
}
