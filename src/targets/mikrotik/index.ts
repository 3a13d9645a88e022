// mikrotik target: a RouterOS script (paste into a terminal or /import) that first removes what this
// profile added before (rules found by their comment tag, address-list entries by their list name),
// then adds dst-nat rules and narrow forward-chain accepts, plus what allowFrom, hairpin and
// nas.address6 need. The v6 menu form (/ip firewall nat) works on v6 and v7.

import { rosComments, rosQuote, rosWord } from '../../render/escape/routeros.js';
import { defineTarget } from '../define.js';
import { header } from './header.js';
import { info } from './info.js';
import { buildModel } from './view.js';

export { removeCommands } from './header.js';

export const target = defineTarget(info, { helpers: { rosComments, rosQuote, rosWord }, model: buildModel, header });
