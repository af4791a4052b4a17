#!/usr/bin/env bash
# Output to a file: the daemon's output file (daemon.output=file) against a plain shell
# redirect of the same app in the foreground. The sample app prints LINES lines with
# System.out.println at startup and logs how long that took; alternating RUNS times,
# medians. Each run's file is checked to hold every line.
#
# Usage: bench/output.sh [LINES] [RUNS]   (after mvn package; defaults 1000000, 5)
LINES=${1:-1000000}
RUNS=${2:-5}
source "$(dirname "$0")/common.sh"
app=(app.jar --spring.main.web-application-type=none --sample.print-lines="$LINES")
rate() { # output file: lines per second the app printed, after checking that all arrived
	[ "$(grep -c '^line ' "$1")" = "$LINES" ] || { echo "lines missing in $1" >&2; exit 1; }
	sed -n 's/.*Printed [0-9]* lines in \([0-9]*\) ms.*/\1/p' "$1" | awk -v n="$LINES" '{print n * 1000 / $1}'
}
: > redirect.txt; : > daemon.txt
for i in $(seq "$RUNS"); do
	java -jar "${app[@]}" > redirect.out 2>&1
	rate redirect.out >> redirect.txt
	rm redirect.out

	java -jar "${app[@]}" --daemon.enabled=true --daemon.output-file="$WORK/daemon.out" \
		--daemon.pid-file=app.pid > /dev/null
	while [ -f app.pid ]; do sleep 0.05; done
	rate daemon.out >> daemon.txt
	rm daemon.out
done
redirect=$(median < redirect.txt); daemon=$(median < daemon.txt)
printf 'runs %s, %s lines, %s, %s cores\n' "$RUNS" "$LINES" "$(java -version 2>&1 | head -1)" "$(nproc)"
printf 'shell redirect (java -jar app.jar > file)  median %.0f lines/s\n' "$redirect"
printf 'daemon output file                         median %.0f lines/s\n' "$daemon"
printf 'ratio daemon/redirect                      %.3f\n' "$(echo "$daemon / $redirect" | bc -l)"
