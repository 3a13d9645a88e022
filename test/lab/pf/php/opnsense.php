<?php
// Runs OPNsense's own PHP on a config.xml and prints, as JSON, what the router would load into pf:
// usage: php -d disable_functions=... -d open_basedir=... opnsense.php UPSTREAM_SRC CONFIG_XML WORK_DIR
//   UPSTREAM_SRC  the unpacked OPNsense core src/ (see ../upstream.ts)
//   WORK_DIR      an empty directory: the config is read from WORK_DIR/conf/config.xml
// Upstream code that runs: OPNsense\Core\Config (loads config.xml with SimpleXML, and config.inc's
// parse_config turns it into the legacy array), the Destination NAT model OPNsense\Firewall\DNat
// with performValidation(true) (every rule validated, as on save), and the firewall plugin system
// as filter_configure_sync() sets it up: filter_core_get_initialized_plugin_system (interfaces,
// gateways), filter_core_bootstrap (the system rules, including the filter rule every DNat rule
// with <pass>rule</pass> registers), filter_core_rules_user (the legacy <filter><rule>s), the pf
// plugin's pf_firewall (the MVC Firewall > Rules), and every DNat rule registered as a forward
// rule the way filter_configure_sync does it (the loop below is copied from there, since that
// function also loads the ruleset with pfctl). ForwardRule and FilterRule render the pf lines.
// What is stubbed, and why, is in opnsense-shadow/ and ../README.md.

[, $src, $configFile, $work] = $argv;
$opnIncludes = ['filter.inc', 'plugins.inc.d/pf.inc'];
require __DIR__ . '/opnsense-boot.php';

global $config;
if (!is_array($config) || !isset($config['interfaces'])) {
    fwrite(STDERR, "opnsense.php: OPNsense\\Core\\Config did not load the file: " . implode('; ', $GLOBALS['lab_calls']) . "\n");
    exit(4);
}

$validation = [];
foreach ((new OPNsense\Firewall\DNat())->performValidation(true) as $message) {
    $validation[] = ['field' => $message->getField(), 'message' => $message->getMessage()];
}

$fw = filter_core_get_initialized_plugin_system();
filter_core_bootstrap($fw);
pf_firewall($fw);
filter_core_rules_user($fw);
foreach ((new OPNsense\Firewall\DNat())->rule->sortedBy(['sequence']) as $key => $rule) {
    $node = $rule->getNodeContent();
    $node['local-port'] = $rule->{'local-port'}->normalizedPort();
    $fw->registerDestinationNatRule(600, $node);
}

$ifaces = [];
foreach ($fw->getInterfaceMapping() as $name => $i) {
    $ifaces[$name] = ['if' => $i['if'] ?? null, 'descr' => $i['descr'] ?? null, 'ip' => $i['ifconfig']['ipv4'][0]['ipaddr'] ?? null];
}

lab_output([
    'ifaces' => $ifaces,
    'nat' => $fw->outputNatRules(),
    'filter' => $fw->outputFilterRules(),
    'validation' => $validation,
    'config' => $config,
]);
