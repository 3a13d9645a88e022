// iptables target: a POSIX sh script (default) or iptables-restore --noflush input (--format
// restore). Rules live in chains of the profile's own, hooked from nat PREROUTING/POSTROUTING and
// filter FORWARD (ip6tables FORWARD for nas.address6); re-running either form leaves the same
// ruleset as running it once.

import { iptQuote, restoreComments } from '../../render/escape/iptables.js';
import { shComments, shQuote } from '../../render/escape/shell.js';
import { defineTarget } from '../define.js';
import { header } from './header.js';
import { info } from './info.js';
import { buildModel } from './view.js';

export { chainCommands } from './header.js';

export const target = defineTarget(info, {
  helpers: { shQuote, shComments, iptQuote, restoreComments },
  model: buildModel,
  header,
});
