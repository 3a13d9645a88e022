<?php
// Runs pfSense's own PHP on a config.xml and prints, as JSON, what the router would load into pf:
// usage: php -d disable_functions=... pfsense.php UPSTREAM_SRC CONFIG_XML WORK_DIR
//   UPSTREAM_SRC  the unpacked pfSense src/ (see ../upstream.ts)
//   WORK_DIR      an empty directory: pfSense's var/tmp paths point there
// Upstream code that runs: xmlparse.inc parse_xml_config (the parser pfSense reads config.xml
// with), filter.inc filter_generate_optcfg_array (the interface list), filter_generate_aliases
// (the interface macros and tables), filter_nat_rules_generate (every NAT rule, port forwards and
// their reflection included), and filter_generate_user_rule for each rule of the Firewall > Rules
// list, visited in pfSense's own order (get_filter_rules_map) as filter_rules_generate does.
// What is stubbed, and why, is in pfsense-shadow/ (one file per upstream file it stands in for)
// and ../README.md.

[, $src, $configFile, $work] = $argv;
require __DIR__ . '/pfsense-boot.php';

// The Net_IPv6 stand-in must answer, or every IPv6 source would be silently skipped.
if (!is_ipaddrv6('2001:db8::1') || is_subnet('2001:db8::/48') !== 6) {
    fwrite(STDERR, "pfsense.php: IPv6 address checks do not work (Net/IPv6.php)\n");
    exit(3);
}

global $config, $FilterIflist, $PFConfig;
$config = parse_xml_config($configFile, ['pfsense']);
if (!is_array($config)) {
    fwrite(STDERR, "pfsense.php: parse_xml_config rejected the file: " . implode('; ', $GLOBALS['lab_calls']) . "\n");
    exit(4);
}

filter_generate_optcfg_array();
filter_generate_aliases();
filter_nat_rules_generate();

$filter = [];
foreach (get_filter_rules_map() as $category) {
    foreach ($category as $group) {
        foreach ($group as $rules) {
            foreach ($rules as $rule) {
                if (isset($rule['disabled'])) {
                    continue;
                }
                $families = ($rule['ipprotocol'] ?? '') === 'inet46' ? ['inet', 'inet6'] : [null];
                foreach ($families as $family) {
                    if ($family !== null) {
                        $rule['ipprotocol'] = $family;
                    }
                    $filter[] = ['descr' => $rule['descr'] ?? '', 'pf' => filter_generate_user_rule($rule)];
                }
            }
        }
    }
}

$ifaces = [];
foreach ($FilterIflist as $name => $i) {
    $ifaces[$name] = ['if' => $i['if'] ?? null, 'descr' => $i['descr'] ?? null, 'ip' => $i['ip'] ?? null, 'sn' => $i['sn'] ?? null];
}

// The comment lines PFConfig prints above each category ("# NAT Inbound Redirects" in #### banners).
$headings = [];
foreach (get_defined_constants() as $name => $value) {
    if (str_starts_with($name, 'PFCONFIG_') && is_array($value) && !empty($value['description'])) {
        foreach ([true, false] as $banner) {
            foreach (explode(PHP_EOL, $PFConfig->wrap_comment($value['description'], $banner)) as $line) {
                $headings[$line] = true;
            }
        }
    }
}

lab_output([
    'ifaces' => $ifaces,
    'aliases' => $PFConfig->get_config_from_categories([PFCONFIG_ALL_ALIAS_RULES['id']]),
    'nat' => $PFConfig->get_config_from_categories([PFCONFIG_ALL_NAT_RULES['id']]),
    'filter' => $filter,
    'config' => $config,
    'headings' => array_keys($headings),
    'notices' => $GLOBALS['lab_notices'] ?? [],
]);
