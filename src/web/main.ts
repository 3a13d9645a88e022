// The page's entry point: builds the sections, and after every change runs the pure core (as
// `synfw gen` does) and shows what it gives. Bundled into dist/web/synfw.html by src/build/web.ts.

import { TARGETS } from '../targets/index.js';
import { CLI_OPTION_KEYS, type CliFlag, type RenderOptions } from '../targets/types.js';
import { h } from './dom.js';
import { genOne } from './gen-one.js';
import { PageStore, type PageState } from './page-state.js';
import { appsSection } from './ui-apps.js';
import { customSection } from './ui-custom.js';
import { nasSection } from './ui-nas.js';
import { resultsView } from './ui-results.js';
import { routerSection } from './ui-router.js';
import { yamlView } from './ui-yaml.js';

/** synfw's version, put in by the bundler (package.json). */
declare const SYNFW_VERSION: string;

/** The target options the chosen target declares, as RenderOptions (others are not its to take). */
function targetOptions(s: PageState): Omit<RenderOptions, 'version'> {
  const out: Record<string, unknown> = { format: s.format };
  for (const flag of Object.keys(TARGETS[s.target].cli ?? {}) as CliFlag[]) {
    const v = s.options[flag];
    if (v !== undefined) out[CLI_OPTION_KEYS[flag]] = v;
  }
  return out as Omit<RenderOptions, 'version'>;
}

function start(root: HTMLElement): void {
  const store = new PageStore();
  const yaml = yamlView(store);
  const results = resultsView((line, column) => yaml.goTo(line, column));
  const formNotice = h('p', { class: 'notice', hidden: true });
  const profileForm = h('fieldset', { id: 'profile-form' }, h('legend', { class: 'visually-hidden' }, 'The profile'), nasSection(store), appsSection(store), customSection(store));
  root.replaceChildren(
    h('div', { class: 'column form' }, formNotice, profileForm),
    h('div', { class: 'column', id: 'results' }, routerSection(store), results.element, yaml.element),
  );

  const html = document.documentElement;
  let runs = 0;
  let first = true;
  const run = async (): Promise<void> => {
    const mine = ++runs;
    html.dataset.pending = '1';
    const s = store.state;
    formNotice.hidden = s.data !== undefined;
    formNotice.textContent = s.formProblem ? `The form cannot show this profile (${s.formProblem}); edit the YAML, or start a new profile.` : '';
    profileForm.disabled = s.data === undefined;
    try {
      const result = s.pristine ? 'start' : await genOne({ text: s.text, file: s.file, ...(s.badUtf8At !== undefined ? { badUtf8At: s.badUtf8At } : {}), target: s.target, options: targetOptions(s), version: SYNFW_VERSION });
      if (mine !== runs) return;
      results.show(result, s.file);
    } catch (e) {
      if (mine !== runs) return;
      results.show({ diagnostics: [], usage: `internal error: ${e instanceof Error ? e.message : String(e)}` }, s.file);
    }
    delete html.dataset.pending;
    if (first) {
      first = false;
      performance.mark('synfw-first-render');
    }
  };
  store.listen(() => void run());
  void run();
}

start(document.getElementById('app')!);
