#!/bin/bash
# The asan preset builds UBSan's checks as traps, without its runtime
# (CMakeLists.txt): undefined behaviour must still stop the program, and
# ASan must name the source line (handle_sigill).  PROBE: ub_trap_probe.
set -u
probe=${1:?usage: ub_trap.sh PROBE}
out=$("$probe" 0 2>&1)
rc=$?
[ "$rc" -eq 0 ] || { echo "FAIL: the probe exited $rc with no overflow: $out"; exit 1; }
out=$("$probe" 1 2>&1)
rc=$?
[ "$rc" -ne 0 ] || { echo "FAIL: a signed overflow went on: $out"; exit 1; }
where=$(grep -o 'ub_trap_probe\.c:[0-9]*' <<<"$out" | head -1)
[ -n "$where" ] || { echo "FAIL: the overflow stopped the probe (exit $rc) without saying where: $out"; exit 1; }
echo "ok: a signed overflow stops the probe (exit $rc) at $where"
