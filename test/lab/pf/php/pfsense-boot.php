<?php
// The start every pfSense harness shares, included at the top level (so that upstream files keep
// their globals) after the harness has set $src and $work from its arguments: the stand-ins
// (pfsense-shadow/) ahead of the upstream sources on the include path (the GUI's includes last,
// for the harnesses that edit rules as its pages do), the upstream includes, and pfSense's
// var/tmp/conf paths pointed at the work directory.

require __DIR__ . '/no-exec.php';

error_reporting(E_ALL & ~E_WARNING & ~E_NOTICE & ~E_DEPRECATED);

set_include_path(__DIR__ . '/pfsense-shadow' . PATH_SEPARATOR . "$src/etc/inc" . PATH_SEPARATOR . "$src/usr/local/pfSense/include/www");
require_once('globals.inc');
require_once('config.inc');
require_once('pfsense-utils.inc');
require_once('interfaces.inc');
require_once('gwlb.inc');
require_once('filter.inc');

foreach (['tmp_path', 'varetc_path', 'varrun_path', 'vardb_path', 'varlog_path', 'conf_path', 'cf_conf_path'] as $path) {
    g_set($path, $work, true);
}
