<?php
// The start every OPNsense harness shares, included at the top level (so that upstream files keep
// their globals) after the harness has set $src, $configFile and $work from its arguments: the work
// directory with the config where OPNsense\Core\Config reads it, the stand-ins (opnsense-shadow/)
// ahead of the upstream sources on the include path, and the upstream includes; $opnIncludes are
// the harness's own, loaded before phalcon.php.

require __DIR__ . '/no-exec.php';

error_reporting(E_ALL & ~E_WARNING & ~E_NOTICE & ~E_DEPRECATED);

foreach (['conf', 'cache', 'tmp'] as $dir) {
    @mkdir("$work/$dir", 0700, true);
}
copy($configFile, "$work/conf/config.xml");
$GLOBALS['opn_lab'] = ['mvc' => "$src/opnsense/mvc", 'work' => $work];

set_include_path(implode(PATH_SEPARATOR, [__DIR__ . '/opnsense-shadow', "$src/etc/inc", "$src/opnsense/mvc"]));
foreach (['config.inc', 'util.inc', 'interfaces.inc', ...($opnIncludes ?? []), 'phalcon.php'] as $opnInclude) {
    require_once($opnInclude);
}
