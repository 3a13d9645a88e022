// The "Your NAS" fields: address, DSM's ports and version, the profile's name.

import { catalogIndex } from '../pipeline.js';
import { h, replaceKeepingFocus } from './dom.js';
import { setValue, type ProfileData } from './profile-data.js';
import type { PageStore } from './page-state.js';

type Obj = Record<string, unknown>;

interface Field {
  id: string;
  path: string[];
  label: string;
  hint: string;
  kind: 'text' | 'port';
  placeholder?: string;
}

function fields(): Field[] {
  return [
    { id: 'nas-address', path: ['nas', 'address'], label: 'NAS address', hint: "The NAS's LAN IPv4 address (Control Panel > Network), e.g. 192.168.1.10.", kind: 'text', placeholder: '192.168.1.10' },
    { id: 'dsm-https', path: ['nas', 'dsm', 'https'], label: 'DSM HTTPS port (optional)', hint: 'Only if you changed it: Control Panel > Login Portal > DSM. Default 5001.', kind: 'port', placeholder: '5001' },
    { id: 'dsm-http', path: ['nas', 'dsm', 'http'], label: 'DSM HTTP port (optional)', hint: 'Default 5000.', kind: 'port', placeholder: '5000' },
    { id: 'dsm-version', path: ['nas', 'dsm', 'version'], label: 'DSM version (optional)', hint: `Default: the newest synfw knows (${catalogIndex().catalog.newestDsm}).`, kind: 'text', placeholder: catalogIndex().catalog.newestDsm },
    { id: 'profile-name', path: ['name'], label: 'Profile name (optional)', hint: 'Tags every rule as synfw:<name>: lowercase letters, digits and -.', kind: 'text', placeholder: 'home' },
  ];
}

function valueAt(data: ProfileData, path: string[]): string {
  let v: unknown = data;
  for (const k of path) v = (v as Obj | undefined)?.[k];
  return v === undefined ? '' : String(v);
}

/** A port typed as digits is a number in the profile; anything else stays text for the schema to report. */
function parseValue(kind: Field['kind'], text: string): string | number | undefined {
  if (text === '') return undefined;
  return kind === 'port' && /^\d{1,5}$/.test(text) ? Number(text) : text;
}

export function nasSection(store: PageStore): HTMLElement {
  const body = h('div', { class: 'fields' });
  const draw = (): void => {
    const data = store.state.data ?? {};
    replaceKeepingFocus(
      body,
      fields().map((f) =>
        h(
          'div',
          { class: 'field' },
          h('label', { for: f.id }, f.label),
          h('input', {
            id: f.id,
            type: 'text',
            inputmode: f.kind === 'port' ? 'numeric' : f.id === 'nas-address' ? 'decimal' : undefined,
            autocomplete: 'off',
            spellcheck: 'false',
            placeholder: f.placeholder,
            'aria-describedby': `${f.id}-hint`,
            value: valueAt(data, f.path),
            oninput: (e: Event) => store.editData((d) => setValue(d, f.path, parseValue(f.kind, (e.target as HTMLInputElement).value))),
          }),
          h('p', { class: 'hint', id: `${f.id}-hint` }, f.hint),
        ),
      ),
    );
  };
  store.listen((_s, changes) => changes.has('data') && draw());
  draw();
  return h('section', { 'aria-labelledby': 'nas-title' }, h('h2', { id: 'nas-title' }, '1. Your NAS'), body);
}
