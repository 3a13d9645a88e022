// allowRisky: which risky ports the user accepts forwarding, and which entries did nothing.

import type { ResolveContext } from './context.js';
import { didYouMean } from '../suggest.js';
import { selectorNames, selects } from './selectors.js';

/** An app or custom entry of the profile, by every name the profile may use for it. */
export interface ListedApp {
  id: string;
  kind: 'catalog' | 'custom';
  labels: string[];
  riskyLabels: string[];
}

export type Listed = Map<string, ListedApp>;

export class RiskyPolicy {
  private readonly used = new Set<number>();
  /** The entries by the app they name, so that each risky port looks at its app's entries only. */
  private readonly byApp = new Map<string, Array<{ i: number; label: string | undefined }>>();

  constructor(private readonly entries: string[]) {
    entries.forEach((entry, i) => {
      const [app, label] = splitEntry(entry);
      const list = this.byApp.get(app);
      if (list) list.push({ i, label });
      else this.byApp.set(app, [{ i, label }]);
    });
  }

  /** Whether a risky port of the app (known by `names`) may be forwarded; remembers the entry used. */
  allows(names: string[], label: string): boolean {
    let allowed = false;
    for (const name of names) {
      for (const entry of this.byApp.get(name) ?? []) {
        if (entry.label === undefined || selects(entry.label, label)) {
          this.used.add(entry.i);
          allowed = true;
        }
      }
    }
    return allowed;
  }

  /** Entries naming nothing the profile lists, labels the app lacks, or ports that are not risky. */
  reportUnused(ctx: ResolveContext, listed: Listed): void {
    this.entries.forEach((entry, i) => {
      if (this.used.has(i)) return;
      const pointer = `/allowRisky/${i}`;
      const [name, label] = splitEntry(entry);
      const app = listed.get(name);
      if (!app) {
        ctx.warn('SFW251', `allowRisky entry "${entry}" has no effect: "${name}" is not listed in apps or custom`, pointer);
      } else if (label !== undefined && !app.labels.some((l) => selects(label, l))) {
        const names = selectorNames(app.labels);
        ctx.error('SFW202', `allowRisky entry "${entry}": ${app.id} has no port "${label}"${didYouMean(label, names)}; its ports: ${names.join(', ')}`, pointer);
      } else if (app.riskyLabels.length === 0 || (label !== undefined && !app.riskyLabels.some((l) => selects(label, l)))) {
        ctx.warn('SFW251', `allowRisky entry "${entry}" has no effect: no risky port of ${app.id} is selected by it`, pointer);
      }
    });
  }
}

function splitEntry(entry: string): [string, string | undefined] {
  const i = entry.indexOf(':');
  return i < 0 ? [entry, undefined] : [entry.slice(0, i), entry.slice(i + 1)];
}
