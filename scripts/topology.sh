#!/usr/bin/env bash
# The platform as it runs for real, on one machine: a PostgreSQL primary and a streaming replica
# (pg_basebackup -R), two or more platform servers (writes to the primary, reads to the replica) and HAProxy in
# front, health-checking each server's /readyz. Everything lives in one folder and on loopback ports of its own;
# `down` stops only what `up` started (the pids and data folders it wrote there). docs/TOPOLOGY.md explains it.
#
#   bash scripts/topology.sh up | down | status
#   bash scripts/topology.sh server-stop N | server-start N     one platform server (SIGKILL with KILL=1)
#   bash scripts/topology.sh replica-stop | replica-start | primary-restart
#
# Settings (environment): ITD_TOPOLOGY_DIR (default ${TMPDIR:-/tmp}/itd-topology), ITD_TOPOLOGY_PORT_BASE
# (default 25400: primary +32, replica +33, balancer +80, servers +81, +82, …), ITD_TOPOLOGY_SERVERS (2).
# Every other variable (RATE_LIMIT_MAX, DATABASE_READ_MAX_LAG_SECONDS, …) reaches the platform servers as is.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${ITD_TOPOLOGY_DIR:-${TMPDIR:-/tmp}/itd-topology}"
base="${ITD_TOPOLOGY_PORT_BASE:-25400}"
servers="${ITD_TOPOLOGY_SERVERS:-2}"
primary_port=$((base + 32))
replica_port=$((base + 33))
balancer_port=$((base + 80))
server_port() { echo $((base + 80 + $1)); }
primary_url="postgres://postgres@127.0.0.1:${primary_port}/itd"
replica_url="postgres://postgres@127.0.0.1:${replica_port}/itd"

say() { printf '%s\n' "$*" >&2; }

pg_bin() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$found" ] || { say "PostgreSQL server binaries not found (apt-get install postgresql)"; exit 1; }
  echo "$found"
}

# PostgreSQL refuses to run as root: its commands run as the postgres user when we are root.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_packages() {
  if ! command -v haproxy >/dev/null 2>&1; then
    say "installing haproxy (Debian package)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
  fi
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    say "installing the PostgreSQL server (Debian package)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
}

pg_ctl_in() { as_postgres "$(pg_bin)/pg_ctl" -D "$1" -l "$1.log" -w -t 60 "${@:2}" >/dev/null; }

start_primary() {
  local data="$dir/primary"
  if [ ! -d "$data" ]; then
    as_postgres "$(pg_bin)/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = ${primary_port}
unix_socket_directories = '${dir}'
wal_level = replica
max_wal_senders = 6
wal_keep_size = 256MB
hot_standby = on
max_connections = 200
shared_buffers = 128MB
fsync = on
EOF
  fi
  pg_ctl_in "$data" start
}

start_replica() {
  local data="$dir/replica"
  if [ ! -d "$data" ]; then
    # A copy of the primary that follows it: -R writes primary_conninfo and standby.signal.
    as_postgres "$(pg_bin)/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$data" -R -X stream -c fast
    echo "port = ${replica_port}" >>"$data/postgresql.conf"
  fi
  pg_ctl_in "$data" start
}

start_server() {
  local n="$1" port
  port="$(server_port "$n")"
  if [ -f "$dir/server-$n.pid" ] && kill -0 "$(cat "$dir/server-$n.pid")" 2>/dev/null; then return; fi
  # Every server shares the platform key (second factors, group files) and trusts the balancer's X-Forwarded-For.
  (
    cd "$root"
    export PORT="$port" HOST=127.0.0.1 DATABASE_URL="$primary_url" DATABASE_READ_URL="$replica_url"
    export ITD_DATA_DIR="$dir/data" ITD_SECRET_KEY="$(cat "$dir/platform.key")" TRUST_PROXY=true
    export PUBLIC_URL="http://127.0.0.1:${balancer_port}"
    exec node bin/itd.mjs serve </dev/null >>"$dir/server-$n.log" 2>&1
  ) &
  echo $! >"$dir/server-$n.pid"
}

wait_ready() {
  local url="$1" what="$2"
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  say "$what did not become ready ($url)"
  return 1
}

write_balancer_config() {
  {
    cat <<EOF
global
  maxconn 4000
  pidfile ${dir}/haproxy.pid
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # Group live streams (server-sent events) stay open for up to 30 minutes.
  timeout tunnel 35m
  option redispatch
  retries 3
  # A request a server could not answer (connection refused or reset, the process killed) goes to another one;
  # only methods that change nothing are sent twice.
  retry-on conn-failure empty-response response-timeout
frontend itd
  bind 127.0.0.1:${balancer_port}
  option forwardfor
  http-request disable-l7-retry unless METH_GET || METH_HEAD
  default_backend platform
backend platform
  balance roundrobin
  option httpchk GET /readyz
  http-check expect status 200
  # A server busy under load answers its check late but is up; a dead one refuses at once.
  timeout check 10s
  default-server inter 1s fastinter 500ms downinter 1s fall 3 rise 2 on-marked-down shutdown-sessions
EOF
    for n in $(seq 1 "$servers"); do
      echo "  server itd$n 127.0.0.1:$(server_port "$n") check"
    done
  } >"$dir/haproxy.cfg"
}

up() {
  ensure_packages
  mkdir -p "$dir" && chmod 755 "$dir"
  # PostgreSQL's data folders, logs and sockets are written by the postgres user.
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  [ -f "$dir/platform.key" ] || (umask 077 && openssl rand -hex 32 >"$dir/platform.key")
  start_primary
  as_postgres "$(pg_bin)/psql" -h 127.0.0.1 -p "$primary_port" -U postgres -qtAc \
    "select 1 from pg_database where datname = 'itd'" | grep -q 1 ||
    as_postgres "$(pg_bin)/createdb" -h 127.0.0.1 -p "$primary_port" -U postgres itd
  start_replica
  # Migrations first, once, so the servers start on an up-to-date database (they would take turns anyway).
  (cd "$root" && DATABASE_URL="$primary_url" ITD_DATA_DIR="$dir/data" node bin/itd.mjs migrate >>"$dir/migrate.log" 2>&1)
  for n in $(seq 1 "$servers"); do start_server "$n"; done
  for n in $(seq 1 "$servers"); do wait_ready "http://127.0.0.1:$(server_port "$n")/readyz" "server $n"; done
  write_balancer_config
  if ! [ -f "$dir/haproxy.pid" ] || ! kill -0 "$(cat "$dir/haproxy.pid")" 2>/dev/null; then
    haproxy -f "$dir/haproxy.cfg" -D </dev/null >>"$dir/haproxy.log" 2>&1
  fi
  wait_ready "http://127.0.0.1:${balancer_port}/readyz" "the balancer"
  status
}

stop_pidfile() {
  local file="$1" signal="${2:-TERM}" pid
  [ -f "$file" ] || return 0
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -"$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$file"
}

down() {
  [ -d "$dir" ] || { say "nothing started in $dir"; return 0; }
  stop_pidfile "$dir/haproxy.pid"
  for file in "$dir"/server-*.pid; do [ -e "$file" ] && stop_pidfile "$file"; done
  for data in "$dir/replica" "$dir/primary"; do
    [ -f "$data/postmaster.pid" ] && as_postgres "$(pg_bin)/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  done
  if [ "${KEEP:-0}" = 1 ]; then say "stopped; kept $dir"; else rm -rf "$dir"; say "stopped and removed $dir"; fi
}

state_of_pid() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null && echo "running (pid $(cat "$1"))" || echo "stopped"; }
state_of_pg() { as_postgres "$(pg_bin)/pg_isready" -h 127.0.0.1 -p "$1" -q && echo "accepting connections" || echo "stopped"; }

status() {
  echo "folder       $dir"
  echo "primary      ${primary_url}   $(state_of_pg "$primary_port")"
  echo "replica      ${replica_url}   $(state_of_pg "$replica_port")"
  for n in $(seq 1 "$servers"); do
    echo "server $n     http://127.0.0.1:$(server_port "$n")/   $(state_of_pid "$dir/server-$n.pid")"
  done
  echo "balancer     http://127.0.0.1:${balancer_port}/   $(state_of_pid "$dir/haproxy.pid")"
  local ready
  ready="$(curl -fsS "http://127.0.0.1:${balancer_port}/readyz" 2>/dev/null || true)"
  [ -n "$ready" ] && echo "readyz       $ready"
  return 0
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  server-stop) stop_pidfile "$dir/server-${2:?server number}.pid" "$([ "${KILL:-0}" = 1 ] && echo KILL || echo TERM)" ;;
  server-start)
    start_server "${2:?server number}"
    wait_ready "http://127.0.0.1:$(server_port "$2")/readyz" "server $2"
    ;;
  replica-stop) as_postgres "$(pg_bin)/pg_ctl" -D "$dir/replica" -m fast -w stop >/dev/null ;;
  replica-start) pg_ctl_in "$dir/replica" start ;;
  primary-restart) pg_ctl_in "$dir/primary" -m fast restart ;;
  *)
    say "usage: bash scripts/topology.sh up|down|status|server-stop N|server-start N|replica-stop|replica-start|primary-restart"
    exit 2
    ;;
esac
