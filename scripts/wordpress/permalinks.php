<?php
// Switches a running site's permalinks (scripts/wordpress.sh permalinks plain|pretty):
//   pretty  /%year%/%monthnum%/%postname%/ — the REST API at /wp-json/ (what most sites have)
//   plain   ?p=123 — the REST API only at /index.php?rest_route=/ (a fresh install's default)
// Prints the REST API root that the site's Link header now announces.
const MODES = ['plain', 'pretty'];
require __DIR__ . '/cli.php';

global $wp_rewrite;
$wp_rewrite->set_permalink_structure($mode === 'pretty' ? '/%year%/%monthnum%/%postname%/' : '');
// false: rebuild the rules in the database only (there is no .htaccess: the router does that).
flush_rewrite_rules(false);
echo get_rest_url(), "\n";
