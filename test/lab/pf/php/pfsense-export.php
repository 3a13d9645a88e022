<?php
// Loads a config.xml with pfSense's own code and saves it as pfSense does, optionally after a
// change made through the GUI's own functions; prints the saved file (JSON).
// usage: php -d disable_functions=... pfsense-export.php UPSTREAM_SRC CONFIG_XML WORK_DIR DRIFT
//   DRIFT  none | delete | port:N
//          delete: Firewall > NAT > Port Forward, delete the first rule tagged synfw:
//                  (firewall_nat.inc remove_rdr_rules, as deleteNATrule does, with its linked rule)
//          port:N: set that rule's redirect target port to N, and its linked pass rule's
//                  destination port, in the config array (what the edit page's Save changes)
// Upstream code that runs: xmlparse.inc parse_xml_config (how pfSense reads /conf/config.xml),
// firewall_nat.inc for the change, and config.lib.inc write_config with $write_config_only (its
// config_write_file: dump_xml_config into {cf_conf_path}/config.xml, which is what
// Diagnostics > Backup & Restore downloads). What is stubbed: see ../README.md.

[, $src, $configFile, $work, $drift] = $argv;
require __DIR__ . '/pfsense-boot.php';

// The router's own copy, where the GUI's includes (config.gui.inc) look for it.
copy($configFile, "$work/config.xml");
global $config;
$config = parse_xml_config("$work/config.xml", ['pfsense']);
if (!is_array($config)) {
    fwrite(STDERR, "pfsense-export.php: parse_xml_config rejected the file: " . implode('; ', $GLOBALS['lab_calls']) . "\n");
    exit(4);
}

$changed = null;
if ($drift !== 'none') {
    require_once('firewall_nat.inc');
    $id = null;
    foreach (get_anynat_rules_list('rdr') as $i => $rule) {
        if (str_starts_with($rule['descr'] ?? '', 'synfw:')) {
            $id = $i;
            break;
        }
    }
    if ($id === null) {
        fwrite(STDERR, "pfsense-export.php: no port forward tagged synfw:\n");
        exit(5);
    }
    $changed = get_anynat_rules_list('rdr')[$id];
    if ($drift === 'delete') {
        $changes = [];
        remove_rdr_rules($id, $changes);
        if (!isset($changes['rdr_rules'])) {
            fwrite(STDERR, "pfsense-export.php: remove_rdr_rules removed nothing\n");
            exit(5);
        }
    } elseif (preg_match('/^port:([0-9]+)$/', $drift, $m)) {
        // The fields firewall_nat_edit.php's Save changes for a new target port, in the config
        // array: the forward's local-port and its linked pass rule's destination port.
        // (saveNATrule itself needs the web GUI's guiconfig.inc and interface list.)
        $linked = $changed['associated-rule-id'] ?? '';
        $filterId = get_id($linked, get_filter_rules_list());
        if ($filterId === false) {
            fwrite(STDERR, "pfsense-export.php: the rule to edit has no linked pass rule\n");
            exit(5);
        }
        $nat = get_anynat_rules_list('rdr');
        $nat[$id]['local-port'] = $m[1];
        set_anynat_rules_list('rdr', $nat);
        $filter = get_filter_rules_list();
        // As saveNATrule computes it: the NAS ports are as many as the WAN ports.
        [$from, $to] = array_pad(explode('-', $changed['destination']['port']), 2, null);
        $filter[$filterId]['destination']['port'] = $to === null ? $m[1] : $m[1] . '-' . ((int)$m[1] + (int)$to - (int)$from);
        set_filter_rules_list($filter);
    } else {
        fwrite(STDERR, "pfsense-export.php: unknown drift $drift\n");
        exit(2);
    }
}

if (write_config('synfw lab export', false, true) === false) {
    fwrite(STDERR, "pfsense-export.php: write_config refused\n");
    exit(6);
}
lab_output([
    'xml' => file_get_contents("$work/config.xml"),
    'changed' => $changed,
    'notices' => $GLOBALS['lab_notices'] ?? [],
]);
