<?php
// Switches a running site into a state a real site can be in (scripts/wordpress.sh switch MODE),
// through the option that scripts/wordpress/mu-plugin.php reads on every request:
//   none               core as it is
//   rest-disabled      the REST API refuses visitors who are not logged in (401 rest_cannot_access)
//   app-passwords-off  wp_is_application_passwords_available is false
// Prints the mode now in force.
const MODES = ['none', 'rest-disabled', 'app-passwords-off'];
require __DIR__ . '/cli.php';

if (!function_exists('wpcom_wasm_switch')) {
    fwrite(STDERR, "switch: the mu-plugin is not installed in $site/wp-content/mu-plugins\n");
    exit(1);
}
if ($mode === 'none') {
    delete_option(WPCOM_WASM_SWITCH_OPTION);
} else {
    update_option(WPCOM_WASM_SWITCH_OPTION, $mode, true);
}
echo wpcom_wasm_switch(), "\n";
