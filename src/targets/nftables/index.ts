// nftables target: a file for `nft -f` that owns one inet table. The file declares the table,
// deletes it and defines it again in one transaction, so loading it twice equals loading it once
// and a changed profile leaves no stale rule. Nothing outside the table is touched.

import { nftComments, nftString } from '../../render/escape/nft.js';
import { defineTarget } from '../define.js';
import { header } from './header.js';
import { info } from './info.js';
import { buildModel } from './view.js';

export const target = defineTarget(info, { helpers: { nftComments, nftString }, model: buildModel, header });
