// The profile as YAML: what the form builds (to download and check into git) and where a profile
// is pasted, typed, dropped or loaded from a file; the diagnostics point into this text.

import { decodeUtf8, PROFILE_LIMIT } from '../profile/decode.js';
import { download } from './download.js';
import { h } from './dom.js';
import type { PageStore } from './page-state.js';

export interface YamlView {
  element: HTMLElement;
  /** Puts the caret at a 1-based line and column and shows it. */
  goTo(line: number, column: number): void;
}

/** Offset of a 1-based line and column, counting "\n", "\r\n" and "\r" as line ends (as YAML and line-index.ts do). */
function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line && at < text.length; l++) {
    const m = /\r\n|\r|\n/g;
    m.lastIndex = at;
    const found = m.exec(text);
    if (!found) return text.length;
    at = found.index + found[0].length;
  }
  return Math.min(at + column - 1, text.length);
}

/** Reading a profile file (picked or dropped) into the store, within synfw's size limit. */
function fileLoading(store: PageStore, notice: HTMLElement): { load: (file: File) => Promise<void>; picker: HTMLInputElement } {
  const html = document.documentElement;
  const load = async (file: File): Promise<void> => {
    // Busy from the start: reading the file takes a moment before the store runs the pipeline.
    html.dataset.pending = '1';
    if (file.size > PROFILE_LIMIT) {
      notice.textContent = `${file.name} is larger than ${PROFILE_LIMIT / 1024 / 1024} MiB, synfw's limit for a profile.`;
      delete html.dataset.pending;
      return;
    }
    const { text, badUtf8At } = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
    store.setText(text, { name: file.name, ...(badUtf8At !== undefined ? { badUtf8At } : {}) });
    notice.textContent = `Loaded ${file.name}.`;
  };
  const picker = h('input', {
    id: 'profile-file',
    type: 'file',
    accept: '.yaml,.yml,text/yaml,application/yaml',
    hidden: true,
    onchange: async () => {
      const f = picker.files?.[0];
      if (f) await load(f);
      picker.value = '';
    },
  });
  return { load, picker };
}

export function yamlView(store: PageStore): YamlView {
  const notice = h('p', { id: 'yaml-notice', class: 'hint', 'aria-live': 'polite' });
  const html = document.documentElement;
  let typing: ReturnType<typeof setTimeout> | undefined;
  const area = h('textarea', {
    id: 'yaml',
    rows: 18,
    spellcheck: 'false',
    autocomplete: 'off',
    autocapitalize: 'off',
    wrap: 'off',
    'aria-describedby': 'yaml-hint yaml-notice',
    // Typing waits for a pause before the pipeline runs; the store then tells the form.
    oninput: () => {
      clearTimeout(typing);
      html.dataset.pending = '1';
      typing = setTimeout(() => store.setText(area.value), 150);
    },
  });
  area.value = store.state.text;

  const { load, picker } = fileLoading(store, notice);
  const section = h(
    'section',
    {
      'aria-labelledby': 'yaml-title',
      class: 'yaml',
      ondragover: (e: Event) => {
        e.preventDefault();
        section.classList.add('dropping');
      },
      ondragleave: () => section.classList.remove('dropping'),
      ondrop: async (e: Event) => {
        e.preventDefault();
        section.classList.remove('dropping');
        const f = (e as DragEvent).dataTransfer?.files[0];
        if (f) await load(f);
      },
    },
    h('h2', { id: 'yaml-title' }, 'Profile (YAML)'),
    h('label', { for: 'yaml', id: 'yaml-hint', class: 'hint' }, 'The profile the form builds, for `synfw check` and `synfw gen` and for git. Paste or type a profile here, drop a file on it, or load one.'),
    area,
    notice,
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', id: 'load-profile', onclick: () => picker.click() }, 'Load a profile file'),
      picker,
      h('button', { type: 'button', id: 'download-profile', onclick: () => download(store.state.file, store.state.text, 'application/yaml') }, 'Download profile'),
      h('button', { type: 'button', class: 'secondary', id: 'new-profile', onclick: () => store.reset() }, 'New profile'),
    ),
  );

  store.listen((s, changes) => {
    if (changes.has('text') && area.value !== s.text) area.value = s.text;
    notice.textContent = s.formProblem ? `The form cannot show this profile: ${s.formProblem}. Edit it here, or start a new profile.` : s.loadedFrom ? `Profile file: ${s.loadedFrom}.` : '';
  });

  return {
    element: section,
    goTo(line, column) {
      const at = offsetOf(area.value, line, column);
      area.focus();
      area.setSelectionRange(at, at + 1);
      // Bring the line into view: its share of the text's height.
      const lines = area.value.split(/\r\n|\r|\n/).length;
      area.scrollTop = Math.max(0, ((line - 3) / lines) * area.scrollHeight);
    },
  };
}
