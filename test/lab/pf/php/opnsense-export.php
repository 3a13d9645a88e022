<?php
// Loads a config.xml with OPNsense's own code and saves it as OPNsense does, optionally after a
// change made the way each layout's GUI makes it; prints the saved file (JSON).
// usage: php -d disable_functions=... opnsense-export.php UPSTREAM_SRC CONFIG_XML WORK_DIR LAYOUT DRIFT
//   LAYOUT legacy | mvc
//   DRIFT  none | delete | port:N   (the first port forward tagged synfw:)
//          legacy: the config.inc array as the legacy firewall_nat pages change it (the forward
//                  and its linked <filter> rule), saved with config.inc write_config;
//          mvc:    the Destination NAT model (OPNsense\Firewall\DNat: rule->del, local-port
//                  setValue), serializeToConfig and Config::save, as its API controller does.
// With DRIFT none, Config::save() alone: OPNsense\Core\Config's loader (SimpleXML) and its
// serialiser (__toString: DOMDocument, formatOutput), which writes /conf/config.xml, the file
// System > Configuration > Backups downloads. What is stubbed: see ../README.md.

[, $src, $configFile, $work, $layout, $drift] = $argv;
require __DIR__ . '/opnsense-boot.php';

function lab_fail(string $why): never
{
    fwrite(STDERR, "opnsense-export.php: $why\n");
    exit(5);
}

global $config;
if (!is_array($config) || !isset($config['interfaces'])) {
    lab_fail('OPNsense\\Core\\Config did not load the file: ' . implode('; ', $GLOBALS['lab_calls']));
}

$tagged = fn($descr) => str_starts_with((string)$descr, 'synfw:');
$port = preg_match('/^port:([0-9]+)$/', $drift, $m) ? $m[1] : null;
if ($drift !== 'none' && $drift !== 'delete' && $port === null) {
    lab_fail("unknown drift $drift");
}
$changed = null;

if ($drift === 'none') {
    OPNsense\Core\Config::getInstance()->save();
} elseif ($layout === 'legacy') {
    $id = null;
    foreach ($config['nat']['rule'] ?? [] as $i => $rule) {
        if ($tagged($rule['descr'] ?? '')) {
            $id = $i;
            break;
        }
    }
    if ($id === null) {
        lab_fail('no port forward tagged synfw:');
    }
    $changed = $config['nat']['rule'][$id];
    $linked = $changed['associated-rule-id'] ?? '';
    $filter = array_filter($config['filter']['rule'] ?? [], fn($r) => $linked !== '' && ($r['associated-rule-id'] ?? '') === $linked);
    if (count($filter) !== 1) {
        lab_fail('the forward has no single linked filter rule');
    }
    $f = array_key_first($filter);
    if ($port === null) {
        unset($config['nat']['rule'][$id], $config['filter']['rule'][$f]);
        $config['nat']['rule'] = array_values($config['nat']['rule']);
        $config['filter']['rule'] = array_values($config['filter']['rule']);
    } else {
        $config['nat']['rule'][$id]['local-port'] = $port;
        [$from, $to] = array_pad(explode('-', $changed['destination']['port']), 2, null);
        $config['filter']['rule'][$f]['destination']['port'] = $to === null ? $port : $port . '-' . ((int)$port + (int)$to - (int)$from);
    }
    if (!is_array(write_config('synfw lab drift'))) {
        lab_fail('write_config failed: ' . implode('; ', $GLOBALS['lab_calls']));
    }
} else {
    $mdl = new OPNsense\Firewall\DNat();
    $uuid = null;
    foreach ($mdl->rule->iterateItems() as $key => $node) {
        if ($tagged((string)$node->descr)) {
            $uuid = $key;
            $changed = $node->getNodeContent();
            break;
        }
    }
    if ($uuid === null) {
        lab_fail('no DNat rule tagged synfw:');
    }
    if ($port === null) {
        if (!$mdl->rule->del($uuid)) {
            lab_fail("DNat rule $uuid not deleted");
        }
    } else {
        $mdl->getNodeByReference("rule.$uuid")->{'local-port'}->setValue($port);
    }
    $mdl->serializeToConfig();
    OPNsense\Core\Config::getInstance()->save();
}

lab_output(['xml' => file_get_contents("$work/conf/config.xml"), 'changed' => $changed]);
