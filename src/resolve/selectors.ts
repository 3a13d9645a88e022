// Port selectors in a profile (ports, external, override, allowRisky) name a catalog label or a
// group: a port on both protocols is two catalog entries labelled "<group>-tcp" and "<group>-udp",
// and "bt" selects both, as profile-format.md's `override: { bt: 16882 }` expects.

export function selects(selector: string, label: string): boolean {
  return selector === label || label === `${selector}-tcp` || label === `${selector}-udp`;
}

/** Labels plus the groups they form, for "did you mean" and for listing what an app accepts. */
export function selectorNames(labels: readonly string[]): string[] {
  const groups = new Set<string>();
  for (const l of labels) {
    const m = /^(.+)-(tcp|udp)$/.exec(l);
    if (m) groups.add(m[1]!);
  }
  return [...labels, ...[...groups].filter((g) => !labels.includes(g))];
}

/** The value for `label` in a selector-keyed map (exact label first, then its group). */
export function lookup<T>(map: Record<string, T> | undefined, label: string): T | undefined {
  if (!map) return undefined;
  if (label in map) return map[label];
  const m = /^(.+)-(tcp|udp)$/.exec(label);
  return m && m[1]! in map ? map[m[1]!] : undefined;
}
