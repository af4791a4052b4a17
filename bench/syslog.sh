#!/usr/bin/env bash
# Syslog forwarding, side by side in one run: LINES lines through util-linux logger and
# through the daemon's forwarder (daemon.output=syslog), alternating for ROUNDS rounds,
# both to one private rsyslogd over a Unix datagram socket. Rates come from rsyslog's
# own receive timestamps (first to last line of a round); loss is LINES minus what
# arrived; CPU is logger's user+system time and the daemon's forwarding threads' time
# (syslog-stdout, syslog-stderr, syslog-sender, from /proc/PID/task/*/schedstat), per
# line. The daemon runs all rounds, printing through GET /say after a warm-up of
# LINES/4 lines; each turn starts once it is quiet (its JIT compiler done, which would
# otherwise take CPU from either side). "cold" is one more daemon that prints LINES
# lines from its first second (--sample.print-lines), beside its JIT compiler. Last,
# rsyslogd's own limit: 2 and 4 loggers at once, LINES in all.
#
# Usage: bench/syslog.sh [LINES] [ROUNDS]   (after mvn package; 1000000 lines, 3 rounds)
LINES=${1:-1000000}
ROUNDS=${2:-3}
source "$(dirname "$0")/common.sh"
cat > rsyslog.conf <<CONF
global(workDirectory="$WORK")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$WORK/log.sock" RateLimit.Interval="0")
template(name="bench" type="string" string="%timegenerated:::date-rfc3339% %syslogtag% %msg%\n")
:syslogtag, startswith, "logger-bench" action(type="omfile" file="$WORK/logger.log" template="bench")
:syslogtag, startswith, "daemon-bench" action(type="omfile" file="$WORK/daemon.log" template="bench")
:syslogtag, startswith, "cold-bench" action(type="omfile" file="$WORK/cold.log" template="bench")
:syslogtag, startswith, "parallel-bench" action(type="omfile" file="$WORK/parallel.log" template="bench")
CONF
rsyslogd -n -f rsyslog.conf -i "$WORK/rsyslogd.pidfile" &
RSYSLOG=$!
# Also before rsyslogd has written its pidfile.
trap 'kill "$RSYSLOG" 2>/dev/null || true; cleanup' EXIT
until [ -S log.sock ]; do sleep 0.05; done
seq -f 'line %.0f' 1 "$LINES" > lines.txt

# The measured lines are "line N"; the warm-up and the daemon's own log are not.
measured() { [ -f "$1" ] && grep -E ' line [0-9]+$' "$1" || true; }
count() { measured "$1" | wc -l; }
await() { # file, total: wait until total lines arrived or nothing new came for 10 s
	local last=-1 same=0 now
	while :; do
		now=$(count "$1")
		[ "$now" -ge "$2" ] && break
		if [ "$now" = "$last" ]; then same=$((same + 1)); [ $same -ge 100 ] && break; else same=0; fi
		last=$now; sleep 0.1
	done
}
rate() { # file, lines sent in all, lines of this round: lines/s over the round's lines
	measured "$1" | python3 -c '
import sys, datetime
total, lines = int(sys.argv[1]), int(sys.argv[2])
stamps = [l.split(" ", 1)[0] for l in sys.stdin]
got = len(stamps) - (total - lines)
t = [datetime.datetime.fromisoformat(x) for x in (stamps[total - lines], stamps[-1])]
print(f"{got / max((t[1] - t[0]).total_seconds(), 1e-6):.0f} {lines - got}")' "$2" "$3"
}
threads_ns() { # pid: CPU time of the forwarding threads
	for task in /proc/"$1"/task/*; do
		case $(cat "$task/comm") in syslog-*) cut -d' ' -f1 "$task/schedstat" ;; esac
	done | awk '{s += $1} END {print s + 0}'
}
daemon() { # tag, more arguments
	java -jar app.jar --daemon.enabled=true --daemon.output=syslog --daemon.syslog.address="unix://$WORK/log.sock" \
		--daemon.syslog.tag="$1" --daemon.pid-file="$1.pid" "${@:2}" > /dev/null
}
quiet() { # pid: wait (up to 30 s) until it used under 20 ms CPU in a second, JIT included
	local last now
	for _ in $(seq 30); do
		last=$(awk '{print $14 + $15}' /proc/"$1"/stat)
		sleep 1
		now=$(awk '{print $14 + $15}' /proc/"$1"/stat)
		[ $((now - last)) -lt 2 ] && return
	done
}
say() { # text, times: the sample app prints text times, in the request's thread
	python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=600).read()' \
		"http://127.0.0.1:$PORT/say?text=$1&times=$2"
}

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
daemon daemon-bench --server.port="$PORT"
DAEMON=$(cat daemon-bench.pid)
say warm "$((LINES / 4))"

TIMEFORMAT='%U %S'
for round in $(seq "$ROUNDS"); do
	quiet "$DAEMON"
	cpu=$({ time logger -u "$WORK/log.sock" -t logger-bench < lines.txt; } 2>&1)
	await logger.log $((round * LINES))
	read -r r lost <<< "$(rate logger.log $((round * LINES)) "$LINES")"
	echo "$r $lost $(echo "$cpu" | awk -v n="$LINES" '{printf "%.2f", ($1 + $2) * 1e6 / n}')" >> logger.rounds

	quiet "$DAEMON"
	before=$(threads_ns "$DAEMON")
	say "line+$round" "$LINES"
	await daemon.log $((round * LINES))
	read -r r lost <<< "$(rate daemon.log $((round * LINES)) "$LINES")"
	echo "$r $lost $(awk -v a="$before" -v b="$(threads_ns "$DAEMON")" -v n="$LINES" 'BEGIN {printf "%.2f", (b - a) / 1e3 / n}')" >> daemon.rounds
	echo "round $round: logger $(tail -1 logger.rounds), boot-daemon $(tail -1 daemon.rounds) (lines/s, lost, CPU us/line)"
done
kill "$DAEMON"

daemon cold-bench --server.port=0 --sample.print-lines="$LINES"
await cold.log "$LINES"
read -r cold_rate cold_lost <<< "$(rate cold.log "$LINES" "$LINES")"
kill "$(cat cold-bench.pid)"

parallel() { # loggers: LINES lines in all, split between them
	local per=$((LINES / $1)) total pids=()
	total=$(($(count parallel.log) + per * $1))
	for i in $(seq "$1"); do
		head -n "$per" lines.txt | logger -u "$WORK/log.sock" -t parallel-bench &
		pids+=($!)
	done
	wait "${pids[@]}"
	await parallel.log "$total"
	rate parallel.log "$total" $((per * $1)) | awk -v k="$1" '{printf "%s loggers at once: %\047d lines/s, lost %d\n", k, $1, $2}'
}

summary() { # rounds file: median rate, total lost, median CPU
	echo "$(cut -d' ' -f1 "$1" | median | awk '{printf "%\047d", $1}') lines/s, lost $(awk '{s += $2} END {print s}' "$1"), CPU $(cut -d' ' -f3 "$1" | median) us/line"
}
echo "logger      : $(summary logger.rounds)   (median of $ROUNDS rounds of $LINES lines)"
echo "boot-daemon : $(summary daemon.rounds)"
echo "cold daemon : $(printf "%'d" "$cold_rate") lines/s, lost $cold_lost   (printing from its first second)"
parallel 2
parallel 4
echo "($(java -version 2>&1 | head -1), $(nproc) cores, $(rsyslogd -v | head -1 | cut -d' ' -f1-3))"
