// The "Router" section: every target and format in the registry (a target added there appears
// here), the target's own options as its declarations describe them (a number field, a list of
// choices, or a file picker for a file such as --merge's config.xml), and router.wan / router.lan.

import { decodeUtf8, MERGE_LIMIT } from '../profile/decode.js';
import { TARGETS, targetIds, type TargetId } from '../targets/index.js';
import type { CliFlag, CliOption } from '../targets/types.js';
import { h, replaceKeepingFocus } from './dom.js';
import { setValue } from './profile-data.js';
import type { PageStore } from './page-state.js';

type Obj = Record<string, unknown>;

function optionField(store: PageStore, flag: CliFlag, decl: CliOption): HTMLElement {
  const id = `option-${flag}`;
  const value = store.state.options[flag];
  const alias = decl.alias ? ` (-${decl.alias})` : '';
  if (decl.kind === 'integer') {
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id }, `--${flag}${alias}`),
      h('input', {
        id,
        type: 'number',
        min: decl.min,
        max: decl.max,
        step: 1,
        placeholder: String(decl.default),
        'aria-describedby': `${id}-hint`,
        value: typeof value === 'number' ? String(value) : '',
        oninput: (e: Event) => {
          const text = (e.target as HTMLInputElement).value;
          store.setOption(flag, text === '' ? undefined : Number(text));
        },
      }),
      h('p', { class: 'hint', id: `${id}-hint` }, `${decl.describe} (default ${decl.default}, ${decl.min}-${decl.max}).`),
    );
  }
  if (decl.kind === 'choice') {
    const chosen = typeof value === 'string' ? value : decl.default;
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id }, `--${flag}${alias}`),
      h(
        'select',
        { id, 'aria-describedby': `${id}-hint`, onchange: (e: Event) => store.setOption(flag, (e.target as HTMLSelectElement).value) },
        ...Object.keys(decl.choices).map((c) => h('option', { value: c, selected: c === chosen }, c === decl.default ? `${c} (default)` : c)),
      ),
      h('p', { class: 'hint', id: `${id}-hint` }, `${decl.describe}: ${decl.choices[chosen]?.describe ?? ''}`),
    );
  }
  const picked = typeof value === 'object' ? value : undefined;
  const status = h('p', { class: 'hint', id: `${id}-hint`, 'aria-live': 'polite' }, picked ? `Using ${picked.file}.` : `${decl.describe}. Optional; read here, never sent anywhere.`);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, `--${flag}${alias}: a file`),
    h('input', {
      id,
      type: 'file',
      'aria-describedby': `${id}-hint`,
      onchange: async (e: Event) => {
        const file = (e.target as HTMLInputElement).files?.[0];
        if (!file) return store.setOption(flag, undefined);
        if (file.size > MERGE_LIMIT) {
          status.textContent = `${file.name} is larger than ${MERGE_LIMIT / 1024 / 1024} MiB, synfw's limit for it.`;
          return;
        }
        document.documentElement.dataset.pending = '1';
        store.setOption(flag, { file: file.name, text: decodeUtf8(new Uint8Array(await file.arrayBuffer())).text });
      },
    }),
    picked ? h('button', { type: 'button', class: 'secondary', onclick: () => store.setOption(flag, undefined) }, `Stop using ${picked.file}`) : null,
    status,
  );
}

function routerSide(store: PageStore, target: TargetId, side: 'wan' | 'lan'): HTMLElement {
  const info = TARGETS[target];
  const id = `router-${side}`;
  const router = (store.state.data?.router ?? {}) as Obj;
  const own = (router[target] as Obj | undefined)?.[side];
  const dflt = info.router?.[side];
  const hint =
    own !== undefined
      ? `router.${target}.${side} in the profile (${String(own)}) wins for ${target}.`
      : dflt !== undefined
        ? `Empty: ${target}'s default, ${dflt}.`
        : info.router
          ? `${target} has no default; needed for hairpin.`
          : `${target} names no router interface.`;
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, `${side.toUpperCase()} (router.${side}, optional)`),
    h('input', {
      id,
      type: 'text',
      spellcheck: 'false',
      autocomplete: 'off',
      placeholder: dflt ?? '',
      disabled: store.state.data === undefined,
      'aria-describedby': `${id}-hint`,
      value: typeof router[side] === 'string' ? (router[side] as string) : '',
      oninput: (e: Event) => store.editData((d) => setValue(d, ['router', side], (e.target as HTMLInputElement).value)),
    }),
    h('p', { class: 'hint', id: `${id}-hint` }, hint),
  );
}

export function routerSection(store: PageStore): HTMLElement {
  const body = h('div', { class: 'fields' });
  const draw = (): void => {
    const { target, format } = store.state;
    const info = TARGETS[target];
    const formats = Object.entries(info.formats);
    replaceKeepingFocus(body, [
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'target' }, 'Router (target)'),
        h(
          'select',
          { id: 'target', 'aria-describedby': 'target-hint', onchange: (e: Event) => store.setTarget((e.target as HTMLSelectElement).value as TargetId) },
          ...targetIds.map((id) => h('option', { value: id, selected: id === target }, id)),
        ),
        h('p', { class: 'hint', id: 'target-hint' }, info.description),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'format' }, 'Output form (--format)'),
        h(
          'select',
          { id: 'format', 'aria-describedby': 'format-hint', onchange: (e: Event) => store.setTarget(target, (e.target as HTMLSelectElement).value) },
          ...formats.map(([f]) => h('option', { value: f, selected: f === format }, f)),
        ),
        h('p', { class: 'hint', id: 'format-hint' }, info.formats[format]?.description ?? ''),
      ),
      routerSide(store, target, 'wan'),
      routerSide(store, target, 'lan'),
      ...(Object.entries(info.cli ?? {}) as [CliFlag, CliOption][]).map(([flag, decl]) => optionField(store, flag, decl)),
    ]);
  };
  store.listen((_s, changes) => (changes.has('target') || changes.has('data')) && draw());
  draw();
  return h('section', { 'aria-labelledby': 'router-title' }, h('h2', { id: 'router-title' }, '4. Router'), body);
}
