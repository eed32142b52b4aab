#!/bin/bash
# Runs each libFuzzer target of tests/fuzz for SECONDS (default 20) from
# its seed corpus (tests/data, data/, tests/fuzz/seeds/), as many at once
# as there are CPUs (DUBAN_FUZZ_JOBS), and prints the executions of each.  A crash, leak or timeout
# fails the run and leaves the input in build-fuzz/fuzz-artifacts/.
#
#   cmake --preset fuzz && cmake --build --preset fuzz
#   tests/fuzz/run.sh [SECONDS] [TARGET...]     # targets: import date config text ledger sync
# The long run (documented in tests/fuzz/README.md): tests/fuzz/run.sh 3600
set -u
cd "$(dirname "$0")/../.."
secs=${1:-20}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(import date config text ledger sync)
BUILD=${DUBAN_FUZZ_BUILD:-build-fuzz}
ART="$BUILD/fuzz-artifacts"
mkdir -p "$ART"
W=$(mktemp -d "${TMPDIR:-/tmp}/duban-fuzz.XXXXXX")
trap 'rm -rf "$W"' EXIT
# One target: its corpus, its run, its verdict on stdout; the exit status
# says whether it found something.
fuzz_one() {
  local t=$1 bin="$BUILD/tests/fuzz/fuzz_$1" corpus="$W/$1" rc execs
  mkdir -p "$corpus"
  case $t in
    import) cp tests/data/*.txt data/haiyan-2021-h2.plan "$corpus"/ ;;
    date) cp tests/fuzz/seeds/date/* tests/data/*.txt "$corpus"/ ;;
    config) cp tests/fuzz/seeds/config/* data/duban.ini "$corpus"/ ;;
    text) cp tests/fuzz/seeds/text/* tests/data/*.txt "$corpus"/ ;;
    ledger) # the ledger fixtures (CSV and XLSX), written by the script the CLI tests use
      /usr/bin/python3 tests/data/ledger/make_fixtures.py "$corpus" >/dev/null 2>&1 ||
        cp tests/data/*.txt "$corpus"/ ;;
    sync) cp tests/fuzz/seeds/sync/* "$corpus"/ ;; # a change file of three edits
  esac
  "$bin" -max_total_time="$secs" -print_final_stats=1 -rss_limit_mb=2048 -max_len=16384 \
    -timeout=10 -artifact_prefix="$ART/$t-" "$corpus" >"$W/$t.log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$W/$t.log")
  if [ "$rc" -ne 0 ]; then
    echo "fuzz_$t: FAILED (exit $rc) after ${execs:-?} executions; input in $ART/"
    grep -m5 -E "ERROR|SUMMARY|==[0-9]+==" "$W/$t.log"
    return 1
  fi
  echo "fuzz_$t: ${execs:-?} executions in ${secs} s, no crash"
}

for t in "${targets[@]}"; do
  [ -x "$BUILD/tests/fuzz/fuzz_$t" ] ||
    { echo "fuzz: $BUILD/tests/fuzz/fuzz_$t is missing (cmake --preset fuzz && cmake --build --preset fuzz)"; exit 2; }
done
# As many targets at once as there are CPUs (each runs one process): the
# same seconds each, in a third of the time on two.
status=0
jobs=${DUBAN_FUZZ_JOBS:-$(nproc)}
running=0
for t in "${targets[@]}"; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n || status=1
    running=$((running - 1))
  fi
  fuzz_one "$t" &
  running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
  wait -n || status=1
  running=$((running - 1))
done
exit $status
