<?php
// Seeds a freshly installed WordPress (scripts/wordpress.sh start): users of three roles, each
// with an application password, and enough posts for paging. Run with PHP's CLI:
//   php seed.php SITE_DIR URL ADMIN_LOGIN > users.json
// Prints the users as JSON: [{ login, password, role, id, email, applicationPassword:
// { name, uuid, password } }]. The administrator already exists (install.php created it).
if (PHP_SAPI !== 'cli' || $argc !== 4) {
    fwrite(STDERR, "usage: php seed.php SITE_DIR URL ADMIN_LOGIN\n");
    exit(2);
}
[, $site, $url, $admin_login] = $argv;
$parts = parse_url($url);
$_SERVER['HTTP_HOST'] = $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : '');
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = $parts['host'];
require $site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

function fail($message) {
    fwrite(STDERR, "seed: $message\n");
    exit(1);
}

$users = [
    ['login' => $admin_login, 'password' => $admin_login . '-password', 'role' => 'administrator', 'display_name' => 'Ada Admin'],
    ['login' => 'author', 'password' => 'author-password', 'role' => 'author', 'display_name' => 'Arthur Author'],
    ['login' => 'subscriber', 'password' => 'subscriber-password', 'role' => 'subscriber', 'display_name' => 'Sam Subscriber'],
];
$out = [];
foreach ($users as $u) {
    $existing = get_user_by('login', $u['login']);
    $fields = [
        'user_login' => $u['login'],
        'user_pass' => $u['password'],
        'user_email' => $u['login'] . '@example.test',
        'display_name' => $u['display_name'],
        'role' => $u['role'],
        'description' => $u['display_name'] . ', seeded by scripts/wordpress.sh.',
    ];
    if ($existing) {
        $fields['ID'] = $existing->ID;
        $id = wp_update_user($fields);
    } else {
        $id = wp_insert_user($fields);
    }
    if (is_wp_error($id)) {
        fail($u['login'] . ': ' . $id->get_error_message());
    }
    // The first application password also turns on the site's `using_application_passwords`
    // flag: until a site has one, core ignores Basic credentials altogether.
    $created = WP_Application_Passwords::create_new_application_password($id, [
        'name' => 'seeded by scripts/wordpress.sh',
        'app_id' => wp_generate_uuid4(),
    ]);
    if (is_wp_error($created)) {
        fail($u['login'] . ': ' . $created->get_error_message());
    }
    [$password, $item] = $created;
    $out[] = [
        'login' => $u['login'],
        'password' => $u['password'],
        'role' => $u['role'],
        'id' => $id,
        'email' => $fields['user_email'],
        'displayName' => $u['display_name'],
        'applicationPassword' => [
            'name' => $item['name'],
            'uuid' => $item['uuid'],
            'appId' => $item['app_id'],
            // As WordPress shows it to the user: groups of four joined by spaces.
            'password' => WP_Application_Passwords::chunk_password($password),
        ],
    ];
}

// Posts: 20 published (half by the administrator, half by the author, one a day back from
// 2026-01-20), one draft and one private, beside install's "Hello world!". With the default
// 10 per page, /wp/v2/posts has 21 published posts over 3 pages.
$by = [$out[0]['id'], $out[1]['id']];
for ($i = 1; $i <= 20; $i++) {
    $id = wp_insert_post([
        'post_title' => sprintf('Seeded post %02d', $i),
        'post_content' => "<!-- wp:paragraph -->\n<p>Paragraph of seeded post $i.</p>\n<!-- /wp:paragraph -->",
        'post_excerpt' => "Excerpt of seeded post $i.",
        'post_status' => 'publish',
        'post_author' => $by[$i % 2],
        'post_date' => gmdate('Y-m-d H:i:s', strtotime('2026-01-20 12:00:00') - $i * 86400),
    ], true);
    if (is_wp_error($id)) {
        fail($id->get_error_message());
    }
}
foreach (['draft' => 'A seeded draft', 'private' => 'A seeded private post'] as $status => $title) {
    $id = wp_insert_post(['post_title' => $title, 'post_content' => "<p>$title.</p>", 'post_status' => $status, 'post_author' => $by[0]], true);
    if (is_wp_error($id)) {
        fail($id->get_error_message());
    }
}

echo json_encode($out, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";
