<?php
/**
 * Plugin Name: wpcom-wasm switch
 * Description: Puts this throwaway test site into a state a real site can be in, on demand (scripts/wordpress.sh switch).
 */
// Installed by scripts/wordpress.sh into the site's wp-content/mu-plugins/ (a must-use plugin:
// always on, nothing to activate). It reads the option `wpcom_wasm_switch`, which
// scripts/wordpress/switch.php sets, on every request:
//   none (or no option)  core as it is
//   rest-disabled        what the "Disable REST API" plugin (disable-json-api) does: every REST
//                        request of a visitor who is not logged in gets 401 `rest_cannot_access`
//                        "Only authenticated users can access the REST API." from the
//                        `rest_authentication_errors` filter
//   app-passwords-off    `wp_is_application_passwords_available` is false (as a security plugin
//                        or host turns them off)
// docs/real-wordpress.md says what WordPress answers in each state.

/** The option scripts/wordpress/switch.php sets. */
const WPCOM_WASM_SWITCH_OPTION = 'wpcom_wasm_switch';

function wpcom_wasm_switch() {
    return (string) get_option(WPCOM_WASM_SWITCH_OPTION, 'none');
}

// The plugin's own filter, at its default priority (10): before core's application-password
// (90) and cookie (100) checks.
add_filter('rest_authentication_errors', function ($access) {
    if (wpcom_wasm_switch() !== 'rest-disabled' || is_user_logged_in()) {
        return $access;
    }
    // rest_authorization_required_code(): 401 when not logged in (403 when logged in).
    return new WP_Error('rest_cannot_access', 'Only authenticated users can access the REST API.', ['status' => rest_authorization_required_code()]);
});

add_filter('wp_is_application_passwords_available', function ($available) {
    return wpcom_wasm_switch() === 'app-passwords-off' ? false : $available;
});
