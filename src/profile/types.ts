// The profile as the user writes it (profile-format.md), after schema validation. Field names
// follow the YAML keys exactly; the resolver turns this into a Plan.

export interface AppEntryLong {
  id: string;
  ports?: string[];
  external?: Record<string, number>;
  override?: Record<string, number | string>;
}

export type AppEntry = string | AppEntryLong;

export interface CustomEntry {
  id: string;
  description?: string;
  ports: string[];
  external?: Record<string, number>;
}

export interface RouterSides {
  wan?: string;
  lan?: string;
}

export interface Profile {
  $schema?: string;
  version: 1;
  name?: string;
  nas: {
    address: string;
    address6?: string;
    dsm?: { version?: string; http?: number; https?: number };
  };
  /** wan and lan for every target, and per-target overrides (router.openwrt.wan, ...). */
  router?: RouterSides & { [target: string]: string | RouterSides | undefined };
  apps: AppEntry[];
  custom?: CustomEntry[];
  allowFrom?: string[];
  /** true: on; false: off; absent: the router's own default. */
  hairpin?: boolean;
  allowRisky?: string[];
}
