#!/usr/bin/env bash
# Developer convenience: the PostgreSQL and Redis that ./run.sh uses, managed on their own.
# Usage: deploy/scripts/services.sh start|stop|status
# Same data (.data/), ports (WAYFARER_PG_PORT, WAYFARER_REDIS_PORT) and password as ./run.sh.
set -euo pipefail

# shellcheck source=deploy/scripts/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
wf_init_paths

case "${1:-}" in
  start)
    wf_ensure_packages
    wf_load_secrets
    wf_pg_start
    wf_redis_start
    wf_pg_ensure_app_db
    wf_log "ConnectionStrings__Postgres=Host=127.0.0.1;Port=$WF_PG_PORT;Database=wayfarer;Username=wayfarer;Password=<WAYFARER_PG_PASSWORD in .data/secrets.env>"
    wf_log "ConnectionStrings__Redis=127.0.0.1:$WF_REDIS_PORT"
    ;;
  stop)
    wf_pg_stop
    wf_redis_stop
    ;;
  status)
    wf_pg_status
    wf_redis_status
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
