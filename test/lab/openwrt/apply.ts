// Applying synfw's OpenWrt output in the lab router the way its header tells a user to: the sh
// script run with `sh FILE` (and `sh FILE remove`), or the config sections pasted at the end of
// /etc/config/firewall followed by `/etc/init.d/firewall reload`, an earlier paste first deleted
// (every redirect and rule whose name starts with the tag the header names).

import type { ExecResult } from '../lab.js';
import type { OpenWrtRouter } from './runner.js';

export type OpenWrtFormat = 'script' | 'config';

/** The tag the header says every section's name starts with: "... name option starts with 'synfw:home '". */
export function headerTag(text: string): string {
  const m = /name option starts with '([^']*) '/.exec(text);
  if (!m) throw new Error("the header does not say which name prefix marks synfw's sections (\"name option starts with '...'\")");
  return m[1]!;
}

/**
 * Deletes every redirect and rule whose name starts with "$1 " with uci (what a user does by hand,
 * or in LuCI, before pasting a newer version), then commits.
 */
const DELETE_TAGGED = [
  'tag=$1',
  "ids=$(uci -X show firewall | sed -n -e 's/^firewall\\.\\([A-Za-z0-9_]*\\)=redirect$/\\1/p' -e 's/^firewall\\.\\([A-Za-z0-9_]*\\)=rule$/\\1/p')",
  'for id in $ids; do',
  '\tcase "$(uci -q get "firewall.$id.name")" in "$tag "*) uci delete "firewall.$id" ;; esac',
  'done',
  'uci commit firewall',
].join('\n');

/** Applies `text` (first run, or a re-run over an earlier one). */
export function applyOutput(router: OpenWrtRouter, format: OpenWrtFormat, text: string, o: { rerun?: boolean; name?: string } = {}): Promise<ExecResult> {
  if (format === 'script') return router.sh(text, o.name ?? 'synfw.sh');
  const steps = [...(o.rerun ? [DELETE_TAGGED] : []), 'cat >> /etc/config/firewall', '/etc/init.d/firewall reload'];
  return router.run(['/bin/sh', '-ec', steps.join('\n'), 'sh', headerTag(text)], { input: text });
}

/** Removes what `text` added: `sh FILE remove`, or the tagged sections deleted and the firewall reloaded. */
export function removeOutput(router: OpenWrtRouter, format: OpenWrtFormat, text: string): Promise<ExecResult> {
  if (format === 'script') return router.sh(text, 'synfw.sh', ['remove']);
  return router.run(['/bin/sh', '-ec', `${DELETE_TAGGED}\n/etc/init.d/firewall reload`, 'sh', headerTag(text)]);
}
