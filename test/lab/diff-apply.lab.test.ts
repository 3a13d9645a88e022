// Router lab, `synfw apply` and `synfw diff` against real routers: a throwaway OpenSSH server in
// the router's namespace (ssh-router.ts), synfw in the NAS's namespace applying over ssh with the
// system ssh. For iptables (the kernel's netfilter), nftables and OpenWrt (real uci and firewall4,
// the OpenWrt lab's namespace, where sshd runs too), on the home profile and on hairpin.yaml with
// an allowFrom: apply on a clean router, apply again (nothing to do), drift by hand (every rule of
// one WAN port deleted, nftables: the profile's table; a foreign DNAT to the NAS added), `diff` shows exactly that, `apply --dry-run`
// changes nothing, `apply` repairs the drift and leaves the foreign rule, and real traffic passes.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { DiffReport, Port } from '../../src/diff/types.js';
import { compareState } from '../../src/diff/compare.js';
import { expectedFlows } from '../../src/readers/expected.js';
import { planFromText } from '../../src/pipeline.js';
import type { Plan } from '../../src/plan/types.js';
import { BIN, cliEnv } from '../support/run-cli.js';
import { ROOT } from '../support/profiles.js';
import { type ExecResult, Lab, labAvailability, labDescribe, planExpectations } from './lab.js';
import { openwrtAvailability, openwrtRoot } from './openwrt/build.js';
import { OpenWrtRouter } from './openwrt/runner.js';
import { loadTarget } from '../../src/targets/index.js';
import { VERSION } from '../support/profiles.js';
import { groupMismatches, iptablesBase, labOptionsFor, nftablesBase, nftIntegrationCommands, probeGroups, runGroups } from './router.js';
import { SSH_TOOLS, SSHD, sshFiles, startSshd, type SshAccess } from './ssh-router.js';

type Target = 'iptables' | 'nftables' | 'openwrt';

/** hairpin.yaml with an allowFrom (one of the lab's WAN clients inside it, one outside). */
const HAIRPIN_ALLOW = `${readFileSync(`${ROOT}profiles/hairpin.yaml`, 'utf8')}\nallowFrom:\n  - 198.51.100.0/24\n  - "2001:db8:100::/48"\n`;

interface Case {
  name: string;
  /** The profile text, written to the lab for the CLI. */
  text: string;
  plan: Plan;
}

function caseOf(name: string, text: string): Case {
  const r = planFromText(text, `${name}.yaml`);
  if (!r.plan) throw new Error(`${name} does not resolve: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return { name, text, plan: r.plan };
}

const CASES: Case[] = [caseOf('home', readFileSync(`${ROOT}profiles/home.yaml`, 'utf8')), caseOf('hairpin-allow', HAIRPIN_ALLOW)];
/** The forward the drift deletes by hand: tcp 443 in both profiles. */
const DRIFT_PORT = 443;
const FOREIGN_PORT = 8080;

const portLine = (p: Port): string => `${p.family} ${p.proto} ${p.wan ?? '-'} -> ${p.targets.join(',')} from ${p.sources.join(',')}${p.hairpin ? ' hairpin' : ''}`;
/** The plan's ports, as a router that has exactly its flows would report them. */
const planPorts = (plan: Plan, target: Target): string[] =>
  compareState(plan, target, { flows: expectedFlows(plan, target).map((f) => ({ ...f, profile: plan.profile.name, at: 'plan' })), skipped: [] }).same.map(portLine);

/**
 * The commands that drift a router: every synfw rule of tcp DRIFT_PORT deleted (nftables: the
 * profile's whole table, as its sets hold several ports per rule), a foreign DNAT of FOREIGN_PORT
 * to the NAS added.
 */
function driftScript(target: Target, plan: Plan, wanIf: string): string {
  const nas = plan.nas.address;
  if (target === 'nftables') {
    return [
      `nft delete table inet $(nft list tables | sed -n 's/^table inet \\(synfw_[a-z0-9_]*\\)$/\\1/p')`,
      `nft -f - <<'EOF'`,
      'table ip nat {',
      '\tchain prerouting {',
      '\t\ttype nat hook prerouting priority dstnat; policy accept;',
      `\t\tiifname "${wanIf}" tcp dport ${FOREIGN_PORT} counter dnat to ${nas}:80`,
      '\t}',
      '}',
      'EOF',
    ].join('\n');
  }
  if (target === 'iptables') {
    return [
      `iptables-save -t nat | grep -E '^-A synfw-[a-z0-9-]+ .*-p tcp .*--dport ${DRIFT_PORT} ' | sed 's/^-A/-D/' | while read -r rule; do eval "iptables -w -t nat $rule"; done`,
      `iptables -w -t nat -A PREROUTING -i ${wanIf} -p tcp --dport ${FOREIGN_PORT} -j DNAT --to-destination ${nas}:80`,
    ].join('\n');
  }
  return [
    `for s in $(uci -X show firewall | sed -n 's/^firewall\\.\\(synfw_[a-z0-9_]*_tcp_${DRIFT_PORT}\\(_S[0-9]*\\)\\{0,1\\}\\)=redirect$/\\1/p'); do uci delete firewall.$s; done`,
    'uci add firewall redirect >/dev/null',
    "uci set firewall.@redirect[-1].name='port forward from years ago'",
    'uci set firewall.@redirect[-1].target=DNAT',
    'uci set firewall.@redirect[-1].src=wan',
    'uci set firewall.@redirect[-1].dest=lan',
    'uci set firewall.@redirect[-1].proto=tcp',
    `uci set firewall.@redirect[-1].src_dport=${FOREIGN_PORT}`,
    `uci set firewall.@redirect[-1].dest_ip=${nas}`,
    'uci set firewall.@redirect[-1].dest_port=80',
    'uci commit firewall',
    '/etc/init.d/firewall reload',
  ].join('\n');
}

interface Router {
  export(): Promise<string>;
  run(script: string): Promise<ExecResult>;
  stop(): void;
}

async function startRouter(lab: Lab, target: Target, plan: Plan): Promise<{ router: Router; access: SshAccess }> {
  if (target !== 'openwrt') {
    if (target === 'iptables') await iptablesBase(lab);
    else {
      // A router whose forward policy is drop, with the accept the nftables header tells its user to add.
      await nftablesBase(lab);
      const text = (await loadTarget('nftables')).render(plan, { version: VERSION }).text;
      for (const cmd of nftIntegrationCommands(text, 'nft')) await lab.mustIn('rtr', ['sh', '-ec', cmd]);
    }
    const files = await sshFiles(lab, join(lab.dir, 'ssh'));
    await startSshd(lab, files);
    const exportCommand = target === 'iptables' ? 'iptables-save && ip6tables-save' : 'nft -j list ruleset';
    return {
      access: files.access,
      router: {
        export: async () => (await lab.mustIn('rtr', ['sh', '-c', exportCommand])).stdout,
        run: (script) => lab.in('rtr', ['sh', '-ec', script]),
        stop: () => {},
      },
    };
  }
  const { router } = await OpenWrtRouter.start(lab, await openwrtRoot());
  try {
    // sshd inside OpenWrt's mount and pid namespace (its /tmp is the lab's tmp): what it runs sees
    // OpenWrt's uci, fw4 and busybox sh, as a login on the router would. It daemonizes once bound,
    // and dies with the namespace.
    const files = await sshFiles(lab, join(lab.tmp, 'ssh'), '/tmp/ssh');
    await router.must(['/bin/sh', '-ec', `mkdir -p /run/sshd; ${SSHD} -f ${files.config} -E /tmp/ssh/sshd.log`]);
    return {
      access: files.access,
      router: {
        export: () => router.uciExport(),
        run: (script) => router.run(['/bin/sh', '-ec', script]),
        stop: () => router.stop(),
      },
    };
  } catch (e) {
    router.stop();
    throw e;
  }
}

async function scenario(target: Target, c: Case): Promise<void> {
  const { plan } = c;
  const lab = await Lab.create(labOptionsFor(plan, target, { full: true, lanClient: plan.hairpin === true }));
  let router: Router | undefined;
  try {
    const started = await startRouter(lab, target, plan);
    router = started.router;
    const { access } = started;
    await lab.startListeners(planExpectations(plan).listen);
    const profile = join(lab.dir, `${c.name}.yaml`);
    writeFileSync(profile, c.text);
    const synfw = (args: string[], input?: string): Promise<ExecResult> =>
      lab.in('nas', [process.execPath, BIN, ...args], { env: cliEnv(), cwd: ROOT, timeoutMs: 60_000, ...(input !== undefined ? { input } : {}) });
    const apply = (...more: string[]): Promise<ExecResult> =>
      synfw(['apply', profile, '-t', target, '--ssh', access.host, ...access.options.flatMap((o) => ['--ssh-option', o]), '--json', ...more]);
    const diff = async (): Promise<{ r: ExecResult; report: DiffReport }> => {
      const r = await synfw(['diff', profile, '-t', target, '--from', '-', '--json'], await router!.export());
      return { r, report: JSON.parse(r.stdout) as DiffReport };
    };
    const want = planPorts(plan, target);
    const where = (r: ExecResult): string => `${target} ${c.name}: exit ${r.code}\n${r.stderr}`;

    // Without a terminal and without --yes: refused, nothing changed.
    const refused = await apply();
    expect(refused.code, where(refused)).toBe(2);
    expect(refused.stderr).toMatch(/without a confirmation.*nothing was changed/);

    // A clean router: every port of the plan is missing, then applied.
    const first = await apply('--yes');
    expect(first.code, where(first)).toBe(0);
    const before = JSON.parse(first.stdout) as DiffReport;
    expect(before.missing.map(portLine), where(first)).toEqual(want);
    expect([before.stale, before.changed, before.same]).toEqual([[], [], []]);
    expect(first.stderr).toMatch(/done; .* matches profile/);

    const clean = await diff();
    expect(clean.r.code, where(clean.r)).toBe(0);
    expect([clean.report.same.map(portLine), clean.report.skipped, clean.report.foreign]).toEqual([want, [], []]);

    // Again: nothing to do.
    const again = await apply('--yes');
    expect(again.code, where(again)).toBe(0);
    expect(again.stderr).toMatch(/already matches profile .*nothing to do/);

    const probes = await runGroups(lab, probeGroups(plan, lab, { hairpin: plan.hairpin === true }));
    expect(groupMismatches(probes)).toEqual([]);

    // Drift by hand: exactly that in diff.
    const drift = await router.run(driftScript(target, plan, lab.wanIf));
    expect(drift.code, `${drift.stdout}${drift.stderr}`).toBe(0);
    const drifted = await diff();
    expect(drifted.r.code, where(drifted.r)).toBe(3);
    const gone = (p: string): boolean => target === 'nftables' || p.startsWith(`4 tcp ${DRIFT_PORT} `);
    expect(drifted.report.missing.map(portLine)).toEqual(want.filter(gone));
    expect(drifted.report.same.map(portLine)).toEqual(want.filter((p) => !gone(p)));
    expect([drifted.report.stale, drifted.report.changed]).toEqual([[], []]);
    const foreign = drifted.report.foreign.map((f) => `${portLine(f)} ${f.owner} ${f.reasons.join()}`);
    // fw4 reflects every redirect (NAT loopback) unless told not to; the iptables rule is just a DNAT.
    expect(foreign).toEqual([`4 tcp ${FOREIGN_PORT} -> ${plan.nas.address}:80 from any${target === 'openwrt' ? ' hairpin' : ''} null forwards to the NAS`]);

    // --dry-run: the diff, exit 3, nothing changed.
    const dry = await apply('--dry-run');
    expect(dry.code, where(dry)).toBe(3);
    expect((JSON.parse(dry.stdout) as DiffReport).missing).toEqual(drifted.report.missing);
    expect((await diff()).report).toEqual(drifted.report);

    // apply repairs the drift and leaves the foreign rule alone.
    const repair = await apply('--yes');
    expect(repair.code, where(repair)).toBe(0);
    const repaired = await diff();
    expect(repaired.r.code, where(repaired.r)).toBe(0);
    expect(repaired.report.same.map(portLine)).toEqual(want);
    expect(repaired.report.foreign).toEqual(drifted.report.foreign);

    const after = await runGroups(lab, probeGroups(plan, lab, { hairpin: plan.hairpin === true }));
    expect(groupMismatches(after)).toEqual([]);
  } finally {
    router?.stop();
    await lab.destroy();
  }
}

labDescribe('lab: synfw apply and diff over ssh, nftables', labAvailability([...SSH_TOOLS, 'sshd', 'nft']), { timeout: 120_000 }, () => {
  for (const c of CASES) test.concurrent(`nftables ${c.name}: apply, again, drift, diff, repair`, () => scenario('nftables', c));
});

labDescribe('lab: synfw apply and diff over ssh, iptables', labAvailability([...SSH_TOOLS, 'sshd', 'iptables', 'iptables-save', 'ip6tables-save']), { timeout: 120_000 }, () => {
  for (const c of CASES) test.concurrent(`iptables ${c.name}: apply, again, drift, diff, repair`, () => scenario('iptables', c));
});

const openwrt = openwrtAvailability();
const openwrtSsh = openwrt.ok ? labAvailability([...SSH_TOOLS, 'sshd']) : openwrt;
labDescribe('lab: synfw apply and diff over ssh, OpenWrt', openwrtSsh, { timeout: 240_000 }, () => {
  for (const c of CASES) test.concurrent(`openwrt ${c.name}: apply, again, drift, diff, repair`, () => scenario('openwrt', c));
});

