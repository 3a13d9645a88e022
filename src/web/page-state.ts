// What the page holds, and the one place that changes it. The profile's YAML text is the truth the
// pipeline reads (as the CLI reads a file); the form edits the data parsed from it and writes the
// text anew. Every change tells the listeners, which draw what depends on it.

import { parseYaml } from '../profile/parse.js';
import { targetIds, type TargetId } from '../targets/index.js';
import type { CliFlag } from '../targets/types.js';
import { formProblem, newProfile, type ProfileData } from './profile-data.js';
import { profileYaml } from './profile-yaml.js';

/** A target option's value: a number (--upnp-max), a choice (--router), or a file the user picked (--merge). */
export type OptionValue = number | string | { file: string; text: string };

export interface PageState {
  text: string;
  /** The profile's file name: the loaded file's, or <name>.yaml for one the form built. */
  file: string;
  /** Set when the loaded file's bytes were not UTF-8, until the text is edited. */
  badUtf8At?: number;
  /** The file the profile came from, when it was loaded (its name is kept). */
  loadedFrom?: string;
  /** The parsed data, when the form can show it; else why not. */
  data?: ProfileData;
  formProblem?: string;
  /** Nothing entered yet: the page shows where to start instead of the empty profile's errors. */
  pristine: boolean;
  target: TargetId;
  format: string;
  options: Partial<Record<CliFlag, OptionValue>>;
}

/** What changed, so listeners redraw only what depends on it. */
export type Change = 'data' | 'text' | 'target';

export type Listener = (state: PageState, changes: ReadonlySet<Change>) => void;

const SLUG = /^[a-z0-9][a-z0-9-]{0,31}$/;

function fileFor(data: ProfileData | undefined, loadedFrom: string | undefined): string {
  if (loadedFrom !== undefined) return loadedFrom;
  const name = data?.name;
  return `${typeof name === 'string' && SLUG.test(name) ? name : 'nas'}.yaml`;
}

function parsed(text: string, file: string): Pick<PageState, 'data' | 'formProblem'> {
  const r = parseYaml(text, file);
  if (!r.ok) return { formProblem: 'the YAML does not parse (see the diagnostics)' };
  const problem = formProblem(r.doc.data);
  return problem ? { formProblem: problem } : { data: r.doc.data as ProfileData };
}

export class PageStore {
  readonly state: PageState;
  private readonly listeners: Listener[] = [];

  constructor() {
    const data = newProfile();
    const file = fileFor(data, undefined);
    this.state = { text: profileYaml(data), file, data, pristine: true, target: targetIds[0]!, format: 'default', options: {} };
  }

  listen(l: Listener): void {
    this.listeners.push(l);
  }

  private emit(changes: Change[]): void {
    const set = new Set(changes);
    for (const l of this.listeners) l(this.state, set);
  }

  /** A form edit: new data, and the YAML written from it. */
  editData(change: (data: ProfileData) => ProfileData): void {
    if (!this.state.data) return;
    const data = change(this.state.data);
    if (data === this.state.data) return;
    const s = this.state;
    s.data = data;
    s.text = profileYaml(data);
    s.file = fileFor(data, s.loadedFrom);
    s.pristine = false;
    delete s.badUtf8At;
    this.emit(['data', 'text']);
  }

  /** New YAML text (typed or pasted: `loaded` for a file, whose name the profile then keeps). */
  setText(text: string, loaded?: { name: string; badUtf8At?: number }): void {
    const s = this.state;
    s.text = text;
    if (loaded) s.loadedFrom = loaded.name;
    if (loaded?.badUtf8At !== undefined) s.badUtf8At = loaded.badUtf8At;
    else delete s.badUtf8At;
    const p = parsed(text, s.loadedFrom ?? s.file);
    delete s.data;
    delete s.formProblem;
    Object.assign(s, p);
    s.file = fileFor(s.data, s.loadedFrom);
    s.pristine = false;
    this.emit(loaded ? ['data', 'text'] : ['data']);
  }

  /** Back to an empty profile built with the form. */
  reset(): void {
    const s = this.state;
    delete s.loadedFrom;
    delete s.badUtf8At;
    delete s.formProblem;
    s.data = newProfile();
    s.text = profileYaml(s.data);
    s.file = fileFor(s.data, undefined);
    s.pristine = true;
    this.emit(['data', 'text']);
  }

  setTarget(target: TargetId, format = 'default'): void {
    this.state.target = target;
    this.state.format = format;
    this.emit(['target']);
  }

  setOption(flag: CliFlag, value: OptionValue | undefined): void {
    if (value === undefined) delete this.state.options[flag];
    else this.state.options[flag] = value;
    this.emit(['target']);
  }
}
