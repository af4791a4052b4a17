#!/usr/bin/env bash
# Daemon launch-to-ready of two builds of the sample jar, side by side in one run:
# before and after a change. For each of RUNS rounds, alternating A then B, then B then A
# (which of the two goes first was seen to matter by a few per cent):
#   java -jar app.jar --daemon.enabled=true, timed until the launcher exits (it exits
#   once the daemon is ready: no polling while timed), then the daemon is stopped and
#   waited for outside the timing.
# Prints medians and the ratio B/A.
#
# Usage: bench/startup-ab.sh JAR_A JAR_B [RUNS]   (RUNS defaults to 8)
#        FLAG_IN_FILE=1 bench/startup-ab.sh ...   (daemon.enabled=true in application.properties
#        of the launch directory instead of on the command line)
A=$(realpath "$1"); B=$(realpath "$2"); RUNS=${3:-8}
source "$(dirname "$0")/common.sh"
PORT=18766
cp "$A" a.jar; cp "$B" b.jar
launch() {
	local start pid
	start=$(now)
	java -jar "$1.jar" "${flag[@]}" --server.port=$PORT > /dev/null
	echo "$(now) - $start" | bc >> "$1.txt"
	pid=$(cat sample-app.pid)
	kill "$pid"; while kill -0 "$pid" 2>/dev/null && ! grep -q '^State:.Z' "/proc/$pid/status" 2>/dev/null; do sleep 0.05; done
	sleep 0.5
}
flag=(--daemon.enabled=true)
if [ -n "${FLAG_IN_FILE:-}" ]; then flag=(); echo daemon.enabled=true > application.properties; fi
: > a.txt; : > b.txt
alternate "$RUNS" "launch a" "launch b"
a=$(median < a.txt); b=$(median < b.txt)
printf 'runs %s, %s, %s cores\n' "$RUNS" "$(java -version 2>&1 | head -1)" "$(nproc)"
printf 'A %s: daemon launch-to-ready median %.3f s\n' "$(basename "$A")" "$a"
printf 'B %s: daemon launch-to-ready median %.3f s\n' "$(basename "$B")" "$b"
printf 'ratio B/A %.3f\n' "$(echo "$b / $a" | bc -l)"
