#!/usr/bin/env bash
# Start-up cost of daemon mode on the sample app, measured side by side in one run.
#
# For each of RUNS rounds, alternating, the two in turn first (ABBA):
#   foreground  java -jar app.jar, until its log says "Started" (start-to-ready),
#               checked every 20 ms so that waiting costs the starting JVM nothing
#               measurable on two cores (a curl every 10 ms slowed it by about 0.6 s)
#   daemon      java -jar app.jar --daemon.enabled=true, until the launcher exits
#               (it exits once the daemon is ready; HTTP is checked to answer too)
# then the `status` command and a hello-world JVM, for the cost of a control command.
# Prints medians, the daemon/foreground ratio, how long the launcher ran before it
# spawned the daemon (the daemon's process start time, from /proc, minus the launch)
# and peak RSS (launcher, daemon).
#
# Usage: bench/startup.sh [RUNS]   (after mvn package; RUNS defaults to 8)
#        BENCH_JAR=other-app.jar bench/startup.sh [RUNS]   (another Spring Boot web app
#        with the starter: it must log Spring Boot's "Started ... seconds" line)
RUNS=${1:-8}
source "$(dirname "$0")/common.sh"
PORT=18765

# A process's start as epoch seconds: its start in clock ticks since boot, plus boot time.
started_at() { echo "$(now) - $(cut -d' ' -f1 /proc/uptime) + $(cut -d')' -f2 "/proc/$1/stat" | awk '{print $20}') / $(getconf CLK_TCK)" | bc -l; }
wait_started() { until grep -q ' Started .* seconds' "$1"; do sleep 0.02; done; }


: > fg.txt; : > daemon.txt; : > spawn.txt; : > launcher-rss.txt; : > daemon-rss.txt; : > status.txt; : > hello.txt
foreground() {
	local start fg
	start=$(now)
	java -jar app.jar --server.port=$PORT > fg.log 2>&1 &
	fg=$!
	wait_started fg.log
	echo "$(now) - $start" | bc >> fg.txt
	curl -fs -o /dev/null "http://127.0.0.1:$PORT/"
	kill $fg; wait $fg 2>/dev/null || true
	sleep 0.5
}
daemon() {
	local start pid
	start=$(now)
	/usr/bin/time -f %M -o rss.txt java -jar app.jar --daemon.enabled=true --server.port=$PORT \
		--daemon.pid-file=app.pid > /dev/null
	echo "$(now) - $start" | bc >> daemon.txt
	curl -fs -o /dev/null "http://127.0.0.1:$PORT/"
	cat rss.txt >> launcher-rss.txt
	pid=$(cat app.pid)
	echo "$(started_at "$pid") - $start" | bc >> spawn.txt
	awk '/VmHWM/ {print $2}' /proc/$pid/status >> daemon-rss.txt

	start=$(now)
	java -jar app.jar --daemon.command=status --daemon.pid-file=app.pid > /dev/null
	echo "$(now) - $start" | bc >> status.txt
	kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
	sleep 0.5
}
alternate "$RUNS" foreground daemon
printf 'class Hello { public static void main(String[] a) {} }\n' > Hello.java
javac Hello.java
for i in $(seq "$RUNS"); do start=$(now); java -cp . Hello; echo "$(now) - $start" | bc >> hello.txt; done

fg=$(median < fg.txt); daemon=$(median < daemon.txt)
printf 'runs %s, %s, %s\n' "$RUNS" "$(java -version 2>&1 | head -1)" "$(nproc) cores"
printf 'foreground start-to-ready ("Started")    median %.3f s\n' "$fg"
printf 'daemon launch-to-ready (launcher exits)   median %.3f s\n' "$daemon"
printf 'ratio daemon/foreground                   %.2f\n' "$(echo "$daemon / $fg" | bc -l)"
printf 'launcher start-to-spawn                   median %.3f s\n' "$(median < spawn.txt)"
printf 'status command                            median %.3f s (hello-world JVM %.3f s)\n' \
	"$(median < status.txt)" "$(median < hello.txt)"
printf 'peak RSS launcher %s MiB, daemon %s MiB (medians)\n' \
	"$(($(median < launcher-rss.txt | cut -d. -f1) / 1024))" "$(($(median < daemon-rss.txt | cut -d. -f1) / 1024))"
