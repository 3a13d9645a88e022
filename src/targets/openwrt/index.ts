// OpenWrt target (fw3 and fw4): a POSIX sh script of uci commands (default) or the same sections
// as /etc/config/firewall text (--format config). One named `redirect` section per port or range
// (per allowed source with allowFrom), and for nas.address6 one IPv6 `rule` section per NAS port or
// range; the script first deletes every redirect and rule tagged with this profile, so a re-run
// replaces what an earlier run made, including the sections of apps since removed from the profile.

import { shComment, shComments, shQuote } from '../../render/escape/shell.js';
import { uciComment, uciComments, uciQuote } from '../../render/escape/uci.js';
import { defineTarget } from '../define.js';
import { header } from './header.js';
import { info } from './info.js';
import { buildModel } from './view.js';

export const target = defineTarget(info, { helpers: { shQuote, shComment, shComments, uciQuote, uciComment, uciComments }, model: buildModel, header });
