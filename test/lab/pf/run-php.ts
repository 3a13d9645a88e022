// Runs a product's PHP harness (php/pfsense.php, php/opnsense.php) on a config.xml text and returns
// what it printed. php runs with every command-running function disabled (php/no-exec.php replaces
// them) and with open_basedir limited to the unpacked sources, the harness, the run's own temp
// directory and /etc/protocols: the upstream code cannot run or write anything on this machine.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeExec, exec, labTempDir } from '../lab.js';
import { CACHE_DIR, PHP_DIR, upstream, type Product } from './upstream.js';

/** A PHP value as json_encode prints it (arrays with keys 0..n-1 become lists). */
export type PhpValue = string | number | boolean | null | PhpValue[] | { [key: string]: PhpValue };

export interface PhpIface {
  if: string | null;
  descr: string | null;
  ip: string | null;
}

/** What both harnesses print. */
interface HarnessResult {
  /** Interface id -> device, description, IPv4 address, as the product's interface list has them. */
  ifaces: Record<string, PhpIface>;
  /** The NAT part of the ruleset: pfSense filter_nat_rules_generate, OPNsense outputNatRules. */
  nat: string;
  /** The configuration as legacy code sees it: pfSense parse_xml_config, OPNsense parse_config. */
  config: PhpValue;
  /** Commands, syslog lines and sleeps the upstream code asked for (none of them ran). */
  calls: string[];
}

export interface PfSenseResult extends HarnessResult {
  /** The alias part of the ruleset (interface macros such as WAN = "{ em0 }", tables). */
  aliases: string;
  /** filter_generate_user_rule for each rule of Firewall > Rules, in pfSense's order. */
  filter: { descr: string; pf: string }[];
  /** The heading lines PFConfig prints above each category of the ruleset. */
  headings: string[];
  /** file_notice() calls: rules pfSense skipped, PHP errors. */
  notices: string[];
}

export interface OpnsenseResult extends HarnessResult {
  /** The firewall plugin's filter rules (outputFilterRules). */
  filter: string;
  /** DNat::performValidation(true): one entry per message. */
  validation: { field: string; message: string }[];
}

export type ResultOf<P extends Product> = P extends 'pfsense' ? PfSenseResult : OpnsenseResult;

/** The -d disable_functions list that php/no-exec.php replaces (read from there: one source). */
const DISABLED = /const LAB_DISABLED = '([a-z_,]+)';/.exec(readFileSync(join(PHP_DIR, 'no-exec.php'), 'utf8'))![1]!;

const OPCACHE = join(CACHE_DIR, 'opcache');

/** At most this many php processes at once (the machine has 2 cores, shared). */
const PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= PARALLEL) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function runPhp<P extends Product>(product: P, configXml: string): Promise<ResultOf<P>> {
  return runHarness<ResultOf<P>>(product, `${product}.php`, configXml);
}

/** Runs php/<script> (the product's sources, the config, a work directory, then `args`) and returns the JSON it printed. */
export function runHarness<T>(product: Product, script: string, configXml: string, args: string[] = []): Promise<T> {
  const up = upstream(product);
  mkdirSync(OPCACHE, { recursive: true });
  return slot(async () => {
    const dir = labTempDir();
    try {
      const config = join(dir, 'config.xml');
      const work = join(dir, 'work');
      mkdirSync(work);
      writeFileSync(config, configXml);
      const r = await exec(
        [
          'php',
          '-d', `disable_functions=${DISABLED}`,
          '-d', `open_basedir=${[up.dir, PHP_DIR, dir, '/etc/protocols'].join(':')}`,
          '-d', 'display_errors=stderr',
          '-d', 'memory_limit=512M',
          // Compiled scripts kept on disk between runs (when Debian's php-opcache is there): each
          // run loads about 1 MB of upstream PHP.
          '-d', 'opcache.enable_cli=1',
          '-d', `opcache.file_cache=${OPCACHE}`,
          '-d', 'opcache.file_cache_only=1',
          join(PHP_DIR, script),
          up.src,
          config,
          work,
          ...args,
        ],
        { timeoutMs: 60_000 },
      );
      if (r.code !== 0) throw new Error(`${script} failed: ${describeExec(r)}`);
      try {
        return JSON.parse(r.stdout) as T;
      } catch {
        throw new Error(`${script} printed no JSON: ${describeExec(r)}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
