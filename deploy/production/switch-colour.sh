#!/usr/bin/env bash
# Blue/green switch for deploy/production (works from any directory).
#
#   ./switch-colour.sh status           live colour, and what each colour runs
#   ./switch-colour.sh deploy [IMAGE]   put IMAGE on the idle colour (default: the image .env
#                                       already names for it), run migrations, wait for
#                                       /readyz, point nginx at it. The old colour keeps
#                                       running as the rollback target.
#   ./switch-colour.sh rollback         point nginx back at the other colour (it must still
#                                       be running and ready). Migrations are NOT undone.
#
# Env: READY_TIMEOUT (seconds to wait for /readyz, default 180).
set -euo pipefail
cd "$(dirname "$0")"

READY_TIMEOUT=${READY_TIMEOUT:-180}
ACTIVE_CONF=/etc/nginx/active/upstream.conf
# .env is the single record of which image each colour runs; a value exported in the
# calling shell would silently override it in Compose.
unset APP_BLUE_IMAGE APP_GREEN_IMAGE

log() { printf '%s  %s\n' "$(date '+%F %T')" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
dc() { docker compose "$@"; }
other() { if [ "$1" = blue ]; then echo green; else echo blue; fi; }
image_var() { echo "APP_$(echo "$1" | tr '[:lower:]' '[:upper:]')_IMAGE"; }
env_value() { sed -n "s/^$1=//p" .env | tail -n 1; }

set_env() { # KEY VALUE: replace or append KEY=VALUE in .env, keeping its owner and mode
  local tmp
  tmp=$(mktemp)
  awk -v k="$1" -v v="$2" '
    index($0, k "=") == 1 { print k "=" v; done = 1; next }
    { print }
    END { if (!done) print k "=" v }' .env > "$tmp"
  cat "$tmp" > .env
  rm -f "$tmp"
}

active_colour() {
  local c
  c=$(dc exec -T nginx head -n 1 "$ACTIVE_CONF" 2>/dev/null | sed -n 's/^# active: //p') || true
  case "$c" in
    blue | green) echo "$c" ;;
    *) die "cannot read the live colour from nginx (is the nginx service running?)" ;;
  esac
}

# Readiness as nginx sees it: same network path and DNS name that live traffic will use.
# Three consecutive passes, so a process that answers once and then crashes is not picked.
wait_ready() {
  local colour=$1 timeout=$2 passes=0 deadline=$((SECONDS + $2))
  log "waiting for app-$colour /readyz (up to ${timeout}s)"
  while [ "$passes" -lt 3 ]; do
    if dc exec -T nginx wget -q -T 3 -O /dev/null "http://app-$colour:3000/readyz" 2>/dev/null; then
      passes=$((passes + 1))
    else
      passes=0
      [ "$SECONDS" -lt "$deadline" ] ||
        die "app-$colour is not ready after ${timeout}s; traffic was not switched. See: docker compose logs app-$colour"
    fi
    sleep 2
  done
}

# Swap the include atomically (mv within one directory), test, then reload: nginx starts
# new workers on the new upstream while old workers finish their in-flight requests.
point_nginx_at() {
  local colour=$1 previous=$2
  if ! dc exec -T nginx sh -c "cp /etc/nginx/upstreams/$colour.conf $ACTIVE_CONF.new &&
      mv $ACTIVE_CONF.new $ACTIVE_CONF && nginx -t -q"; then
    dc exec -T nginx sh -c "cp /etc/nginx/upstreams/$previous.conf $ACTIVE_CONF.new &&
      mv $ACTIVE_CONF.new $ACTIVE_CONF" || true
    die "nginx rejected the configuration for $colour; traffic stays on $previous"
  fi
  dc exec -T nginx nginx -s reload
  log "nginx now sends traffic to $colour"
}

cmd_status() {
  local live c
  live=$(active_colour)
  echo "live colour: $live"
  for c in blue green; do
    printf '  %-5s  %s  %s\n' "$c" "$(env_value "$(image_var "$c")")" \
      "$(dc ps --all --format '{{.State}} {{.Status}}' "app-$c" 2>/dev/null || echo '?')"
  done
}

cmd_deploy() {
  local image=${1:-} live idle var
  live=$(active_colour)
  idle=$(other "$live")
  var=$(image_var "$idle")
  if [ -n "$image" ]; then
    [[ $image =~ ^[A-Za-z0-9][A-Za-z0-9._/:@-]*$ ]] || die "not an image reference: $image"
    set_env "$var" "$image"
    log "$var=$image written to .env"
  fi
  image=$(env_value "$var")
  [ -n "$image" ] || die "$var is not set in .env"
  log "live: $live; deploying $image to $idle"

  # Local-only tags (built on this host) cannot be pulled; that is fine.
  dc pull --quiet --ignore-pull-failures "app-$idle" || true

  # With the NEW image, before it takes traffic. The old colour keeps serving meanwhile,
  # so migrations must be backward compatible (expand first, contract in a later release).
  log "running migrations with $image"
  dc run --rm --no-deps "app-$idle" node dist/cli.js migrate

  dc up -d --no-deps --force-recreate "app-$idle"
  wait_ready "$idle" "$READY_TIMEOUT"
  point_nginx_at "$idle" "$live"
  log "done. $live still runs $(env_value "$(image_var "$live")") for rollback: $0 rollback"
}

cmd_rollback() {
  local live target
  live=$(active_colour)
  target=$(other "$live")
  log "rolling back from $live to $target ($(env_value "$(image_var "$target")"))"
  wait_ready "$target" 30
  point_nginx_at "$target" "$live"
}

[ -f .env ] || die "$(pwd)/.env not found: copy .env.example and fill it in"
docker compose version >/dev/null 2>&1 || die "needs Docker Compose v2 (docker compose)"

# One switch at a time: two concurrent deploys would both target the same idle colour.
if command -v flock >/dev/null 2>&1; then
  exec 9> "${TMPDIR:-/tmp}/bed-oms-switch-colour.lock"
  flock -n 9 || die "another switch-colour.sh is running"
fi

case "${1:-}" in
  status) cmd_status ;;
  deploy) cmd_deploy "${2:-}" ;;
  rollback) cmd_rollback ;;
  *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
