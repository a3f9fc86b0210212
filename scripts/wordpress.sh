#!/usr/bin/env bash
# A real self-hosted WordPress on this machine, for the application-password tests and the demo:
# Debian's WordPress package, its own MariaDB on a private socket (no network port) and PHP's
# built-in server on 127.0.0.1, all in a throwaway folder. Nothing system-wide beyond the packages.
#
#   scripts/wordpress.sh start       start one (installs the packages when missing, as root), or
#                                    say where the running one is; prints its URL and log-ins
#   scripts/wordpress.sh stop        stop it by its process IDs and delete its folder
#   scripts/wordpress.sh status      print the URL and exit 0 when it runs, exit 3 when not
#   scripts/wordpress.sh state       print the state file (JSON: url, pids, folder, users…)
#   scripts/wordpress.sh permalinks pretty|plain
#                                    pretty: the REST API at /wp-json/ (the default here);
#                                    plain: only at /index.php?rest_route=/ (a fresh install's)
#   scripts/wordpress.sh switch none|rest-disabled|app-passwords-off
#                                    put the running site into a state a real site can be in
#                                    (scripts/wordpress/mu-plugin.php reads an option that
#                                    switch.php sets; every start begins at none):
#                                    rest-disabled: the REST API refuses visitors who are not
#                                    logged in, as the "Disable REST API" plugin does: 401
#                                    {"code":"rest_cannot_access","message":"Only authenticated
#                                    users can access the REST API.","data":{"status":401}};
#                                    app-passwords-off: wp_is_application_passwords_available is
#                                    false: the index's "authentication" is [] (an empty array)
#
# The site: WordPress 6.1 (bookworm), WP_ENVIRONMENT_TYPE=local (so application passwords work
# over plain http), users admin/admin-password (administrator), author/author-password,
# subscriber/subscriber-password, each with a seeded application password (in the state file),
# and 21 published posts (3 pages of 10). docs/real-wordpress.md says what it answers.
#
# Env: WORDPRESS_PORT (default: a free port), WORDPRESS_STATE (the state file, default
# target/wordpress/state.json; one site per state file), WORDPRESS_PERMALINKS (pretty|plain),
# WORDPRESS_WORKERS (PHP server processes, default 4), WORDPRESS_NO_INSTALL=1 (never apt-get),
# WORDPRESS_TEMPLATE (the database later starts copy, default target/wordpress/template).
# Exit codes: 0 ok, 1 failure, 3 not running (status), 4 the packages are missing and cannot be
# installed here (not root, no apt-get, or apt-get failed): tests skip on 4 only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
HERE=$ROOT/scripts/wordpress

STATE=${WORDPRESS_STATE:-$ROOT/target/wordpress/state.json}
STATE_DIR=$(dirname "$STATE")
PACKAGES=(mariadb-server php-cli php-mysql wordpress)
WP_SOURCE=/usr/share/wordpress
ADMIN=admin
TITLE='wpcom-wasm test site'
# The installed, seeded database that later starts copy (shared by every state file).
TEMPLATE=${WORDPRESS_TEMPLATE:-$ROOT/target/wordpress/template}
# A small, fast database: durability does not matter for a throwaway site.
MARIADB_TUNING=(--innodb-buffer-pool-size=32M --innodb-log-file-size=8M
  --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --skip-log-bin)
export PATH="$PATH:/usr/sbin:/sbin"

log() { printf '[wordpress] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# --- packages ---------------------------------------------------------------------------------

packages_present() {
  command -v mariadbd >/dev/null && command -v mariadb-install-db >/dev/null \
    && command -v mariadb >/dev/null && command -v php >/dev/null \
    && php -r 'exit(extension_loaded("mysqli") ? 0 : 1);' 2>/dev/null \
    && [ -f "$WP_SOURCE/wp-settings.php" ]
}

# Installs Debian's packages when missing (as root, like scripts/setup.sh the browsers); exits 4
# when they are missing and cannot be installed.
ensure_packages() {
  packages_present && return 0
  if [ "${WORDPRESS_NO_INSTALL:-}" = 1 ] || [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    log "missing packages: ${PACKAGES[*]}; install them as root (apt-get install -y ${PACKAGES[*]})"
    exit 4
  fi
  log "apt-get install ${PACKAGES[*]} (about a minute)"
  # The packages' scripts try to start MariaDB and Apache; in containers invoke-rc.d refuses,
  # which is fine: this script starts its own database and needs no Apache.
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      -o DPkg::Lock::Timeout=300 "${PACKAGES[@]}" >/dev/null; } || ! packages_present; then
    log "apt-get could not install ${PACKAGES[*]}"
    exit 4
  fi
}

# --- state ------------------------------------------------------------------------------------

# Prints field $1 of the state file (a dotted path: url, pids.php, folder…), or nothing.
state_get() {
  [ -f "$STATE" ] || return 0
  php -r '$s = json_decode(file_get_contents($argv[1]), true); foreach (explode(".", $argv[2]) as $k) { $s = is_array($s) && array_key_exists($k, $s) ? $s[$k] : null; } if (is_scalar($s)) echo $s;' \
    "$STATE" "$1" 2>/dev/null || true
}

# Whether process $1 runs and its command line contains $2 (a recycled pid is not ours; an
# exited one that nobody reaped yet has an empty command line).
alive() {
  local cmd
  [ -n "$1" ] && cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline") && [[ $cmd == *"$2"* ]]
}

# Whether the site of the state file runs: both processes alive and the URL answering.
running() {
  local url
  url=$(state_get url)
  [ -n "$url" ] && alive "$(state_get pids.mariadb)" mariadbd && alive "$(state_get pids.php)" 'php -S' \
    && curl -s -o /dev/null --max-time 5 "$url/wp-login.php"
}

# Stops process group $1 (each server runs in its own session, so PHP's workers go with it):
# TERM, then KILL after 5 s.
stop_group() {
  local pid=$1 what=$2
  alive "$pid" "$what" || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    alive "$pid" "$what" || return 0
    sleep 0.1
  done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}

# Removes folder $1 if it is one of ours (made by mktemp below).
remove_folder() {
  case "$1" in
    */wpcom-wordpress.*) rm -rf -- "$1" ;;
    '') ;;
    *) log "not removing $1: not a folder this script made" ;;
  esac
}

# Stops whatever the state file lists and forgets it.
stop_site() {
  stop_group "$(state_get pids.php)" 'php -S'
  stop_group "$(state_get pids.mariadb)" mariadbd
  remove_folder "$(state_get folder)"
  rm -f "$STATE"
}

print_site() {
  php -r '$s = json_decode(file_get_contents($argv[1]), true);
    echo "WordPress ", $s["version"], ": ", $s["url"], "/  (REST API: ", $s["restRoot"], ")\n";
    echo "  log in at ", $s["url"], "/wp-login.php as\n";
    foreach ($s["users"] as $u) printf("    %-10s / %-20s %-13s application password: %s\n", $u["login"], $u["password"], $u["role"], $u["applicationPassword"]["password"]);
    echo "  state: ", $argv[1], "\n";' "$STATE"
}

# --- start ------------------------------------------------------------------------------------

# Waits up to $1 tenths of a second for command $2… to succeed.
wait_for() {
  local tries=$1
  shift
  for _ in $(seq 1 "$tries"); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}

free_port() {
  php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); $n = stream_socket_get_name($s, false); echo substr($n, strrpos($n, ":") + 1);'
}

# Starts MariaDB on $W/db (already filled) in its own session; sets MARIADB_PID.
start_mariadb() {
  # setsid: its own session and process group (stop kills the group); fds 8, 9 (locks) closed.
  setsid mariadbd --no-defaults --datadir="$W/db" --socket="$W/run/mariadb.sock" --skip-networking \
    --user="$(id -un)" --pid-file="$W/run/mariadb.pid" --log-error="$W/logs/mariadb.log" \
    "${MARIADB_TUNING[@]}" </dev/null >>"$W/logs/mariadb.log" 2>&1 8>&- 9>&- &
  MARIADB_PID=$!
  wait_for 300 mariadb-admin --socket="$W/run/mariadb.sock" -uroot ping || die "MariaDB did not start"
}

# Puts scripts/wordpress/mu-plugin.php into site folder $1's wp-content/mu-plugins (always on).
# Removed first: the site's files may be hard links to the package's, never written in place.
install_mu_plugin() {
  mkdir -p "$1/wp-content/mu-plugins"
  rm -f "$1/wp-content/mu-plugins/wpcom-wasm-switch.php"
  cp "$HERE/mu-plugin.php" "$1/wp-content/mu-plugins/wpcom-wasm-switch.php"
}

# Runs SQL $1 as MariaDB's root over the socket.
sql() { mariadb --socket="$W/run/mariadb.sock" -uroot -e "$1"; }

# What the template depends on: a change to any of these makes the next start a fresh install.
# (The mu-plugin and switch.php are not in it: they write nothing during the install, and every
# start copies the mu-plugin into its own site.)
template_key() {
  {
    cat "$0" "$HERE/seed.php" "$HERE/permalinks.php" "$HERE/cli.php" "$WP_SOURCE/wp-includes/version.php"
    mariadbd --version
  } | sha256sum | cut -c1-16
}

# Keeps the installed, seeded database (cleanly shut down) as the template of later starts.
save_template() {
  mariadb-admin --socket="$W/run/mariadb.sock" -uroot shutdown
  wait "$MARIADB_PID" || true # our child: returns once it has exited
  local tmp="$TEMPLATE.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  cp -a "$W/db" "$tmp/db"
  cp "$W/users.json" "$tmp/users.json"
  printf '%s\n' "$1" >"$tmp/url"
  template_key >"$tmp/key"
  # Sites of other state files may be copying it: swap it under the template's lock.
  exec 8>"$TEMPLATE.lock"
  flock 8
  rm -rf "$TEMPLATE"
  mv "$tmp" "$TEMPLATE"
  exec 8>&-
  start_mariadb
}

start_site() {
  local permalinks=${WORDPRESS_PERMALINKS:-pretty}
  case "$permalinks" in pretty | plain) ;; *) die "WORDPRESS_PERMALINKS must be pretty or plain" ;; esac
  ensure_packages
  local started=$SECONDS fresh=1
  W=$(mktemp -d "${TMPDIR:-/tmp}/wpcom-wordpress.XXXXXX")
  mkdir -p "$W/run" "$W/logs" "$(dirname "$TEMPLATE")"
  MARIADB_PID='' PHP_PID=''
  # On any failure or interruption: stop what started, delete the folder, show the logs' ends.
  trap 'on_failure' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  # 1. The database: its own data folder and socket, no TCP port. A fresh one takes ~6 s to
  #    create (plus ~5 s to install WordPress into it), so later starts copy the template.
  exec 8>"$TEMPLATE.lock"
  flock 8
  if [ -f "$TEMPLATE/key" ] && [ "$(cat "$TEMPLATE/key")" = "$(template_key)" ]; then
    fresh=0
    cp -a "$TEMPLATE/db" "$W/db"
    cp "$TEMPLATE/users.json" "$W/users.json"
    cp "$TEMPLATE/url" "$W/template-url"
  fi
  exec 8>&-
  if [ "$fresh" = 1 ]; then
    log "a fresh install (the next start reuses it as a template)"
    mariadb-install-db --datadir="$W/db" --user="$(id -un)" --auth-root-authentication-method=normal \
      --skip-test-db --skip-name-resolve "${MARIADB_TUNING[@]}" >"$W/logs/mariadb-install.log" 2>&1 \
      || die "mariadb-install-db failed"
    start_mariadb
    sql "CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wp.* TO 'wp'@'localhost';"
  else
    start_mariadb
  fi

  # 2. The site: Debian's WordPress with our own wp-config.php (Debian's looks for
  #    /etc/wordpress/config-<host>.php). Hard links when the file system allows (instant; no
  #    file of it is written in place: updates and file edits are off), else a copy.
  local port=${WORDPRESS_PORT:-$(free_port)}
  local url="http://127.0.0.1:$port"
  cp -al "$WP_SOURCE" "$W/site" 2>/dev/null || { rm -rf "$W/site"; cp -r "$WP_SOURCE" "$W/site"; }
  # Debian's package links some files into other packages with relative links (underscore.js ->
  # ../../../javascript/…, getID3's modules): pointed at from the copy they would dangle, so they
  # are made absolute (wp-login.php's scripts need underscore).
  (cd "$WP_SOURCE" && find . -type l) | while IFS= read -r link; do
    ln -sfn "$(readlink -f "$WP_SOURCE/$link")" "$W/site/$link"
  done
  rm -f "$W/site/wp-config.php"
  local salts
  salts=$(php -r 'foreach (["AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT"] as $k) printf("define(%s, %s);\n", var_export($k, true), var_export(bin2hex(random_bytes(32)), true));')
  cat >"$W/site/wp-config.php" <<EOF
<?php
// Written by scripts/wordpress.sh for a throwaway local site.
define('DB_NAME', 'wp');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:$W/run/mariadb.sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
\$table_prefix = 'wp_';
// Fresh random keys and salts for every start.
$salts
// "local": application passwords work over plain http only in a local environment.
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HOME', '$url');
define('WP_SITEURL', '$url');
// No network here: no update checks or calls to wordpress.org, no cron over loopback HTTP;
// no updates or file edits (the site's files are hard links to the package's).
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISALLOW_FILE_MODS', true);
define('DISABLE_WP_CRON', true);
define('WP_DEBUG', false);
if (!defined('ABSPATH')) {
    define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
EOF
  install_mu_plugin "$W/site"

  # 3. PHP's built-in server with the router (Apache's rewrite rules for WordPress), several
  #    workers so that a browser's parallel requests do not queue.
  PHP_CLI_SERVER_WORKERS=${WORDPRESS_WORKERS:-4} setsid php -S "127.0.0.1:$port" -t "$W/site" "$HERE/router.php" \
    </dev/null >"$W/logs/php.log" 2>&1 8>&- 9>&- &
  PHP_PID=$!
  # Ours must have said it listens (a taken port would be answered by whoever holds it).
  wait_for 100 grep -q "Development Server ($url) started" "$W/logs/php.log" && alive "$PHP_PID" 'php -S' \
    || die "PHP's server did not start on $url$(grep -q 'Failed to listen' "$W/logs/php.log" && echo ': the port is taken')"
  wait_for 100 curl -s -o /dev/null "$url/wp-login.php" || die "PHP's server did not answer on $url"

  if [ "$fresh" = 1 ]; then
    # 4. Install as a browser would: POST the install form.
    local answer
    answer=$(curl -s --max-time 120 "$url/wp-admin/install.php?step=2" \
      --data-urlencode "weblog_title=$TITLE" --data-urlencode "user_name=$ADMIN" \
      --data-urlencode "admin_password=$ADMIN-password" --data-urlencode "admin_password2=$ADMIN-password" \
      --data-urlencode "pw_weak=1" --data-urlencode "admin_email=$ADMIN@example.test" \
      --data-urlencode "blog_public=0" --data-urlencode "language=")
    grep -q 'Success!' <<<"$answer" \
      || die "install.php did not say Success!: $(sed -e 's/<[^>]*>//g' <<<"$answer" | tr -s ' \n' ' ' | cut -c1-300)"
    # 5. Users with application passwords, posts, pretty permalinks; then keep it as the template.
    php "$HERE/seed.php" "$W/site" "$url" "$ADMIN" >"$W/users.json" 2>"$W/logs/seed.log" || die "seeding failed"
    php "$HERE/permalinks.php" "$W/site" "$url" pretty >/dev/null 2>>"$W/logs/seed.log" || die "setting permalinks failed"
    save_template "$url"
  else
    # 4. The template's URLs (the port it was made on) become this one's.
    local old
    old=$(cat "$W/template-url")
    if [ "$old" != "$url" ]; then
      sql "UPDATE wp.wp_options SET option_value = REPLACE(option_value, '$old', '$url') WHERE option_name IN ('siteurl', 'home');
        UPDATE wp.wp_posts SET guid = REPLACE(guid, '$old', '$url'), post_content = REPLACE(post_content, '$old', '$url');
        UPDATE wp.wp_users SET user_url = REPLACE(user_url, '$old', '$url');"
    fi
  fi
  local rest_root
  rest_root=$(php "$HERE/permalinks.php" "$W/site" "$url" "$permalinks" 2>>"$W/logs/seed.log") || die "setting permalinks failed"

  mkdir -p "$STATE_DIR"
  php -r 'include $argv[1] . "/site/wp-includes/version.php";
    echo json_encode([
      "url" => $argv[2], "restRoot" => $argv[3], "permalinks" => $argv[4], "switch" => "none", "version" => $wp_version,
      "folder" => $argv[1], "pids" => ["php" => (int) $argv[5], "mariadb" => (int) $argv[6]],
      "socket" => $argv[1] . "/run/mariadb.sock", "logs" => $argv[1] . "/logs",
      "users" => json_decode(file_get_contents($argv[1] . "/users.json"), true),
    ], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";' \
    "$W" "$url" "$rest_root" "$permalinks" "$PHP_PID" "$MARIADB_PID" >"$STATE.tmp"
  mv "$STATE.tmp" "$STATE"
  trap - EXIT INT TERM
  log "started in $((SECONDS - started)) s"
}

on_failure() {
  local status=$?
  trap - EXIT INT TERM
  [ "$status" = 0 ] && return 0
  for f in "$W"/logs/*.log; do
    [ -s "$f" ] && { log "--- ${f##*/} (last lines)"; tail -n 15 "$f" >&2; }
  done
  stop_group "$PHP_PID" 'php -S'
  stop_group "$MARIADB_PID" mariadbd
  remove_folder "$W"
  rm -rf "$TEMPLATE.tmp.$$"
  exit "$status"
}

# --- main -------------------------------------------------------------------------------------

command=${1:-}
case "$command" in
  start | stop | status | state | permalinks | switch) ;;
  *)
    sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac

# One command at a time per state file (two test files starting at once get one site).
mkdir -p "$STATE_DIR"
exec 9>"$STATE.lock"
flock 9

case "$command" in
  start)
    if running; then
      log "already running"
    else
      [ -f "$STATE" ] && { log "cleaning up a site that no longer runs"; stop_site; }
      start_site
    fi
    print_site
    ;;
  stop)
    if [ -f "$STATE" ]; then
      stop_site
      log "stopped"
    else
      log "not running"
    fi
    ;;
  status)
    if running; then
      state_get url
      echo
    else
      log "not running"
      exit 3
    fi
    ;;
  state)
    running || { log "not running"; exit 3; }
    cat "$STATE"
    ;;
  permalinks)
    mode=${2:-}
    [ "$mode" = pretty ] || [ "$mode" = plain ] || die "usage: scripts/wordpress.sh permalinks pretty|plain"
    running || { log "not running"; exit 3; }
    root=$(php "$HERE/permalinks.php" "$(state_get folder)/site" "$(state_get url)" "$mode")
    php -r '$s = json_decode(file_get_contents($argv[1]), true); $s["permalinks"] = $argv[2]; $s["restRoot"] = $argv[3];
      file_put_contents($argv[1] . ".tmp", json_encode($s, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES) . "\n");' "$STATE" "$mode" "$root"
    mv "$STATE.tmp" "$STATE"
    echo "$root"
    ;;
  switch)
    mode=${2:-}
    case "$mode" in
      none | rest-disabled | app-passwords-off) ;;
      *) die "usage: scripts/wordpress.sh switch none|rest-disabled|app-passwords-off" ;;
    esac
    running || { log "not running"; exit 3; }
    # A site started before the mu-plugin existed gets it now.
    install_mu_plugin "$(state_get folder)/site"
    now=$(php "$HERE/switch.php" "$(state_get folder)/site" "$(state_get url)" "$mode") || die "switching to $mode failed"
    php -r '$s = json_decode(file_get_contents($argv[1]), true); $s["switch"] = $argv[2];
      file_put_contents($argv[1] . ".tmp", json_encode($s, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES) . "\n");' "$STATE" "$now"
    mv "$STATE.tmp" "$STATE"
    echo "$now"
    ;;
esac
