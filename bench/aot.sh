#!/usr/bin/env bash
# daemon.aot-cache on Temurin 25 with Spring Boot's extracted layout, side by side in one
# run: the foreground start of the extracted jar without a cache (until its log says
# "Started", checked every 20 ms) against the daemon's launch-to-ready with its cache
# (until the launcher exits), alternating, after one training run. Medians.
#
# Usage: bench/aot.sh [RUNS] [JAVA]   (RUNS defaults to 7; JAVA to Temurin 25)
RUNS=${1:-7}
JAVA=${2:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
source "$(dirname "$0")/common.sh"
PORT=18767
"$JAVA" -Djarmode=tools -jar app.jar extract --destination extracted > /dev/null
daemon() { "$JAVA" -jar extracted/app.jar --daemon.enabled=true --daemon.aot-cache=app.aot --server.port=$PORT > /dev/null; }
stop() { "$JAVA" -jar extracted/app.jar --daemon.command=stop > /dev/null; }
daemon && stop   # the training run: the cache is written when the daemon stops
[ -f app.aot ] || { echo "no cache was written" >&2; exit 1; }
: > fg.txt; : > daemon.txt
for i in $(seq "$RUNS"); do
	start=$(now)
	"$JAVA" -jar extracted/app.jar --server.port=$PORT > fg.log 2>&1 &
	fg=$!
	until grep -q 'Started SampleApplication' fg.log; do sleep 0.02; done
	echo "$(now) - $start" | bc >> fg.txt
	kill $fg; wait $fg 2>/dev/null || true
	start=$(now)
	daemon
	echo "$(now) - $start" | bc >> daemon.txt
	stop
done
grep -q 'Started with the AOT cache' sample-app.out || { echo "the cache was not used" >&2; exit 1; }
fg=$(median < fg.txt); daemon=$(median < daemon.txt)
printf 'runs %s, %s, %s cores, extracted layout\n' "$RUNS" "$("$JAVA" -version 2>&1 | head -1)" "$(nproc)"
printf 'foreground start-to-ready, no cache      median %.3f s\n' "$fg"
printf 'daemon launch-to-ready, with its cache   median %.3f s\n' "$daemon"
printf 'ratio daemon/foreground                  %.2f\n' "$(echo "$daemon / $fg" | bc -l)"
