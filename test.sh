#!/usr/bin/env bash
# Builds Wayfarer.slnx and runs every test project against real PostgreSQL and Redis binaries.
# Usage: ./test.sh [dotnet test options...]     e.g.  ./test.sh --filter Category=Unit
# Safe to run repeatedly. Installs the postgresql and redis-server packages when missing (needs root then).
# The last line of output is "N passed, N failed" (", N skipped" when any were skipped), over all test projects.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=deploy/scripts/common.sh
. deploy/scripts/common.sh

CONFIGURATION=Release
RESULTS_DIR=$WF_ROOT/TestResults/test.sh

wf_require_dotnet
wf_ensure_packages

wf_log "building Wayfarer.slnx ($CONFIGURATION)"
if ! dotnet build Wayfarer.slnx -c "$CONFIGURATION" -nologo -v minimal; then
  wf_die "build failed"
fi

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

test_rc=0
run_tests() {
  # Test assemblies run in parallel; each fixture starts its own servers on free ports. The hang timeout stops a
  # stuck test host (without a memory dump) well inside CI's time limit.
  dotnet test Wayfarer.slnx -c "$CONFIGURATION" --no-build --nologo \
    --logger "console;verbosity=minimal" --logger "trx;LogFilePrefix=wayfarer" --results-directory "$RESULTS_DIR" \
    --blame-hang-timeout 20m --blame-hang-dump-type none \
    "$@" || test_rc=$?
}
if [ $# -gt 0 ]; then
  wf_log "running tests ($*)"
  run_tests "$@"
else
  # The cluster tests start and kill silo processes; they get the machine to themselves, after everything else.
  wf_log "running tests (all but Category=Cluster)"
  run_tests --filter "Category!=Cluster"
  wf_log "running the cluster tests (Category=Cluster)"
  run_tests --filter "Category=Cluster"
fi

# Sum the <Counters .../> element of every TRX file (one per test assembly; the trx logger reserves a
# unique file name for each, so assemblies finishing in the same second do not overwrite each other).
read -r passed failed skipped trx_files < <(
  find "$RESULTS_DIR" -name '*.trx' -print0 | xargs -0 -r cat |
    grep -o '<Counters [^>]*>' |
    awk '
      function attr(name,   m) {
        if (match($0, name "=\"[0-9]+\"")) { m = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0 }
        return 0
      }
      { n++; p += attr("passed"); f += attr("failed") + attr("error") + attr("timeout") + attr("aborted");
        # Skipped tests are in "total" but not in "executed" (the notExecuted counter stays 0).
        s += attr("total") - attr("executed") }
      END { printf "%d %d %d %d\n", p, f, s, n }'
)

if [ "$test_rc" -ne 0 ]; then
  wf_warn "dotnet test exited with code $test_rc (a failed test, a crashed test host or a test assembly that could not run: see above)"
fi
if [ "$trx_files" -eq 0 ]; then
  wf_warn "no test results were written (no test project ran)"
elif [ $((passed + failed)) -eq 0 ]; then
  wf_warn "no test ran"
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"

if [ "$test_rc" -ne 0 ] || [ "$failed" -gt 0 ] || [ $((passed + failed)) -eq 0 ]; then
  exit 1
fi
