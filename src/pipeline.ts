// The pure core end to end: profile text -> parse -> validate -> resolve -> plan. No files, no
// process: the CLI reads the file and prints what comes back.

import { catalog, indexCatalog, type CatalogIndex } from './catalog/catalog.js';
import { sortDiagnostics, type Diagnostic } from './diagnostics.js';
import type { Plan } from './plan/types.js';
import { lineIndex } from './profile/line-index.js';
import { parseYaml } from './profile/parse.js';
import { pruneInvalid } from './profile/prune.js';
import { validateProfile } from './profile/validate.js';
import { resolvePlan } from './resolve/resolve.js';

let defaultIndex: CatalogIndex | undefined;

export function catalogIndex(): CatalogIndex {
  defaultIndex ??= indexCatalog(catalog);
  return defaultIndex;
}

export type PlanResult = { plan: Plan; diagnostics: Diagnostic[] } | { plan?: undefined; diagnostics: Diagnostic[] };

/**
 * Every diagnostic that can be found in one run, sorted by position. A schema error does not hide
 * the resolver's errors about the rest of the profile: the invalid entries are cut out and the
 * rest is resolved. Only errors are kept from that partial run (warnings come once the profile is
 * valid), and "nothing to forward" only when no allowRisky entry was cut.
 */
export function planFromText(text: string, file: string, index: CatalogIndex = catalogIndex()): PlanResult {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return { diagnostics: parsed.diagnostics };
  const valid = validateProfile(parsed.doc, file);
  if (valid.ok) return resolvePlan(valid.profile, { file, catalog: index, doc: parsed.doc });
  const pruned = pruneInvalid(parsed.doc.data, valid.invalid);
  if (!pruned) return { diagnostics: valid.diagnostics };
  const riskyCut = pruned.cut.some((p) => p.startsWith('/allowRisky'));
  const more = resolvePlan(pruned.profile, { file, catalog: index, doc: parsed.doc, partial: true }).diagnostics.filter(
    (d) => d.severity === 'error' && !(riskyCut && d.code === 'SFW208'),
  );
  return { diagnostics: sortDiagnostics([...valid.diagnostics, ...more]) };
}

/** What a profile that is not UTF-8 gives: SFW100 at the first bad byte (`at`, an offset in the decoded `text`). */
export function notUtf8(text: string, file: string, at: number): PlanResult {
  const message = 'the profile is not UTF-8 text (this byte is not); save it as UTF-8';
  return { diagnostics: [{ code: 'SFW100', severity: 'error', message, pos: lineIndex(text).pos(file, at) }] };
}
