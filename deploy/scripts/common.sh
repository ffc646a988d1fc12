# shellcheck shell=bash
# Shared helpers for test.sh, run.sh and deploy/scripts/services.sh. Source it; do not execute it.
#
# After `wf_init_paths`, these are set (all overridable from the environment where noted):
#   WF_ROOT         repository root
#   WF_DATA         $WF_ROOT/.data            durable local state (gitignored)
#   WF_PG_PORT      WAYFARER_PG_PORT,    default 55432
#   WF_REDIS_PORT   WAYFARER_REDIS_PORT, default 56379
# PostgreSQL keeps its durable defaults (fsync on); Redis runs with appendonly yes.
# WF_PG_STARTED / WF_REDIS_STARTED are read by the scripts that source this file.
# shellcheck disable=SC2034

WF_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

wf_log()  { printf '[wayfarer] %s\n' "$*"; }
wf_warn() { printf '[wayfarer] warning: %s\n' "$*" >&2; }
wf_die()  { printf '[wayfarer] error: %s\n' "$*" >&2; exit 1; }

wf_is_root() { [ "$(id -u)" = 0 ]; }

wf_require_dotnet() {
  command -v dotnet >/dev/null 2>&1 ||
    wf_die "the .NET SDK ('dotnet') is not on PATH; it ships with the machine image (SDK 10.0.x) - add its directory to PATH"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

wf_pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# Installs the Debian packages the project needs when any is missing; runs apt-get update only then.
wf_ensure_packages() {
  local pkgs=(postgresql redis-server) need=() p
  for p in "${pkgs[@]}"; do wf_pkg_installed "$p" || need+=("$p"); done
  if [ "${#need[@]}" -eq 0 ]; then
    return 0
  fi
  wf_is_root || wf_die "missing packages: ${need[*]} - install them as root (apt-get install ${need[*]}) or run this script as root"
  wf_log "installing: ${need[*]}"
  # Without systemd the packages' maintainer scripts would start their own system-wide instances
  # (ports 5432/6379); a temporary policy-rc.d that answers 101 keeps them from starting anything.
  local policy=/usr/sbin/policy-rc.d added_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && added_policy=1
  fi
  local rc=0
  { apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; } || rc=$?
  [ "$added_policy" = 1 ] && rm -f "$policy"
  [ "$rc" = 0 ] || wf_die "apt-get install ${need[*]} failed (exit $rc)"
}

wf_init_paths() {
  WF_DATA=$WF_ROOT/.data
  WF_PG_PORT=${WAYFARER_PG_PORT:-55432}
  WF_REDIS_PORT=${WAYFARER_REDIS_PORT:-56379}
  WF_PG_ROOT=$WF_DATA/pg
  WF_PGDATA=$WF_PG_ROOT/data
  WF_PG_LOG=$WF_PG_ROOT/postgres.log
  WF_PG_SOCK=$WF_PG_ROOT/run
  # A unix socket path must stay under ~107 bytes; a deep checkout falls back to a short private dir.
  if [ $(( ${#WF_PG_SOCK} + 20 )) -gt 100 ]; then
    WF_PG_SOCK=${TMPDIR:-/tmp}/wayfarer-pg-$(id -u)-$WF_PG_PORT
  fi
  WF_REDIS_DIR=$WF_DATA/redis
  WF_SECRETS=$WF_DATA/secrets.env
  WF_PG_STARTED=0
  WF_REDIS_STARTED=0
  local p
  for p in "$WF_PG_PORT" "$WF_REDIS_PORT"; do
    if ! [[ "$p" =~ ^[0-9]+$ ]] || [ "$p" -lt 1 ] || [ "$p" -gt 65535 ]; then wf_die "invalid port '$p'"; fi
  done
}

# True when something accepts TCP connections on 127.0.0.1:$1.
wf_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints the HTTP status code of GET http://127.0.0.1:$1$2 (or nothing when unreachable).
wf_http_status() {
  local port=$1 path=$2
  # shellcheck disable=SC2016  # the script is expanded by the inner bash, from its arguments
  timeout 5 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$0" || exit 1
    printf "GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n" "$1" "$0" >&3
    IFS=" " read -r _ code _ <&3 && printf "%s" "$code"' "$port" "$path" 2>/dev/null || true
}

# ---------------------------------------------------------------- PostgreSQL

# Sets WF_PG_BIN to the newest installed PostgreSQL's bin directory.
wf_pg_find_bin() {
  [ -n "${WF_PG_BIN:-}" ] && return 0
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && WF_PG_BIN=$(printf '%s\n%s\n' "${WF_PG_BIN:-}" "$d" | sed '/^$/d' | sort -V | tail -n1)
  done
  [ -n "${WF_PG_BIN:-}" ] ||
    wf_die "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin); run as root so the script can install 'postgresql'"
}

# initdb and pg_ctl refuse to run as root: run them as the postgres user then.
wf_as_pg() {
  if wf_is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

wf_pg_ready() {
  wf_pg_find_bin
  "$WF_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$WF_PG_PORT" -t 2
}

# The pid of our postmaster when it runs (per its postmaster.pid), else nothing.
wf_pg_our_pid() {
  local pid
  [ -s "$WF_PGDATA/postmaster.pid" ] || return 0
  pid=$(head -n1 "$WF_PGDATA/postmaster.pid" 2>/dev/null || true)
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
     tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q postgres; then
    printf '%s' "$pid"
  fi
}

wf_pg_init() {
  wf_pg_find_bin
  mkdir -p "$WF_DATA"
  if wf_is_root; then
    install -d -o postgres -g postgres -m 0700 "$WF_PG_ROOT" "$WF_PG_SOCK"
    runuser -u postgres -- test -w "$WF_PG_ROOT" ||
      wf_die "the postgres user cannot reach $WF_PG_ROOT; every parent directory must be searchable by others (chmod o+x)"
  else
    install -d -m 0700 "$WF_PG_ROOT" "$WF_PG_SOCK"
  fi
  if [ ! -s "$WF_PGDATA/PG_VERSION" ]; then
    wf_log "initialising PostgreSQL in $WF_PGDATA"
    rm -rf "$WF_PGDATA"
    # Local (socket) connections are trusted: the socket directory is private (0700) to the server's user.
    wf_as_pg "$WF_PG_BIN/initdb" -D "$WF_PGDATA" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$WF_PG_ROOT/initdb.log" 2>&1 ||
      { tail -n 20 "$WF_PG_ROOT/initdb.log" >&2; wf_die "initdb failed"; }
    printf "\ninclude_if_exists = 'wayfarer.conf'\n" | wf_as_pg tee -a "$WF_PGDATA/postgresql.conf" >/dev/null
  fi
  # Regenerated on every start so a changed port takes effect; durability settings stay at their defaults.
  printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\nmax_connections = 200\n" \
    "$WF_PG_PORT" "$WF_PG_SOCK" | wf_as_pg tee "$WF_PGDATA/wayfarer.conf" >/dev/null
}

# Starts our PostgreSQL unless it already runs; sets WF_PG_STARTED=1 only when this call started it.
wf_pg_start() {
  local pid
  wf_pg_find_bin
  pid=$(wf_pg_our_pid)
  if [ -n "$pid" ]; then
    for _ in $(seq 1 60); do wf_pg_ready && break; sleep 0.5; done
    wf_pg_ready || wf_die "our PostgreSQL (pid $pid, $WF_PGDATA) runs but does not answer on port $WF_PG_PORT; see $WF_PG_LOG"
    wf_log "PostgreSQL already running (pid $pid, port $WF_PG_PORT)"
    return 0
  fi
  wf_port_busy "$WF_PG_PORT" &&
    wf_die "port $WF_PG_PORT is in use by another process; stop it or choose another port with WAYFARER_PG_PORT"
  wf_pg_init
  wf_log "starting PostgreSQL on 127.0.0.1:$WF_PG_PORT"
  if ! wf_as_pg "$WF_PG_BIN/pg_ctl" -D "$WF_PGDATA" -l "$WF_PG_LOG" -w -t 60 start >/dev/null; then
    tail -n 20 "$WF_PG_LOG" >&2 || true
    wf_die "PostgreSQL did not start; see $WF_PG_LOG"
  fi
  WF_PG_STARTED=1
  for _ in $(seq 1 60); do wf_pg_ready && break; sleep 0.5; done
  wf_pg_ready || wf_die "PostgreSQL started but does not accept connections on port $WF_PG_PORT; see $WF_PG_LOG"
}

wf_pg_stop() {
  wf_pg_find_bin
  if [ -n "$(wf_pg_our_pid)" ]; then
    wf_as_pg "$WF_PG_BIN/pg_ctl" -D "$WF_PGDATA" -m fast -w -t 60 stop >/dev/null && wf_log "PostgreSQL stopped"
  else
    wf_log "PostgreSQL not running"
  fi
}

wf_pg_status() {
  local pid; pid=$(wf_pg_our_pid)
  if [ -n "$pid" ]; then
    wf_log "PostgreSQL: running (pid $pid, port $WF_PG_PORT, data $WF_PGDATA)"
  elif [ -s "$WF_PGDATA/PG_VERSION" ]; then
    wf_log "PostgreSQL: stopped (data $WF_PGDATA)"
  else
    wf_log "PostgreSQL: not initialised"
  fi
}

wf_psql() {
  wf_pg_find_bin
  "$WF_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$WF_PG_SOCK" -p "$WF_PG_PORT" -U postgres "$@"
}

# Loads WAYFARER_PG_PASSWORD from the environment, else from .data/secrets.env, else generates and keeps one.
wf_load_secrets() {
  if [ -z "${WAYFARER_PG_PASSWORD:-}" ] && [ -f "$WF_SECRETS" ]; then
    # shellcheck disable=SC1090
    . "$WF_SECRETS"
  fi
  if [ -z "${WAYFARER_PG_PASSWORD:-}" ]; then
    mkdir -p "$WF_DATA"
    WAYFARER_PG_PASSWORD=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    (umask 077 && printf 'WAYFARER_PG_PASSWORD=%s\n' "$WAYFARER_PG_PASSWORD" >"$WF_SECRETS")
    wf_log "generated a PostgreSQL password in $WF_SECRETS"
  fi
  # The API's token signing key and the master key that wraps users' data keys: generated once, kept with the data.
  if [ -z "${WAYFARER_SIGNING_KEY:-}" ]; then
    WAYFARER_SIGNING_KEY=$(head -c 48 /dev/urandom | base64 -w0)
    (umask 077 && printf 'WAYFARER_SIGNING_KEY=%s\n' "$WAYFARER_SIGNING_KEY" >>"$WF_SECRETS")
  fi
  if [ -z "${WAYFARER_MASTER_KEY:-}" ]; then
    WAYFARER_MASTER_KEY=$(head -c 32 /dev/urandom | base64 -w0)
    (umask 077 && printf 'WAYFARER_MASTER_KEY=%s\n' "$WAYFARER_MASTER_KEY" >>"$WF_SECRETS")
  fi
  export WAYFARER_SIGNING_KEY WAYFARER_MASTER_KEY
  [ -f "$WF_SECRETS" ] && chmod 600 "$WF_SECRETS"
  case "$WAYFARER_PG_PASSWORD" in
    *\;*|*\"*|*\'*) wf_die "WAYFARER_PG_PASSWORD must not contain ; or quotes" ;;
  esac
  export WAYFARER_PG_PASSWORD
}

# Creates (idempotently) role 'wayfarer' with the current password and database 'wayfarer' it owns.
wf_pg_ensure_app_db() {
  wf_psql -d postgres -v pw="$WAYFARER_PG_PASSWORD" <<'SQL'
SET client_min_messages = warning;
SELECT 'CREATE ROLE wayfarer LOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wayfarer') \gexec
ALTER ROLE wayfarer WITH LOGIN PASSWORD :'pw';
SELECT 'CREATE DATABASE wayfarer OWNER wayfarer' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'wayfarer') \gexec
-- The non-owner role API requests read under (row-level security); migration 0003 grants it its rights.
SELECT 'CREATE ROLE wayfarer_request NOLOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wayfarer_request') \gexec
GRANT wayfarer_request TO wayfarer;
SQL
  wf_psql -d wayfarer <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SQL
}

wf_pg_connection_string() {
  printf 'Host=127.0.0.1;Port=%s;Database=wayfarer;Username=wayfarer;Password=%s' "$WF_PG_PORT" "$WAYFARER_PG_PASSWORD"
}

# ---------------------------------------------------------------- Redis

wf_redis_cli() { redis-cli -h 127.0.0.1 -p "$WF_REDIS_PORT" "$@"; }
wf_redis_up() { wf_redis_cli ping 2>/dev/null | grep -q PONG; }

# True when the Redis answering on our port is ours (its working directory is ours).
wf_redis_is_ours() {
  local dir
  dir=$(wf_redis_cli config get dir 2>/dev/null | sed -n 2p)
  [ -n "$dir" ] && [ "$dir" -ef "$WF_REDIS_DIR" ]
}

# Starts our Redis unless it already runs; sets WF_REDIS_STARTED=1 only when this call started it.
wf_redis_start() {
  command -v redis-server >/dev/null 2>&1 || wf_die "redis-server not found; run as root so the script can install 'redis-server'"
  install -d -m 0700 "$WF_REDIS_DIR"
  if wf_port_busy "$WF_REDIS_PORT"; then
    if wf_redis_up && wf_redis_is_ours; then
      wf_log "Redis already running (port $WF_REDIS_PORT)"
      return 0
    fi
    wf_die "port $WF_REDIS_PORT is in use by another process; stop it or choose another port with WAYFARER_REDIS_PORT"
  fi
  wf_log "starting Redis on 127.0.0.1:$WF_REDIS_PORT"
  redis-server --daemonize yes --port "$WF_REDIS_PORT" --bind 127.0.0.1 --dir "$WF_REDIS_DIR" \
    --pidfile "$WF_REDIS_DIR/redis.pid" --logfile "$WF_REDIS_DIR/redis.log" --appendonly yes ||
    wf_die "redis-server failed to start; see $WF_REDIS_DIR/redis.log"
  WF_REDIS_STARTED=1
  for _ in $(seq 1 100); do wf_redis_up && break; sleep 0.1; done
  wf_redis_up || { tail -n 20 "$WF_REDIS_DIR/redis.log" >&2 || true; wf_die "Redis did not answer PING on port $WF_REDIS_PORT"; }
}

wf_redis_stop() {
  if wf_redis_up && wf_redis_is_ours; then
    wf_redis_cli shutdown >/dev/null 2>&1 || true
    for _ in $(seq 1 100); do wf_redis_up || break; sleep 0.1; done
    wf_log "Redis stopped"
  else
    wf_log "Redis (ours) not running"
  fi
}

wf_redis_status() {
  if wf_redis_up && wf_redis_is_ours; then
    wf_log "Redis: running (pid $(cat "$WF_REDIS_DIR/redis.pid" 2>/dev/null || echo '?'), port $WF_REDIS_PORT, data $WF_REDIS_DIR)"
  else
    wf_log "Redis: stopped"
  fi
}
