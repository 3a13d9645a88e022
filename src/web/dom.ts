// Building the page's elements. Text only ever goes in as text nodes (never innerHTML), so
// whatever a profile holds shows as the characters it is.

type Child = Node | string | number | false | null | undefined;
type Props = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

/** An element: props are attributes ("class", "for", "aria-*"), `on*` functions are listeners, `value`/`checked` properties. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(key.slice(2), v);
    else if (key === 'value' || key === 'checked') (el as unknown as Record<string, unknown>)[key] = v;
    else el.setAttribute(key, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === false || c === null || c === undefined) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/**
 * Replaces `host`'s children with `children`, keeping the element that has the focus (same id)
 * as it is: a field being typed into keeps its text, caret and focus while everything around it
 * is drawn again.
 */
export function replaceKeepingFocus(host: Element, children: Child[]): void {
  const active = document.activeElement;
  const fresh = document.createDocumentFragment();
  append(fresh, children);
  let kept: { el: HTMLElement; start: number | null; end: number | null } | undefined;
  if (active instanceof HTMLElement && active.id && host.contains(active)) {
    const twin = fresh.querySelector(`#${CSS.escape(active.id)}`);
    if (twin) {
      const field = active as HTMLInputElement;
      kept = { el: active, start: 'selectionStart' in field ? field.selectionStart : null, end: 'selectionEnd' in field ? field.selectionEnd : null };
      twin.replaceWith(active);
    }
  }
  host.replaceChildren(fresh);
  if (kept) {
    kept.el.focus({ preventScroll: true });
    try {
      if (kept.start !== null) (kept.el as HTMLInputElement).setSelectionRange(kept.start, kept.end);
    } catch {
      // Checkboxes and number fields have no selection.
    }
  }
}

/** An id from free text (app ids, labels) that stays a valid, unique-enough id. */
export const idOf = (...parts: string[]): string => parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)).join('--');
