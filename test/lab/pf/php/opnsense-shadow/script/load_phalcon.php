<?php
// Shadows OPNsense's mvc/script/load_phalcon.php, which reads the application config from
// /usr/local/opnsense/mvc/app/config/config.php. The same settings, pointing into the lab's work
// directory (config.xml in WORK/conf), and OPNsense's own simulate_mode, which its configd client
// honours: no configd daemon runs here, so its calls return nothing instead of waiting for one.
require_once('app/config/AppConfig.php');
require_once('app/library/OPNsense/Autoload/Loader.php');

$lab = $GLOBALS['opn_lab'];
$phalcon_config = new OPNsense\Core\AppConfig([
    'application' => [
        'controllersDir' => "{$lab['mvc']}/app/controllers/",
        'modelsDir' => "{$lab['mvc']}/app/models/",
        'viewsDir' => "{$lab['mvc']}/app/views/",
        'libraryDir' => "{$lab['mvc']}/app/library/",
        'configDefault' => "{$lab['work']}/conf/config.xml",
        'cacheDir' => "{$lab['work']}/cache",
        'tempDir' => "{$lab['work']}/tmp",
        'configDir' => "{$lab['work']}/conf",
    ],
    'globals' => ['debug' => false, 'owner' => 'root:wheel', 'simulate_mode' => true],
]);

(new OPNsense\Autoload\Loader([
    $phalcon_config->application->controllersDir,
    $phalcon_config->application->modelsDir,
    $phalcon_config->application->libraryDir,
]))->register();
