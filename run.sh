#!/usr/bin/env bash
# Runs Wayfarer on this machine: PostgreSQL and Redis (data kept under .data/), two silos that form a cluster, and the
# API front-end, which reaches the grains through the cluster client. Stays in the foreground.
# Usage: ./run.sh            (Ctrl-C or SIGTERM stops the API, the silos and the servers this run started)
# Environment: WAYFARER_PORT (API, 8080), WAYFARER_SILO_HTTP_PORT (first silo's management port, 8081; the second
#              uses the next), WAYFARER_SILO_PORT (first silo's cluster port, 11111; the second uses the next),
#              WAYFARER_PG_PORT (55432), WAYFARER_REDIS_PORT (56379), WAYFARER_PG_PASSWORD (default: generated once,
#              kept in .data/secrets.env, mode 600, with the API's signing and master keys).
# Safe to run repeatedly; servers that were already running are used and left running.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=deploy/scripts/common.sh
. deploy/scripts/common.sh

API_PORT=${WAYFARER_PORT:-8080}
SILO_HTTP_PORT=${WAYFARER_SILO_HTTP_PORT:-8081}
SILO_PORT=${WAYFARER_SILO_PORT:-11111}
API_URL=http://127.0.0.1:$API_PORT
READY_TIMEOUT_S=${WAYFARER_READY_TIMEOUT:-180}
CONFIGURATION=Release

pids=()
poll_pid=""

# shellcheck disable=SC2317  # invoked through the EXIT trap
stop_group() {
  local pid=$1 name=$2
  if kill -0 -- "-$pid" 2>/dev/null; then
    wf_log "stopping $name"
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 -- "-$pid" 2>/dev/null || return 0; sleep 0.1; done
    wf_warn "$name did not stop within 30s; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
}

# shellcheck disable=SC2317  # invoked through the EXIT trap
# Stops what this run started, newest first: the API, the silos (each drains: grains persist and move), then
# PostgreSQL and Redis (only if this run started them).
cleanup() {
  local rc=$?
  trap - EXIT
  # A second Ctrl-C must not cut the clean-up short and leave servers behind.
  trap "" INT TERM
  if [ -n "$poll_pid" ]; then
    kill "$poll_pid" 2>/dev/null || true
  fi
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    stop_group "${pids[$i]%%:*}" "${pids[$i]#*:}"
  done
  if [ "${WF_PG_STARTED:-0}" = 1 ]; then
    wf_pg_stop || true
  elif [ -n "${WF_PGDATA:-}" ] && [ -n "$(wf_pg_our_pid)" ]; then
    wf_log "leaving PostgreSQL running (it was running before this run)"
  fi
  if [ "${WF_REDIS_STARTED:-0}" = 1 ]; then
    wf_redis_stop || true
  elif [ -n "${WF_REDIS_DIR:-}" ] && wf_redis_up && wf_redis_is_ours; then
    wf_log "leaving Redis running (it was running before this run)"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wf_require_dotnet
wf_ensure_packages
wf_init_paths
for port in "$API_PORT" "$SILO_HTTP_PORT" "$((SILO_HTTP_PORT + 1))" "$SILO_PORT" "$((SILO_PORT + 1))"; do
  [[ "$port" =~ ^[0-9]+$ ]] || wf_die "invalid port '$port'"
  if wf_port_busy "$port"; then
    wf_die "port $port is in use (another Wayfarer?); stop it or choose other ports with WAYFARER_PORT, WAYFARER_SILO_HTTP_PORT, WAYFARER_SILO_PORT"
  fi
done

wf_load_secrets
wf_pg_start
wf_redis_start
wf_pg_ensure_app_db

wf_log "building the silo and the API"
dotnet build silo/Wayfarer.Silo -c "$CONFIGURATION" -nologo -v minimal || wf_die "the silo did not build"
dotnet build client/Wayfarer.Client -c "$CONFIGURATION" -nologo -v minimal || wf_die "the API did not build"

export ConnectionStrings__Postgres
ConnectionStrings__Postgres=$(wf_pg_connection_string)
export ConnectionStrings__Redis="127.0.0.1:$WF_REDIS_PORT"
export Wayfarer__Storage__ApplyMigrations=true
export Wayfarer__Silo__DemoEndpoints=true

# Starts a .NET app in its own process group (so cleanup stops it and anything it started) and remembers it.
start_app() {
  local name=$1 dll=$2
  shift 2
  set -m
  dotnet "$dll" "$@" </dev/null &
  pids+=("$!:$name")
  set +m
}

wait_ready() {
  local port=$1
  for _ in $(seq 1 $((READY_TIMEOUT_S * 2))); do
    [ "$(wf_http_status "$port" /health/ready)" = 200 ] && return 0
    sleep 0.5
  done
  return 1
}

silo_dll=silo/Wayfarer.Silo/bin/$CONFIGURATION/net10.0/Wayfarer.Silo.dll
api_dll=client/Wayfarer.Client/bin/$CONFIGURATION/net10.0/Wayfarer.Client.dll

# The first silo applies migrations alone; the second starts once it is ready.
wf_log "starting silo 1 (cluster port $SILO_PORT, management http://127.0.0.1:$SILO_HTTP_PORT)"
# The silos read users' own model keys from the encrypted key store, so they need the master key too.
Wayfarer__Auth__MasterKey=$WAYFARER_MASTER_KEY Wayfarer__Endpoint__Port=$SILO_PORT start_app "silo 1" "$silo_dll" --urls "http://127.0.0.1:$SILO_HTTP_PORT"
wait_ready "$SILO_HTTP_PORT" || wf_die "silo 1 did not become ready within ${READY_TIMEOUT_S}s"
wf_log "starting silo 2 (cluster port $((SILO_PORT + 1)), management http://127.0.0.1:$((SILO_HTTP_PORT + 1)))"
Wayfarer__Auth__MasterKey=$WAYFARER_MASTER_KEY Wayfarer__Endpoint__Port=$((SILO_PORT + 1)) start_app "silo 2" "$silo_dll" --urls "http://127.0.0.1:$((SILO_HTTP_PORT + 1))"

wf_log "starting the API front-end"
Wayfarer__Auth__SigningKey=$WAYFARER_SIGNING_KEY Wayfarer__Auth__MasterKey=$WAYFARER_MASTER_KEY Wayfarer__Api__GrainAccess=Cluster \
  start_app "the API" "$api_dll" --urls "$API_URL"

(
  if wait_ready "$((SILO_HTTP_PORT + 1))" && wait_ready "$API_PORT"; then
    echo "Wayfarer is running at $API_URL (OpenAPI: $API_URL/openapi/v1.json)"
    echo "Silos: http://127.0.0.1:$SILO_HTTP_PORT/silo/status and http://127.0.0.1:$((SILO_HTTP_PORT + 1))/silo/status"
  else
    wf_warn "Wayfarer did not become ready within ${READY_TIMEOUT_S}s"
  fi
) &
poll_pid=$!

# In the foreground while the API runs (or until Ctrl-C). A silo may die meanwhile (try kill -9 on one): its grains
# move to the other and the API keeps answering.
api_pid=${pids[2]%%:*}
rc=0
wait "$api_pid" || rc=$?
wf_log "the API exited (code $rc); stopping the silos"
exit "$rc"
