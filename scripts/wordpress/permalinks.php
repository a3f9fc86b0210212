<?php
// Switches a running site's permalinks (scripts/wordpress.sh permalinks plain|pretty):
//   pretty  /%year%/%monthnum%/%postname%/ — the REST API at /wp-json/ (what most sites have)
//   plain   ?p=123 — the REST API only at /index.php?rest_route=/ (a fresh install's default)
// Prints the REST API root that the site's Link header now announces.
if (PHP_SAPI !== 'cli' || $argc !== 4 || !in_array($argv[3], ['plain', 'pretty'], true)) {
    fwrite(STDERR, "usage: php permalinks.php SITE_DIR URL plain|pretty\n");
    exit(2);
}
[, $site, $url, $mode] = $argv;
$parts = parse_url($url);
$_SERVER['HTTP_HOST'] = $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : '');
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = $parts['host'];
require $site . '/wp-load.php';

global $wp_rewrite;
$wp_rewrite->set_permalink_structure($mode === 'pretty' ? '/%year%/%monthnum%/%postname%/' : '');
// false: rebuild the rules in the database only (there is no .htaccess: the router does that).
flush_rewrite_rules(false);
echo get_rest_url(), "\n";
