// Let's Encrypt for the user's own domain: the letsencrypt app forwards exactly WAN 80/tcp to the
// NAS's 80, and the plan carries a note (never a warning) when HTTPS is forwarded without it.

import { describe, expect, it } from 'vitest';
import { planJson, planTable } from '../../src/cli/plan-report.js';
import { planFromText } from '../../src/pipeline.js';
import type { Plan } from '../../src/plan/types.js';

function planOfText(body: string): Plan {
  const r = planFromText(`version: 1\nnas: { address: 192.168.1.10 }\n${body}`, 'p.yaml');
  if (!r.plan) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.plan;
}

/** "WAN->NAS/proto app:label[,...] class" per forward. */
const forwards = (p: Plan) =>
  p.forwards.map((f) => {
    const unencrypted = f.origins.some((o) => o.encrypted === false) ? ' unencrypted' : '';
    return `${f.external.first}->${f.internal.first}/${f.proto} ${f.origins.map((o) => `${o.app}:${o.label}`).join(',')} ${f.exposure}${unencrypted}`;
  });
const noteIds = (p: Plan) => (p.notes ?? []).map((n) => n.id);

describe('letsencrypt app', () => {
  it('forwards exactly WAN 80/tcp to NAS 80/tcp, public and marked unencrypted, with no warning', () => {
    const p = planOfText('apps: [letsencrypt]\n');
    expect(forwards(p)).toEqual(['80->80/tcp letsencrypt:http-01 public unencrypted']);
    expect(p.skipped).toEqual([]);
    expect(p.warnings).toEqual([]);
    expect(p.notes).toEqual([]);
  });

  it('with DSM on WAN 443 it adds only the port 80 forward, and silences the note', () => {
    const without = planOfText('apps:\n  - { id: dsm, ports: [https], external: { https: 443 } }\n');
    expect(noteIds(without)).toEqual(['letsencrypt-port-80']);
    const withIt = planOfText('apps:\n  - { id: dsm, ports: [https], external: { https: 443 } }\n  - letsencrypt\n');
    expect(forwards(withIt)).toEqual(['80->80/tcp letsencrypt:http-01 public unencrypted', '443->5001/tcp dsm:https public']);
    expect(withIt.notes).toEqual([]);
  });

  it('shares one forward with Web Station on 80, which stays risky (accepted in allowRisky)', () => {
    const p = planOfText('apps: [letsencrypt, { id: web-station, ports: [http] }]\nallowRisky: ["web-station:http"]\n');
    expect(forwards(p)).toEqual(['80->80/tcp letsencrypt:http-01,web-station:http risky unencrypted']);
  });
});

describe('the Let\'s Encrypt note', () => {
  it('is a plan note, not a diagnostic, for HTTPS served by DSM without port 80', () => {
    const p = planOfText('apps: [{ id: synology-photos, ports: [https] }]\n');
    expect(p.warnings).toEqual([]);
    expect(p.notes).toHaveLength(1);
    const note = p.notes![0]!;
    expect(note).toMatchObject({ id: 'letsencrypt-port-80', port: 80 });
    expect(note.message).toContain('add "letsencrypt" to apps');
    // It must not nag users of Synology DDNS names, whose certificates need no port 80.
    expect(note.message).toMatch(/^If DSM has a Let's Encrypt certificate for a domain name you own/);
    expect(note.message).toContain('Synology DDNS names (such as NAME.synology.me) renew without port 80');
  });

  it('fires for Web Station and the reverse proxy too, but not without any HTTPS forward', () => {
    expect(noteIds(planOfText('apps: [{ id: web-station, ports: [https] }]\n'))).toEqual(['letsencrypt-port-80']);
    expect(noteIds(planOfText('apps: [reverse-proxy]\n'))).toEqual(['letsencrypt-port-80']);
    expect(noteIds(planOfText('apps: [vpn-server-openvpn, { id: synology-drive-server, ports: [sync] }]\n'))).toEqual([]);
    expect(noteIds(planOfText('apps: [{ id: jellyfin, ports: [https] }]\n'))).toEqual([]);
  });

  it('is quiet when something else forwards WAN 80 to the NAS\'s 80', () => {
    expect(noteIds(planOfText('apps: [dsm, { id: web-station, ports: [http] }]\nallowRisky: ["dsm:http", "web-station:http"]\n'))).toEqual([]);
    expect(noteIds(planOfText('apps: [{ id: dsm, ports: [https] }]\ncustom:\n  - { id: acme, ports: ["70-90/tcp"] }\nallowRisky: [acme]\n'))).toEqual([]);
  });

  it('says where WAN 80 goes when it reaches another NAS port', () => {
    const p = planOfText('apps: [{ id: dsm, ports: [https] }]\ncustom:\n  - { id: web, ports: ["8080/tcp"], external: { "8080/tcp": 80 } }\n');
    expect(p.notes![0]!.message).toContain('this profile sends it to NAS port 8080');
  });

  it('says to drop a remap of letsencrypt, which only works on WAN 80', () => {
    const p = planOfText('apps: [{ id: letsencrypt, external: { http-01: 8080 } }]\n');
    expect(forwards(p)).toEqual(['8080->80/tcp letsencrypt:http-01 public unencrypted']);
    expect(p.notes![0]!.message).toContain('forwards letsencrypt from WAN port 8080 (remove its external remap)');
  });

  it('is shown by `synfw plan` and in the plan JSON', () => {
    const p = planOfText('apps: [{ id: dsm, ports: [https] }]\n');
    expect(planTable(p)).toMatch(/\nNotes:\n {2}If DSM has a Let's Encrypt certificate/);
    expect(JSON.parse(planJson(p)).notes).toEqual([{ id: 'letsencrypt-port-80', message: p.notes![0]!.message }]);
    expect(planTable(planOfText('apps: [vpn-server-openvpn]\n'))).not.toContain('Notes:');
  });
});
