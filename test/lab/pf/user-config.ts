// The configuration of "a user's" router: the product's upstream default config.xml as its setup
// leaves it (interfaces assigned, static addresses, gateways), with a second WAN (opt1) and a few
// port forwards and firewall rules of the user's own. synfw's output is merged into this file or
// imported over it; the upstream code then shows what the router would load.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { upstream, type Product } from './upstream.js';

/** OPNsense's two NAT layouts (synfw's default and --format mvc). */
export type Layout = 'legacy' | 'mvc';

export interface UserConfigOptions {
  /** The system-wide NAT reflection default: off (both products' factory setting) or on (pure NAT). */
  reflection: boolean;
}

/** Interface ids of the user's config, and what the lab's stubs report for them. */
export const USER_IFACES = ['wan', 'lan', 'opt1'] as const;

/** Replaces the one occurrence of `find` (throws when there is none or several: the upstream file changed). */
function once(text: string, find: string, replace: string): string {
  const at = text.indexOf(find);
  if (at < 0 || text.indexOf(find, at + 1) >= 0) throw new Error(`user config: expected exactly one ${JSON.stringify(find)} in the upstream default config`);
  return text.slice(0, at) + replace + text.slice(at + find.length);
}

/** Applies `edit` to the one <name>...</name> block inside the one <interfaces> section. */
function inInterface(text: string, name: string, edit: (block: string) => string): string {
  const section = /<interfaces>[\s\S]*?<\/interfaces>/.exec(text)![0];
  const block = new RegExp(`<${name}>[\\s\\S]*?</${name}>`).exec(section)![0];
  return once(text, section, once(section, block, edit(block)));
}

// --- pfSense ---------------------------------------------------------------------------------

const PF_OPT1 = `		<opt1>
			<descr><![CDATA[WAN2]]></descr>
			<enable></enable>
			<if>em2</if>
			<ipaddr>198.51.100.1</ipaddr>
			<subnet>24</subnet>
			<gateway>WAN2GW</gateway>
		</opt1>
`;

const pfGateway = (iface: string, gateway: string, name: string, proto: string, descr: string): string => `		<gateway_item>
			<interface>${iface}</interface>
			<gateway>${gateway}</gateway>
			<name>${name}</name>
			<weight>1</weight>
			<ipprotocol>${proto}</ipprotocol>
			<descr><![CDATA[${descr}]]></descr>
		</gateway_item>
`;

const PF_GATEWAYS = `	<gateways>
${pfGateway('wan', '203.0.113.254', 'WANGW', 'inet', 'ISP 1')}${pfGateway('wan', '2001:db8:ffff::fe', 'WANGWv6', 'inet6', 'ISP 1 IPv6')}${pfGateway('opt1', '198.51.100.254', 'WAN2GW', 'inet', 'ISP 2')}		<defaultgw4>WANGW</defaultgw4>
	</gateways>
`;

/** A port forward as pfSense's GUI saves it (firewall_nat_edit.php). */
const pfForward = (f: { source: string; network: string; port: number; proto: string; target: string; local: number; iface: string; descr: string; id: string }): string => `		<rule>
			<source>
				${f.source}
			</source>
			<destination>
				<network>${f.network}</network>
				<port>${f.port}</port>
			</destination>
			<ipprotocol>inet</ipprotocol>
			<protocol>${f.proto}</protocol>
			<target>${f.target}</target>
			<local-port>${f.local}</local-port>
			<interface>${f.iface}</interface>
			<descr><![CDATA[${f.descr}]]></descr>
			<associated-rule-id>${f.id}</associated-rule-id>
		</rule>
`;

/** A port forward with its linked pass rule (below), and a "rdr pass" forward on the second WAN. */
const PF_NAT_RULES =
  pfForward({ source: '<any></any>', network: 'wanip', port: 2222, proto: 'tcp', target: '192.168.1.50', local: 22, iface: 'wan', descr: 'SSH to the backup box', id: 'nat_65f0a1b2c3d4e1.11111111' }) +
  pfForward({ source: '<address>192.0.2.0/24</address>', network: 'opt1ip', port: 27960, proto: 'udp', target: '192.168.1.51', local: 27960, iface: 'opt1', descr: 'Game server for friends &amp; family', id: 'pass' });

const PF_FILTER_RULES = `		<rule>
			<source>
				<any></any>
			</source>
			<interface>wan</interface>
			<protocol>tcp</protocol>
			<destination>
				<address>192.168.1.50</address>
				<port>22</port>
			</destination>
			<descr><![CDATA[NAT SSH to the backup box]]></descr>
			<associated-rule-id>nat_65f0a1b2c3d4e1.11111111</associated-rule-id>
			<tracker>1710000001</tracker>
		</rule>
		<rule>
			<type>pass</type>
			<interface>wan</interface>
			<ipprotocol>inet</ipprotocol>
			<protocol>udp</protocol>
			<source>
				<any></any>
			</source>
			<destination>
				<network>wanip</network>
				<port>51820</port>
			</destination>
			<descr><![CDATA[WireGuard on the firewall]]></descr>
			<tracker>1710000002</tracker>
		</rule>
		<rule>
			<type>block</type>
			<interface>lan</interface>
			<ipprotocol>inet</ipprotocol>
			<source>
				<address>192.168.1.66</address>
			</source>
			<destination>
				<any></any>
			</destination>
			<descr><![CDATA[Kid's tablet: no internet]]></descr>
			<tracker>1710000003</tracker>
		</rule>
`;

function pfsenseUserConfig(base: string, latestVersion: string, o: UserConfigOptions): string {
  let x = base;
  // A router of this pfSense converts the 2023 default config at its first boot; its downloads
  // carry the current version (the harness runs no upgrade code).
  x = x.replace(/<version>[0-9.]+<\/version>/, `<version>${latestVersion}</version>`);
  x = inInterface(x, 'wan', (b) =>
    [
      ['<ipaddr>dhcp</ipaddr>', '<ipaddr>203.0.113.1</ipaddr>'],
      ['<ipaddrv6>dhcp6</ipaddrv6>', '<ipaddrv6>2001:db8:ffff::1</ipaddrv6>\n\t\t\t<subnetv6>64</subnetv6>\n\t\t\t<gatewayv6>WANGWv6</gatewayv6>'],
      ['<subnet></subnet>', '<subnet>24</subnet>'],
      ['<gateway></gateway>', '<gateway>WANGW</gateway>'],
    ].reduce((t, [a, b2]) => once(t, a!, b2!), b),
  );
  x = inInterface(x, 'lan', (b) =>
    once(once(once(b, '<ipaddrv6>track6</ipaddrv6>', '<ipaddrv6>2001:db8:1::1</ipaddrv6>'), '\t\t\t<track6-interface>wan</track6-interface>\n', ''), '\t\t\t<track6-prefix-id>0</track6-prefix-id>\n', ''),
  );
  x = once(x, '\t</interfaces>\n', `${PF_OPT1}\t</interfaces>\n${PF_GATEWAYS}`);
  x = once(x, '\t\t</outbound>\n\t</nat>', `\t\t</outbound>\n${PF_NAT_RULES}\t</nat>`);
  x = once(x, '\t</filter>', `${PF_FILTER_RULES}\t</filter>`);
  if (o.reflection) x = once(x, '<disablenatreflection>yes</disablenatreflection>', '<enablenatreflectionpurenat>yes</enablenatreflectionpurenat>');
  return x;
}

// --- OPNsense --------------------------------------------------------------------------------

const OPN_OPT1 = `    <opt1>
      <descr>WAN2</descr>
      <enable>1</enable>
      <if>vtnet2</if>
      <ipaddr>198.51.100.1</ipaddr>
      <subnet>24</subnet>
      <gateway>WAN2GW</gateway>
    </opt1>
`;

const opnGateway = (uuid: string, name: string, iface: string, proto: string, gw: string, dflt: boolean): string => `        <gateway_item uuid="${uuid}">
          <disabled>0</disabled>
          <name>${name}</name>
          <descr>${name}</descr>
          <interface>${iface}</interface>
          <ipprotocol>${proto}</ipprotocol>
          <gateway>${gw}</gateway>
          <defaultgw>${dflt ? 1 : 0}</defaultgw>
          <fargw>0</fargw>
          <monitor_disable>1</monitor_disable>
          <monitor_noroute>0</monitor_noroute>
          <monitor/>
          <force_down>0</force_down>
          <priority>255</priority>
          <weight>1</weight>
        </gateway_item>
`;

const OPN_GATEWAYS = `    <Gateways version="1.0.0">
${opnGateway('5b8f4a0e-1d2c-4e3f-8a9b-0c1d2e3f4a01', 'WANGW', 'wan', 'inet', '203.0.113.254', true)}${opnGateway('5b8f4a0e-1d2c-4e3f-8a9b-0c1d2e3f4a02', 'WANGWv6', 'wan', 'inet6', '2001:db8:ffff::fe', true)}${opnGateway('5b8f4a0e-1d2c-4e3f-8a9b-0c1d2e3f4a03', 'WAN2GW', 'opt1', 'inet', '198.51.100.254', false)}    </Gateways>
`;

/** The user's own port forwards and rules, in the layout of each OPNsense generation. */
const OPN_RULES: Record<Layout, { nat: string; filter: string; mvcFilter: string }> = {
  legacy: {
    nat: `    <rule>
      <protocol>tcp</protocol>
      <interface>wan</interface>
      <ipprotocol>inet</ipprotocol>
      <descr>SSH to the backup box</descr>
      <associated-rule-id>nat_65f0a1b2c3d4e1.11111111</associated-rule-id>
      <target>192.168.1.50</target>
      <local-port>22</local-port>
      <source>
        <any>1</any>
      </source>
      <destination>
        <network>wanip</network>
        <port>2222</port>
      </destination>
    </rule>
`,
    filter: `    <rule>
      <type>pass</type>
      <source>
        <any>1</any>
      </source>
      <interface>wan</interface>
      <statetype>keep state</statetype>
      <protocol>tcp</protocol>
      <ipprotocol>inet</ipprotocol>
      <destination>
        <address>192.168.1.50</address>
        <port>22</port>
      </destination>
      <descr>SSH to the backup box</descr>
      <associated-rule-id>nat_65f0a1b2c3d4e1.11111111</associated-rule-id>
    </rule>
    <rule>
      <type>pass</type>
      <interface>wan</interface>
      <ipprotocol>inet</ipprotocol>
      <protocol>udp</protocol>
      <source>
        <any>1</any>
      </source>
      <destination>
        <network>wanip</network>
        <port>51820</port>
      </destination>
      <descr>WireGuard on the firewall</descr>
    </rule>
`,
    mvcFilter: '',
  },
  mvc: {
    nat: `    <rule uuid="0d7c2f4e-6a1b-4c3d-9e8f-7a6b5c4d3e21">
      <sequence>100</sequence>
      <disabled>0</disabled>
      <nordr>0</nordr>
      <interface>wan</interface>
      <ipprotocol>inet</ipprotocol>
      <protocol>tcp</protocol>
      <source>
        <network>any</network>
        <port/>
        <not>0</not>
      </source>
      <destination>
        <network>wanip</network>
        <port>2222</port>
        <not>0</not>
      </destination>
      <target>192.168.1.50</target>
      <local-port>22</local-port>
      <poolopts/>
      <log>0</log>
      <category/>
      <descr>SSH to the backup box</descr>
      <tag/>
      <tagged/>
      <nosync>0</nosync>
      <natreflection/>
      <pass>rule</pass>
      <associated-rule-id/>
    </rule>
`,
    filter: '',
    mvcFilter: `          <rule uuid="0d7c2f4e-6a1b-4c3d-9e8f-7a6b5c4d3e22">
            <enabled>1</enabled>
            <statetype>keep</statetype>
            <sequence>5</sequence>
            <action>block</action>
            <quick>1</quick>
            <interfacenot>0</interfacenot>
            <interface>lan</interface>
            <direction>in</direction>
            <ipprotocol>inet</ipprotocol>
            <protocol>any</protocol>
            <source_net>192.168.1.66</source_net>
            <source_not>0</source_not>
            <destination_net>any</destination_net>
            <destination_not>0</destination_not>
            <log>0</log>
            <description>Kid's tablet: no internet</description>
          </rule>
`,
  },
};

function opnsenseUserConfig(base: string, layout: Layout, o: UserConfigOptions): string {
  let x = base;
  x = inInterface(x, 'wan', (b) =>
    [
      ['<if>mismatch1</if>', '<if>vtnet0</if>'],
      ['<ipaddr>dhcp</ipaddr>', '<ipaddr>203.0.113.1</ipaddr>'],
      ['<ipaddrv6>dhcp6</ipaddrv6>', '<ipaddrv6>2001:db8:ffff::1</ipaddrv6>\n      <subnetv6>64</subnetv6>\n      <gatewayv6>WANGWv6</gatewayv6>'],
      ['<subnet/>', '<subnet>24</subnet>'],
      ['<gateway/>', '<gateway>WANGW</gateway>'],
    ].reduce((t, [a, b2]) => once(t, a!, b2!), b),
  );
  x = inInterface(x, 'lan', (b) =>
    [
      ['<if>mismatch0</if>', '<if>vtnet1</if>'],
      ['<ipaddrv6>idassoc6</ipaddrv6>', '<ipaddrv6>2001:db8:1::1</ipaddrv6>'],
      ['      <track6-interface>wan</track6-interface>\n', ''],
      ['      <track6-prefix-id>0</track6-prefix-id>\n', ''],
    ].reduce((t, [a, b2]) => once(t, a!, b2!), b),
  );
  // The default LAN rules get their uuid when the configuration is first saved; a download has them.
  let n = 0;
  x = x.replace(/^ {10}<rule>$/gm, () => `          <rule uuid="9a1d3c5e-7f20-4b6a-8c4e-1f2a3b4c5d${String(++n).padStart(2, '0')}">`);
  if (n !== 2) throw new Error(`user config: expected the 2 default MVC filter rules, found ${n}`);
  x = once(x, '  </interfaces>\n', `${OPN_OPT1}  </interfaces>\n`);
  x = once(x, '  <OPNsense>\n', `  <OPNsense>\n${OPN_GATEWAYS}`);
  const rules = OPN_RULES[layout];
  x = once(x, '    </outbound>\n  </nat>', `    </outbound>\n${rules.nat}  </nat>`);
  x = once(x, '  <filter>\n  </filter>', `  <filter>\n${rules.filter}  </filter>`);
  if (rules.mvcFilter) x = once(x, '        </rules>\n', `${rules.mvcFilter}        </rules>\n`);
  if (o.reflection) x = once(x, '    <disablenatreflection>yes</disablenatreflection>\n', '');
  return x;
}

/** The user's config.xml for the product (OPNsense: in the given NAT layout). */
export function userConfig(product: Product, layout: Layout, o: UserConfigOptions): string {
  const up = upstream(product);
  const base = readFileSync(up.defaultConfig, 'utf8');
  if (product === 'opnsense') return opnsenseUserConfig(base, layout, o);
  const globals = readFileSync(join(up.src, 'etc', 'inc', 'globals.inc'), 'utf8');
  const latest = /'latest_config' => '([0-9.]+)'/.exec(globals)?.[1];
  if (!latest) throw new Error("pfSense globals.inc: no 'latest_config'");
  return pfsenseUserConfig(base, latest, o);
}

/** The top-level <name> section of a config.xml (one indentation level deep), or undefined. */
function section(xml: string, name: string): RegExpExecArray | null {
  return new RegExp(`^(\\t|  )<${name}>[\\s\\S]*?^\\1</${name}>$`, 'm').exec(xml);
}

/**
 * What restoring the file's NAT and Firewall Rules areas does to the config (pfSense
 * restore_config_section, OPNsense diag_backup.php restore_config_section): each area the file
 * has replaces that section. OPNsense's areas also hold model sections the file lacks (Firewall
 * Rules: OPNsense.Firewall.Filter.rules; NAT: its snatrules, npt, onetoone), which a restore
 * deletes. An area the file does not have is not restored (OPNsense refuses the whole restore).
 */
export function restoreAreas(product: Product, config: string, file: string): string {
  let out = config;
  for (const name of ['nat', 'filter']) {
    const theirs = section(file, name);
    const mine = section(out, name);
    if (!theirs) continue;
    if (!mine) throw new Error(`restore: the config has no <${name}> section`);
    out = out.slice(0, mine.index) + `${mine[1]}${theirs[0].trimStart()}` + out.slice(mine.index + mine[0].length);
    if (product === 'opnsense') {
      const gone = name === 'filter' ? [/^ {8}<rules>[\s\S]*?^ {8}<\/rules>\n/m] : [/^ {8}<snatrules\/>\n/m, /^ {8}<npt\/>\n/m, /^ {8}<onetoone\/>\n/m];
      for (const re of gone) {
        if (!re.test(out)) throw new Error(`restore: no ${re} in the OPNsense config`);
        out = out.replace(re, '');
      }
    }
  }
  return out;
}
