<?php
// The start of the scripts that change a running site (permalinks.php, switch.php), included at
// the top level (WordPress must load in the global scope): checks `php SCRIPT SITE_DIR URL MODE`
// against the MODES the script defined, then loads WordPress for SITE_DIR as if serving URL.
// Leaves $site, $url and $mode set.
if (PHP_SAPI !== 'cli' || $argc !== 4 || !in_array($argv[3], MODES, true)) {
    fwrite(STDERR, 'usage: php ' . basename($argv[0]) . ' SITE_DIR URL ' . implode('|', MODES) . "\n");
    exit(2);
}
[, $site, $url, $mode] = $argv;
$parts = parse_url($url);
$_SERVER['HTTP_HOST'] = $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : '');
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = $parts['host'];
require $site . '/wp-load.php';
