// What the profile gives: the plan (forwarded and skipped, with reasons, and notes), the
// diagnostics as the CLI prints them (each with a link to its line and column in the YAML), and
// the output with copy and download.

import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { formatRange } from '../plan/ranges.js';
import type { Plan } from '../plan/types.js';
import { copyText, download } from './download.js';
import { h, replaceKeepingFocus } from './dom.js';
import type { GenResult } from './gen-one.js';

const badge = (cls: string) => h('span', { class: `badge ${cls.replace(/ .*/, '')}` }, cls);

function table(caption: string, head: string[], rows: Array<Array<Node | string>>): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c))))),
    ),
  );
}

function planView(plan: Plan): Node[] {
  const forwards = plan.forwards.map((f) => [
    formatRange(f.external),
    f.proto,
    `${plan.nas.address}:${formatRange(f.internal)}`,
    f.origins.map((o) => `${o.app}:${o.label}`).join(', '),
    badge(f.exposure === 'public' && f.origins.some((o) => o.encrypted === false) ? 'public (unencrypted)' : f.exposure),
  ]);
  const skipped = plan.skipped.map((s) => [formatRange(s.ports), s.proto, `${s.app}:${s.label}`, s.reason]);
  return [
    forwards.length ? table(`Forwarded (${forwards.length})`, ['WAN port', 'Proto', 'To NAS', 'Apps', 'Class'], forwards) : h('p', {}, 'Nothing is forwarded.'),
    skipped.length ? table(`Not forwarded (${skipped.length})`, ['Port', 'Proto', 'App:label', 'Why'], skipped) : h('p', {}, 'Every port asked for is forwarded.'),
    ...(plan.notes?.length ? [h('h3', {}, 'Notes'), h('ul', {}, ...plan.notes.map((n) => h('li', {}, n.message)))] : []),
  ];
}

/** A diagnostic's line, and a button that puts the caret at its line and column in the YAML. */
function diagnosticItem(d: Diagnostic, file: string, goTo: (line: number, column: number) => void): HTMLElement {
  return h(
    'li',
    { class: d.severity },
    h('span', { class: `badge ${d.severity}` }, d.severity),
    ' ',
    h('code', { class: 'diagnostic' }, formatDiagnostic(d, file)),
    d.pos ? h('button', { type: 'button', class: 'link', onclick: () => goTo(d.pos!.line, d.pos!.column) }, `Show line ${d.pos.line}, column ${d.pos.column}`) : null,
  );
}

export interface ResultsView {
  element: HTMLElement;
  /** Draws a result; `start` instead when nothing was entered yet. */
  show(result: GenResult | 'start', file: string): void;
}

export function resultsView(goTo: (line: number, column: number) => void): ResultsView {
  const status = h('p', { id: 'status', role: 'status' });
  const planBody = h('div', { id: 'plan' });
  const diagBody = h('div', { id: 'diagnostics' });
  const outputName = h('code', { id: 'output-file' });
  const output = h('pre', { id: 'output', tabindex: 0, 'aria-labelledby': 'output-title' });
  const copied = h('span', { class: 'hint', 'aria-live': 'polite' });
  let current: { text: string; file: string } | undefined;
  const copy = h('button', { type: 'button', id: 'copy-output', disabled: true, onclick: async () => (copied.textContent = current && (await copyText(current.text)) ? 'Copied.' : 'Could not copy: select the text instead.') }, 'Copy');
  const save = h('button', { type: 'button', id: 'download-output', disabled: true, onclick: () => current && download(current.file, current.text) }, 'Download');

  const show = (result: GenResult | 'start', file: string): void => {
    copied.textContent = '';
    if (result === 'start') {
      status.textContent = 'Enter the NAS address and tick the apps to forward; or load a profile you have.';
      replaceKeepingFocus(planBody, [h('p', { class: 'hint' }, 'The plan shows here: every port forwarded, and every port left out with the reason.')]);
      replaceKeepingFocus(diagBody, [h('p', { class: 'hint' }, 'None yet.')]);
      current = undefined;
    } else {
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length + (result.usage ? 1 : 0);
      const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
      const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
      status.textContent = result.plan
        ? `${plural(result.plan.forwards.length, 'forward')}, ${result.plan.skipped.length} not forwarded; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`
        : `The profile has ${plural(errors, 'error')}: see the diagnostics.`;
      replaceKeepingFocus(planBody, result.plan ? planView(result.plan) : [h('p', {}, 'No plan: the profile has errors.')]);
      const items = [
        ...(result.usage ? [h('li', { class: 'error' }, h('span', { class: 'badge error' }, 'error'), ' ', h('code', { class: 'diagnostic' }, `synfw: error: ${result.usage}`))] : []),
        ...result.diagnostics.map((d) => diagnosticItem(d, file, goTo)),
      ];
      replaceKeepingFocus(diagBody, items.length ? [h('ul', { class: 'diagnostics' }, ...items)] : [h('p', {}, 'None: synfw has nothing to say about this profile.')]);
      current = result.output;
    }
    output.textContent = current ? current.text : result === 'start' ? '' : 'No output: the profile or the target has errors (see the diagnostics).';
    output.classList.toggle('empty', !current);
    output.hidden = result === 'start';
    outputName.textContent = current ? current.file : '';
    copy.disabled = save.disabled = !current;
  };

  const element = h(
    'div',
    { class: 'results' },
    status,
    h('section', { 'aria-labelledby': 'plan-title' }, h('h2', { id: 'plan-title' }, 'Plan'), planBody),
    h('section', { 'aria-labelledby': 'diagnostics-title' }, h('h2', { id: 'diagnostics-title' }, 'Diagnostics'), diagBody),
    h(
      'section',
      { 'aria-labelledby': 'output-title' },
      h('h2', { id: 'output-title' }, 'Output ', outputName),
      h('div', { class: 'buttons' }, copy, save, copied),
      output,
    ),
  );
  return { element, show };
}
