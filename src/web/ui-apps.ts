// The "Apps" section: the apps the profile lists, each with its ports (forward / forward anyway /
// never, and why), and the catalog to search and tick apps from.

import type { CatalogApp } from '../catalog/types.js';
import { catalogIndex } from '../pipeline.js';
import { appPorts } from '../resolve/app-ports.js';
import { h, idOf, replaceKeepingFocus } from './dom.js';
import { appEntries, dsmSettings, portStates, removeAppEntry, setApp, setPort, type AppEntryView, type PortState } from './profile-data.js';
import type { PageStore } from './page-state.js';
import { classOf, portsOf, portWhy, searchApps } from './port-words.js';
import { inline } from './profile-yaml.js';

const badge = (cls: string) => h('span', { class: `badge ${cls.replace(/ .*/, '')}` }, cls);

function portTable(rows: Array<{ control: Node | string; state: Pick<PortState, 'port'>; why: string }>, caption: string): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'ports' },
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Forward'), h('th', { scope: 'col' }, 'Port'), h('th', { scope: 'col' }, 'Label'), h('th', { scope: 'col' }, 'Class'), h('th', { scope: 'col' }, 'What it is, and why'))),
      h(
        'tbody',
        {},
        ...rows.map((r) =>
          h('tr', {}, h('td', {}, r.control), h('td', { class: 'nowrap' }, portsOf(r.state.port)), h('td', {}, h('code', {}, r.state.port.label)), h('td', {}, badge(classOf(r.state.port))), h('td', {}, r.why)),
        ),
      ),
    ),
  );
}

function entryCard(store: PageStore, entry: AppEntryView): HTMLElement {
  const index = catalogIndex();
  const data = store.state.data!;
  const remove = h('button', { type: 'button', class: 'secondary', onclick: () => store.editData((d) => removeAppEntry(d, entry.index)) }, `Remove ${entry.id}`);
  if (!entry.app) {
    return h('li', { class: 'card' }, h('h3', {}, h('code', {}, entry.id)), h('p', {}, 'Not an app synfw knows (see the diagnostics for the nearest one).'), remove);
  }
  const states = portStates(data, entry, index);
  const ports = states.map((s) => s.port);
  const rows = states.map((s) => {
    const id = idOf('port', String(entry.index), s.port.label);
    const label = s.control === 'forward' ? `Forward ${s.port.label} (${portsOf(s.port)})` : `Forward ${s.port.label} (${portsOf(s.port)}) anyway: adds "${entry.id}:${s.port.label}" to allowRisky`;
    const control =
      s.control === 'none'
        ? h('span', { class: 'never' }, 'never')
        : h('input', {
            type: 'checkbox',
            id,
            checked: s.forwarded,
            'aria-label': label,
            onchange: (e: Event) => store.editData((d) => setPort(d, entry, s.port.label, (e.target as HTMLInputElement).checked, index)),
          });
    return { control, state: s, why: portWhy(s.port, ports, entry.id, s.forwarded) };
  });
  const alias = entry.id !== entry.app.id ? ` (listed as ${entry.id})` : '';
  return h(
    'li',
    { class: 'card' },
    h('h3', {}, entry.app.name, ' ', h('code', {}, entry.app.id), alias, entry.app.thirdParty ? h('span', { class: 'vendor' }, ` third-party: ${entry.app.vendor ?? ''}`) : null),
    entry.app.notes ? h('p', { class: 'hint' }, entry.app.notes) : null,
    ...Object.entries(entry.more).map(([k, v]) => h('p', {}, 'Also in the profile (edit it in the YAML): ', h('code', {}, `${k}: ${inline(v, k) ?? JSON.stringify(v)}`))),
    rows.length ? portTable(rows, `Ports of ${entry.app.name}`) : h('p', {}, 'This app has no ports of its own in this DSM version.'),
    remove,
  );
}

/** Catalog rows whose port list is open: drawing the list again keeps them open. */
const openRows = new Set<string>();

function catalogRow(store: PageStore, app: CatalogApp, listed: boolean): HTMLElement {
  const index = catalogIndex();
  const data = store.state.data!;
  const ports = appPorts(app, dsmSettings(data, index));
  const classes = [...new Set(ports.map(classOf))];
  const id = idOf('app', app.id);
  return h(
    'li',
    { class: 'catalog-row' },
    h(
      'div',
      { class: 'catalog-head' },
      h('input', { type: 'checkbox', id, checked: listed, onchange: (e: Event) => store.editData((d) => setApp(d, app, (e.target as HTMLInputElement).checked, index)) }),
      h('label', { for: id }, h('strong', {}, app.name), ' ', h('code', {}, app.id), app.thirdParty ? h('span', { class: 'vendor' }, ` third-party: ${app.vendor ?? ''}`) : null),
    ),
    h(
      'details',
      { open: openRows.has(app.id), ontoggle: (e: Event) => ((e.target as HTMLDetailsElement).open ? openRows.add(app.id) : openRows.delete(app.id)) },
      h('summary', {}, ports.length ? `${ports.length} port${ports.length === 1 ? '' : 's'}: ` : 'no ports of its own', ...classes.flatMap((c, i) => [i ? ' ' : '', badge(c)])),
      ports.length
        ? portTable(
            ports.map((p) => ({ control: p.exposure === 'public' ? 'yes' : p.exposure === 'risky' ? 'only with allowRisky' : 'never', state: { port: p }, why: portWhy(p, ports, app.id, false) })),
            `Ports of ${app.name}`,
          )
        : h('p', {}, app.notes ?? 'No ports of its own.'),
    ),
  );
}

export function appsSection(store: PageStore): HTMLElement {
  const index = catalogIndex();
  const listedBody = h('div');
  const resultsBody = h('div');
  const count = h('p', { id: 'app-count', class: 'hint', 'aria-live': 'polite' });
  let query = '';
  const search = h('input', {
    id: 'app-search',
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'drive, photos, vpn, plex, 32400...',
    'aria-describedby': 'app-count',
    oninput: (e: Event) => {
      query = (e.target as HTMLInputElement).value;
      drawCatalog();
    },
  });

  const drawListed = (): void => {
    const data = store.state.data;
    if (!data) return replaceKeepingFocus(listedBody, []);
    const entries = appEntries(data, index);
    replaceKeepingFocus(
      listedBody,
      entries.length ? [h('ul', { class: 'cards', 'aria-label': 'Apps in the profile' }, ...entries.map((e) => entryCard(store, e)))] : [h('p', { class: 'hint' }, 'No apps yet: tick them in the list below.')],
    );
  };
  const drawCatalog = (): void => {
    const data = store.state.data;
    if (!data) return replaceKeepingFocus(resultsBody, []);
    const listed = new Set(appEntries(data, index).flatMap((e) => (e.app ? [e.app.id] : [])));
    const apps = searchApps(index.catalog.apps, query);
    count.textContent = `${apps.length} of ${index.catalog.apps.length} apps${query ? ` match "${query}"` : ''}.`;
    replaceKeepingFocus(resultsBody, [h('ul', { class: 'catalog', 'aria-label': 'Catalog' }, ...apps.map((a) => catalogRow(store, a, listed.has(a.id))))]);
  };
  store.listen((_s, changes) => {
    if (!changes.has('data')) return;
    drawListed();
    drawCatalog();
  });
  drawListed();
  drawCatalog();
  return h(
    'section',
    { 'aria-labelledby': 'apps-title' },
    h('h2', { id: 'apps-title' }, '2. Apps'),
    h('p', { class: 'hint' }, 'Ticking an app forwards its internet-safe ports. Risky ports (cleartext logins, SMB, SSH, ...) are forwarded only if you tick them, and ports that cannot work through NAT never are.'),
    listedBody,
    h('div', { class: 'field' }, h('label', { for: 'app-search' }, 'Search the catalog'), search, count),
    resultsBody,
  );
}
