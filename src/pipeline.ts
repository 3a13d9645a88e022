// The pure core end to end: profile text -> parse -> validate -> resolve -> plan. No files, no
// process: the CLI reads the file and prints what comes back.

import { catalog, indexCatalog, type CatalogIndex } from './catalog/catalog.js';
import type { Diagnostic } from './diagnostics.js';
import type { Plan } from './plan/types.js';
import { parseYaml } from './profile/parse.js';
import { validateProfile } from './profile/validate.js';
import { resolvePlan } from './resolve/resolve.js';

let defaultIndex: CatalogIndex | undefined;

export function catalogIndex(): CatalogIndex {
  defaultIndex ??= indexCatalog(catalog);
  return defaultIndex;
}

export type PlanResult = { plan: Plan; diagnostics: Diagnostic[] } | { plan?: undefined; diagnostics: Diagnostic[] };

export function planFromText(text: string, file: string, index: CatalogIndex = catalogIndex()): PlanResult {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return { diagnostics: parsed.diagnostics };
  const valid = validateProfile(parsed.doc, file);
  if (!valid.ok) return { diagnostics: valid.diagnostics };
  return resolvePlan(valid.profile, { file, catalog: index, doc: parsed.doc });
}
