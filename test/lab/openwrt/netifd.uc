// Stand-in for OpenWrt's netifd in the router lab: publishes `network.interface` `dump` on ubus,
// built from /etc/config/network (static interfaces only, all up, l3_device = the `device`
// option). That is all firewall4 asks netifd for: which devices and subnets each network has.
// It reads the file on every call, so a test may change it between firewall reloads.

'use strict';

import { cursor } from 'uci';
import { connect } from 'ubus';
import * as uloop from 'uloop';
import { stdout } from 'fs';

function address(value, netmask) {
	const parts = split(value, '/');
	const addr = parts[0];
	let len = parts[1];
	if (len == null && netmask != null) {
		len = 0;
		for (let octet in split(netmask, '.'))
			for (let bit = 128; bit >= 1; bit /= 2)
				if (+octet & bit)
					len++;
	}
	return { address: addr, mask: +(len ?? (index(addr, ':') >= 0 ? 128 : 32)) };
}

function list(v) {
	return v == null ? [] : (type(v) == 'array' ? v : [ v ]);
}

function dump() {
	const uci = cursor();
	const interfaces = [];
	uci.foreach('network', 'interface', (s) => {
		push(interfaces, {
			interface: s['.name'],
			up: true,
			pending: false,
			available: true,
			autostart: true,
			dynamic: false,
			proto: s.proto ?? 'static',
			device: s.device,
			l3_device: s.device,
			'ipv4-address': map(list(s.ipaddr), (a) => address(a, s.netmask)),
			'ipv6-address': map(list(s.ip6addr), (a) => address(a)),
			'ipv6-prefix': [],
			'ipv6-prefix-assignment': [],
			route: [],
			'dns-server': [],
			'dns-search': [],
			neighbors: [],
			data: {}
		});
	});
	return { interface: interfaces };
}

uloop.init();
const bus = connect();
if (!bus) {
	warn('netifd stand-in: cannot connect to ubus\n');
	exit(1);
}
const obj = bus.publish('network.interface', { dump: { call: () => dump(), args: {} } });
stdout.write('ready\n');
stdout.flush();
uloop.run();
