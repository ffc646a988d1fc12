#!/usr/bin/env bash
# Runs Wayfarer on this machine: PostgreSQL and Redis with data kept under .data/, then the silo in the foreground.
# Usage: ./run.sh            (Ctrl-C stops the silo and the servers this run started)
# Environment: WAYFARER_PORT (8080), WAYFARER_PG_PORT (55432), WAYFARER_REDIS_PORT (56379),
#              WAYFARER_PG_PASSWORD (default: generated once, kept in .data/secrets.env, mode 600).
# Safe to run repeatedly; servers that were already running are used and left running.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=deploy/scripts/common.sh
. deploy/scripts/common.sh

APP_PORT=${WAYFARER_PORT:-8080}
APP_URL=http://127.0.0.1:$APP_PORT
SILO_PROJECT=silo/Wayfarer.Silo
READY_TIMEOUT_S=${WAYFARER_READY_TIMEOUT:-180}

silo_pid=""
poll_pid=""

# shellcheck disable=SC2317  # invoked through the EXIT trap
# Stops what this run started, newest first: the silo, then PostgreSQL and Redis (only if this run started them).
cleanup() {
  local rc=$?
  trap - EXIT
  # A second Ctrl-C must not cut the clean-up short and leave servers behind.
  trap "" INT TERM
  if [ -n "$poll_pid" ]; then
    kill "$poll_pid" 2>/dev/null || true
  fi
  if [ -n "$silo_pid" ] && kill -0 -- "-$silo_pid" 2>/dev/null; then
    wf_log "stopping the silo"
    # The silo runs in its own process group (dotnet run and the app it launched): signal both.
    kill -TERM -- "-$silo_pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 -- "-$silo_pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 -- "-$silo_pid" 2>/dev/null; then
      wf_warn "the silo did not stop within 30s; killing it"
      kill -KILL -- "-$silo_pid" 2>/dev/null || true
    fi
  fi
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
[[ "$APP_PORT" =~ ^[0-9]+$ ]] || wf_die "invalid WAYFARER_PORT '$APP_PORT'"
[ -f "$SILO_PROJECT/Wayfarer.Silo.csproj" ] || wf_die "the silo project ($SILO_PROJECT) is not there yet"
if wf_port_busy "$APP_PORT"; then
  wf_die "port $APP_PORT is in use (another silo?); stop it or choose another port with WAYFARER_PORT"
fi

wf_load_secrets
wf_pg_start
wf_redis_start
wf_pg_ensure_app_db

wf_log "building the silo"
dotnet build "$SILO_PROJECT" -c Release -nologo -v minimal || wf_die "the silo did not build"

export ConnectionStrings__Postgres
ConnectionStrings__Postgres=$(wf_pg_connection_string)
export ConnectionStrings__Redis="127.0.0.1:$WF_REDIS_PORT"
export Wayfarer__Storage__ApplyMigrations=true

wf_log "starting the silo on $APP_URL"
# Job control gives the silo its own process group, so cleanup can stop dotnet run and the app together.
set -m
dotnet run --no-build --project "$SILO_PROJECT" -c Release -- --urls "$APP_URL" </dev/null &
silo_pid=$!
set +m

(
  for _ in $(seq 1 $((READY_TIMEOUT_S * 2))); do
    kill -0 "$silo_pid" 2>/dev/null || exit 0
    if [ "$(wf_http_status "$APP_PORT" /health/ready)" = 200 ]; then
      echo "Wayfarer is running at $APP_URL"
      exit 0
    fi
    sleep 0.5
  done
  wf_warn "the silo has not answered GET $APP_URL/health/ready with 200 within ${READY_TIMEOUT_S}s"
) &
poll_pid=$!

silo_rc=0
wait "$silo_pid" || silo_rc=$?
silo_pid=""
wf_log "the silo exited with code $silo_rc"
exit "$silo_rc"
