#!/usr/bin/env bash
# daemon.restart on the sample app: how soon the supervisor has it back after kill -9,
# against a foreground start, side by side in one run; then what the supervisor costs.
#
# For each of RUNS rounds, alternating, the two in turn first (ABBA):
#   foreground  java -jar app.jar, until its log says "Started"
#   restart     kill -9 of the daemon that the supervisor runs (daemon.restart=on-failure,
#               daemon.restart-delay=DELAY), until the output says "Started" once more
# both checked by a grep every 20 ms, which costs the starting JVM nothing measurable.
# Then, the daemon idle for IDLE seconds, without a watchdog and with daemon.watchdog=10s:
# the supervisor's resident and proportional memory (VmRSS, Pss), the CPU time it used
# and how often it woke (voluntary context switches).
#
# Usage: bench/restart.sh [RUNS] [DELAY] [IDLE]   (after mvn package; defaults 8, 0ms, 60)
RUNS=${1:-8}; DELAY=${2:-0ms}; IDLE=${3:-60}
source "$(dirname "$0")/common.sh"
PORT=18767

started() { grep -c ' Started .* seconds' "$1" 2>/dev/null || true; }
wait_started() { until [ "$(started "$1")" -ge "$2" ]; do sleep 0.02; done; }
field() { awk -v key="$2:" '$1 == key {print $2}' "/proc/$1/status"; }
cpu_ticks() { cut -d')' -f2 "/proc/$1/stat" | awk '{print $12 + $13}'; }

: > fg.txt; : > restart.txt
foreground() {
	local start fg
	start=$(now)
	java -jar app.jar --server.port=$((PORT + 1)) > fg.log 2>&1 &
	fg=$!
	wait_started fg.log 1
	echo "$(now) - $start" | bc >> fg.txt
	kill $fg; wait $fg 2>/dev/null || true
	sleep 0.5
}
restart() {
	local start count
	count=$(started sample-app.out)
	start=$(now)
	kill -9 "$(cat sample-app.pid)"
	wait_started sample-app.out $((count + 1))
	echo "$(now) - $start" | bc >> restart.txt
	sleep 0.5
}
supervisor() { ps -o ppid= -p "$(cat sample-app.pid)" | tr -d ' '; }
idle() { # label, then the daemon's extra arguments
	local label=$1 sup rss pss ticks switches
	shift
	java -jar app.jar --daemon.enabled=true --daemon.restart=on-failure --server.port=$PORT "$@" > /dev/null
	sup=$(supervisor)
	sleep 5
	ticks=$(cpu_ticks "$sup"); switches=$(field "$sup" voluntary_ctxt_switches)
	sleep "$IDLE"
	rss=$(field "$sup" VmRSS); pss=$(awk '$1 == "Pss:" {print $2}' "/proc/$sup/smaps_rollup")
	printf '%s: supervisor VmRSS %s kB, Pss %s kB; in %s s idle: %s ms of CPU, %s wake-ups\n' "$label" "$rss" "$pss" \
		"$IDLE" "$(( ($(cpu_ticks "$sup") - ticks) * 1000 / $(getconf CLK_TCK) ))" \
		"$(( $(field "$sup" voluntary_ctxt_switches) - switches ))"
	java -jar app.jar --daemon.command=stop > /dev/null
}

java -jar app.jar --daemon.enabled=true --daemon.restart=on-failure --daemon.restart-delay="$DELAY" \
	--daemon.restart-limit=1000 --server.port=$PORT > /dev/null
wait_started sample-app.out 1
alternate "$RUNS" foreground restart
java -jar app.jar --daemon.command=stop > /dev/null
fg=$(median < fg.txt); back=$(median < restart.txt)
printf 'runs %s, %s, %s cores, daemon.restart-delay=%s\n' "$RUNS" "$(java -version 2>&1 | head -1)" "$(nproc)" "$DELAY"
printf 'foreground start to "Started": median %.3f s\n' "$fg"
printf 'kill -9 to "Started" again:    median %.3f s\n' "$back"
printf 'ratio restart/foreground %.3f\n' "$(echo "$back / $fg" | bc -l)"
idle "no watchdog"
idle "daemon.watchdog=10s" --daemon.watchdog=10s
