import type { TargetInfo } from '../types.js';

export const info = {
  id: 'opnsense',
  description: 'OPNsense: config.xml port forwards with linked filter rules (--merge into a backup)',
  formats: {
    default: { extension: 'xml', description: 'legacy <nat><rule> layout (OPNsense up to 25.7)' },
    mvc: { extension: 'xml', description: 'DNat model layout (OPNsense 26.1 and later)' },
  },
  router: { names: 'interface-id', wan: 'wan', lan: 'lan' },
  // The DNat model's DescriptionField: /^(.){1,255}$/ without the u flag, so 255 bytes of the value.
  comments: { what: 'rule description', max: 255, limit: '255 bytes (the Destination NAT model\'s limit)' },
  cli: { merge: { kind: 'file', alias: 'm', describe: "merge into this exported config.xml (replaces only this profile's rules)" } },
  state: {
    export: 'cat /conf/config.xml',
    // Short flags only: an XML comment cannot hold "--".
    checkLater: (diff) => `${diff} -F config-backup.xml   (System > Configuration > Backups, or /conf/config.xml)`,
  },
} as const satisfies TargetInfo;
