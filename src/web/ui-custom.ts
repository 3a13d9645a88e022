// The "Custom ports" section: ports outside the catalog (a container, a game server), each with an
// id, a description and its port specs, and whether its risky ports may be forwarded.

import { h, idOf, replaceKeepingFocus } from './dom.js';
import { customEntries, customRiskyAllowed, removeCustom, setCustom, setCustomRisky, splitPorts, type CustomFields } from './profile-data.js';
import type { PageStore } from './page-state.js';

function entryRow(store: PageStore, c: CustomFields, i: number): HTMLElement {
  const id = (field: string) => idOf('custom', String(i), field);
  const change = (patch: Partial<CustomFields>) => store.editData((d) => setCustom(d, i, { ...customEntries(d)[i]!, ...patch }));
  return h(
    'li',
    { class: 'card' },
    h(
      'div',
      { class: 'fields' },
      h('div', { class: 'field' }, h('label', { for: id('id') }, 'Id'), h('input', { id: id('id'), type: 'text', spellcheck: 'false', autocomplete: 'off', value: c.id, oninput: (e: Event) => change({ id: (e.target as HTMLInputElement).value }) })),
      h(
        'div',
        { class: 'field' },
        h('label', { for: id('ports') }, 'Ports'),
        h('input', {
          id: id('ports'),
          type: 'text',
          spellcheck: 'false',
          autocomplete: 'off',
          value: c.ports.join(', '),
          'aria-describedby': 'custom-ports-hint',
          oninput: (e: Event) => change({ ports: splitPorts((e.target as HTMLInputElement).value) }),
        }),
      ),
      h(
        'div',
        { class: 'field wide' },
        h('label', { for: id('description') }, 'Description (optional)'),
        // A text area: a description may hold line breaks (they become spaces in rule comments).
        h('textarea', { id: id('description'), rows: 1, value: c.description, oninput: (e: Event) => change({ description: (e.target as HTMLTextAreaElement).value }) }),
      ),
    ),
    h(
      'div',
      { class: 'check' },
      h('input', { type: 'checkbox', id: id('risky'), checked: customRiskyAllowed(store.state.data!, c.id), onchange: (e: Event) => store.editData((d) => setCustomRisky(d, c.id, (e.target as HTMLInputElement).checked)) }),
      h('label', { for: id('risky') }, `Forward risky ports anyway (adds "${c.id}" to allowRisky): only if one of these is a port the catalog knows as risky, such as 22/tcp SSH or 445/tcp SMB`),
    ),
    h('button', { type: 'button', class: 'secondary', onclick: () => store.editData((d) => removeCustom(d, i)) }, `Remove ${c.id || 'this entry'}`),
  );
}

export function customSection(store: PageStore): HTMLElement {
  const body = h('div');
  const draw = (): void => {
    const data = store.state.data;
    const list = data ? customEntries(data) : [];
    replaceKeepingFocus(body, list.length ? [h('ul', { class: 'cards', 'aria-label': 'Custom ports in the profile' }, ...list.map((c, i) => entryRow(store, c, i)))] : []);
  };
  store.listen((_s, changes) => changes.has('data') && draw());
  draw();
  const add = (): void => {
    const taken = new Set(store.state.data ? customEntries(store.state.data).map((c) => c.id) : []);
    let n = 1;
    while (taken.has(`service-${n}`)) n++;
    store.editData((d) => setCustom(d, 'new', { id: `service-${n}`, description: '', ports: [] }));
    document.getElementById(idOf('custom', String(taken.size), 'ports'))?.focus();
  };
  return h(
    'section',
    { 'aria-labelledby': 'custom-title' },
    h('h2', { id: 'custom-title' }, '3. Custom ports'),
    h('p', { class: 'hint', id: 'custom-ports-hint' }, 'Ports outside the catalog, e.g. a container: "27015/tcp", "8080-8090/udp", "25565/both", separated by commas. The id is lowercase letters, digits and -.'),
    body,
    h('button', { type: 'button', onclick: add }, 'Add custom port'),
  );
}
