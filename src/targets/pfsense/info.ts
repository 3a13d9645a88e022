import type { TargetInfo } from '../types.js';

export const info = {
  id: 'pfsense',
  description: 'pfSense: config.xml <nat> port forwards with linked <filter> pass rules (--merge into a backup)',
  formats: { default: { extension: 'xml', description: 'XML for Diagnostics > Backup & Restore' } },
  router: { names: 'interface-id', wan: 'wan', lan: 'lan' },
  // pfSense sets no limit on a port forward's description; 255 bytes as stored (after entity
  // encoding) keep the GUI list readable.
  comments: { what: 'rule description', max: 255, limit: '255 bytes as stored' },
  cli: { merge: { kind: 'file', alias: 'm', describe: "merge into this exported config.xml (replaces only this profile's rules)" } },
  state: {
    export: 'cat /cf/conf/config.xml',
    // Short flags only: an XML comment cannot hold "--".
    checkLater: (diff) => `${diff} -F config-backup.xml   (Diagnostics > Backup & Restore, or /cf/conf/config.xml)`,
  },
} as const satisfies TargetInfo;
