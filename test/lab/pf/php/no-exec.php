<?php
// Loaded first by both harnesses. php runs with -d disable_functions=<these names>, which removes
// PHP's own functions, and this file defines harmless ones in their place: no command ever runs on
// this machine (pfSense and OPNsense call pfctl, ifconfig, pgrep, ...), nothing reaches the host's
// syslog, and sleep() returns at once. Every call is recorded for the harness's report.

$GLOBALS['lab_calls'] = [];

function lab_record(string $what): void
{
    $GLOBALS['lab_calls'][] = $what;
}

function exec($command, &$output = null, &$result_code = null)
{
    lab_record("exec: $command");
    $output = [];
    $result_code = 127;
    return false;
}

function shell_exec($command)
{
    lab_record("shell_exec: $command");
    return null;
}

function system($command, &$result_code = null)
{
    lab_record("system: $command");
    $result_code = 127;
    return false;
}

function passthru($command, &$result_code = null)
{
    lab_record("passthru: $command");
    $result_code = 127;
    return false;
}

function proc_open($command, $descriptors, &$pipes, $cwd = null, $env = null, $options = null)
{
    lab_record('proc_open: ' . (is_array($command) ? implode(' ', $command) : $command));
    return false;
}

function popen($command, $mode)
{
    lab_record("popen: $command");
    return false;
}

function pcntl_exec($path, $args = [], $env = [])
{
    lab_record("pcntl_exec: $path");
    return false;
}

function openlog($prefix, $flags, $facility)
{
    return true;
}

function closelog()
{
    return true;
}

function syslog($priority, $message)
{
    lab_record("syslog: $message");
    return true;
}

function sleep($seconds)
{
    lab_record("sleep: $seconds");
    return 0;
}

/** The -d disable_functions value that goes with this file. */
const LAB_DISABLED = 'exec,shell_exec,system,passthru,proc_open,popen,pcntl_exec,openlog,closelog,syslog,sleep';

/** Prints the result as JSON and exits 0; any uncaught error exits non-zero before this. */
function lab_output(array $result): void
{
    $result['calls'] = $GLOBALS['lab_calls'];
    echo json_encode($result, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE | JSON_THROW_ON_ERROR), "\n";
}
