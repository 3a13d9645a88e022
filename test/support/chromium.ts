// Debian's Chromium for the browser tests (the checklist's HTML, the synfw page): where it is and
// the flags it runs with, headless and quiet (no background networking, updates or sync).
// playwright-core drives it and never downloads a browser of its own. Screenshots for a reviewer
// go to ARTIFACTS.

import { ROOT } from './profiles.js';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Where the browser tests write screenshots and measurements for a person to look at. */
export const ARTIFACTS = `${ROOT}dist/test-artifacts`;
