#!/usr/bin/env bash
# Makes sure the MariaDB and Redis named by DATABASE_URL / REDIS_URL answer.
# Uses them when they do; on this machine, when they are local and missing, installs them
# from Debian's packages and starts them; otherwise prints the one command that would.
set -euo pipefail

DATABASE_URL=${DATABASE_URL:-mysql://oms:oms@127.0.0.1:3306/oms}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}

url_part() { node -e 'const u=new URL(process.argv[1]); console.log(u[process.argv[2]] || process.argv[3])' "$1" "$2" "$3"; }
DB_HOST=$(url_part "$DATABASE_URL" hostname 127.0.0.1)
DB_PORT=$(url_part "$DATABASE_URL" port 3306)
REDIS_HOST=$(url_part "$REDIS_URL" hostname 127.0.0.1)
REDIS_PORT=$(url_part "$REDIS_URL" port 6379)

say() { printf '[services] %s\n' "$*"; }
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
is_local() { [[ "$1" == "127.0.0.1" || "$1" == "localhost" || "$1" == "::1" ]]; }
can_install() { [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; }

wait_for_port() {
  for _ in $(seq 1 60); do port_open "$1" "$2" && return 0; sleep 0.5; done
  return 1
}

apt_install() {
  if [[ ! -f /tmp/.oms-apt-updated ]]; then apt-get update -qq && touch /tmp/.oms-apt-updated; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_mariadb() {
  if port_open "$DB_HOST" "$DB_PORT"; then say "MariaDB answers at $DB_HOST:$DB_PORT"; return; fi
  if ! is_local "$DB_HOST" || ! can_install; then
    say "MariaDB does not answer at $DB_HOST:$DB_PORT. Start it, or on Debian/Ubuntu run:"
    say "  sudo apt-get install -y mariadb-server && sudo service mariadb start"
    exit 1
  fi
  if ! command -v mariadbd >/dev/null; then say "installing mariadb-server"; apt_install mariadb-server; fi
  [[ -d /var/lib/mysql/mysql ]] || mariadb-install-db --user=mysql >/dev/null
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  # The service wrappers refuse to run inside containers; the daemon itself does not.
  say "starting MariaDB on port $DB_PORT"
  nohup mariadbd --user=mysql --port="$DB_PORT" >/tmp/oms-mariadb.log 2>&1 &
  wait_for_port "$DB_HOST" "$DB_PORT" || { say "MariaDB did not start; see /tmp/oms-mariadb.log"; exit 1; }
}

# The app connects over TCP with the user in DATABASE_URL; root on a fresh Debian install
# only logs in through the unix socket, so create that user there when it is missing.
ensure_database_user() {
  local checked=0
  node scripts/check-database.js "$DATABASE_URL" 2>/dev/null || checked=$?
  if [[ $checked -eq 0 ]]; then return; fi
  if [[ $checked -eq 3 ]]; then node scripts/check-database.js "$DATABASE_URL" 2>&1 | sed 's/^/[services] /'; exit 1; fi
  local user pass
  user=$(node -e 'console.log(decodeURIComponent(new URL(process.argv[1]).username))' "$DATABASE_URL")
  pass=$(node -e 'console.log(decodeURIComponent(new URL(process.argv[1]).password))' "$DATABASE_URL")
  if is_local "$DB_HOST" && command -v mariadb >/dev/null && mariadb -uroot -e 'SELECT 1' >/dev/null 2>&1; then
    say "creating database user '$user' with rights on databases oms*"
    mariadb -uroot <<SQL
CREATE USER IF NOT EXISTS '$user'@'localhost' IDENTIFIED BY '$pass';
CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$pass';
GRANT ALL PRIVILEGES ON \`oms%\`.* TO '$user'@'localhost';
GRANT ALL PRIVILEGES ON \`oms%\`.* TO '$user'@'127.0.0.1';
SQL
    node scripts/check-database.js "$DATABASE_URL" && return
  fi
  say "Cannot log in to MariaDB as '$user'. Create the user, for example:"
  say "  sudo mariadb -e \"CREATE USER '$user'@'%' IDENTIFIED BY '…'; GRANT ALL ON \\\`oms%\\\`.* TO '$user'@'%';\""
  exit 1
}

ensure_redis() {
  if port_open "$REDIS_HOST" "$REDIS_PORT"; then say "Redis answers at $REDIS_HOST:$REDIS_PORT"; return; fi
  if ! is_local "$REDIS_HOST" || ! can_install; then
    say "Redis does not answer at $REDIS_HOST:$REDIS_PORT. Start it, or on Debian/Ubuntu run:"
    say "  sudo apt-get install -y redis-server && sudo service redis-server start"
    exit 1
  fi
  if ! command -v redis-server >/dev/null; then say "installing redis-server"; apt_install redis-server; fi
  say "starting Redis on port $REDIS_PORT"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no >/dev/null
  wait_for_port "$REDIS_HOST" "$REDIS_PORT" || { say "Redis did not start"; exit 1; }
}

ensure_mariadb
ensure_database_user
ensure_redis
