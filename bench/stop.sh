#!/usr/bin/env bash
# Cost of `daemon.command=stop` beyond the application's own shutdown. For each of RUNS
# rounds, alternating:
#   kill      the daemon gets SIGTERM from the shell; time until its process is gone
#             (the application's own shutdown)
#   stop      java -jar app.jar --daemon.command=stop; when the daemon's process is
#             gone, and when the stop command returns
# A pidfd (Python's os.pidfd_open) tells the moment the daemon's process ends. Medians.
#
# Usage: bench/stop.sh [RUNS]   (after mvn package; RUNS defaults to 5)
RUNS=${1:-5}
source "$(dirname "$0")/common.sh"
start_daemon() { java -jar app.jar --daemon.enabled=true --daemon.pid-file=app.pid --server.port=0 > /dev/null; }
watch_exit() { # pid: prints "watching", then the epoch time at which the process ends
	python3 -c 'import os, select, sys, time
fd = os.pidfd_open(int(sys.argv[1])); print("watching", flush=True)
select.select([fd], [], []); print(f"{time.time():.6f}", flush=True)' "$1" > gone.txt &
	until grep -q watching gone.txt 2>/dev/null; do sleep 0.01; done
}
: > shutdown.txt; : > stop.txt; : > beyond.txt
for i in $(seq "$RUNS"); do
	start_daemon
	watch_exit "$(cat app.pid)"
	start=$(now); kill "$(cat app.pid)"; wait
	echo "$(tail -1 gone.txt) - $start" | bc >> shutdown.txt

	start_daemon
	watch_exit "$(cat app.pid)"
	start=$(now)
	java -jar app.jar --daemon.command=stop --daemon.pid-file=app.pid > /dev/null
	end=$(now); wait
	echo "$end - $start" | bc >> stop.txt
	echo "($end - $(tail -1 gone.txt)) * 1000" | bc >> beyond.txt
	[ ! -e app.pid ] || { echo "pidfile left after stop" >&2; exit 1; }
done
printf 'runs %s, %s, %s cores\n' "$RUNS" "$(java -version 2>&1 | head -1)" "$(nproc)"
printf 'application shutdown (SIGTERM to exit)        median %.3f s\n' "$(median < shutdown.txt)"
printf 'stop command, start to return                 median %.3f s\n' "$(median < stop.txt)"
printf 'stop command returns after the daemon exited  median %.0f ms (max %.0f ms)\n' \
	"$(median < beyond.txt)" "$(sort -g beyond.txt | tail -1)"
