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
# lines from its first second (--sample.print-lines), beside its JIT compiler. "piped"
# is the same application in the foreground, its output piped to logger (app | logger),
# printing the same way after the same warm-up: logger carrying what an application
# prints, the producer's cost on the same cores included. Last, rsyslogd's own limit:
# 2 and 4 loggers at once, LINES in all.
#
# With THREADS=1, each turn also prints every busy thread of rsyslogd and of the JVM
# that sent: CPU time, run-queue wait (/proc/PID/task/*/schedstat) and voluntary +
# involuntary context switches, a line.
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
# One action for every sender, its file named by the tag: no sender waits on more filters.
template(name="byTag" type="string" string="$WORK/%programname%.log")
action(type="omfile" dynaFile="byTag" template="bench")
CONF
rsyslogd -n -f rsyslog.conf -i "$WORK/rsyslogd.pidfile" &
RSYSLOG=$!
# Also before rsyslogd has written its pidfile.
trap 'kill "$RSYSLOG" ${PIPED:+"$PIPED"} 2>/dev/null || true; cleanup' EXIT
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
cpu_ticks() { # pid: user + system time in clock ticks
	awk '{print $14 + $15}' /proc/"$1"/stat
}
cpu_ns() { # pid: user + system time in ns
	echo $(($(cpu_ticks "$1") * 1000000000 / $(getconf CLK_TCK)))
}
per_line() { # ns before, ns after: us a line
	awk -v a="$1" -v b="$2" -v n="$LINES" 'BEGIN {printf "%.2f", (b - a) / 1e3 / n}'
}
tasks() { # pids: each thread, "tid:name CPU-ns wait-ns voluntary involuntary"
	local pid task
	for pid; do
		for task in /proc/"$pid"/task/*; do
			echo "${task##*/}:$(tr ' ' _ < "$task/comm") $(cut -d' ' -f1,2 "$task/schedstat")" \
				"$(awk '/^(non)?voluntary_ctxt_switches/ {print $2}' "$task/status" | paste -sd' ')"
		done
	done | sort
}
task_report() { # tasks before, pids: what each busy thread took meanwhile, a line
	join <(echo "$1") <(tasks "${@:2}") | awk -v n="$LINES" '{
		cpu = ($6 - $2) / 1e3 / n
		if (cpu > 0.05) printf "    %-22s CPU %5.2f us, wait %5.2f us, switches %.3f + %.3f\n", $1, cpu,
			($7 - $3) / 1e3 / n, ($8 - $4) / n, ($9 - $5) / n }'
}
begin() { # pids that send this turn: with THREADS, what their and rsyslogd's threads took so far
	senders="$*"
	[ -z "${THREADS:-}" ] || tasks=$(tasks "$RSYSLOG" "$@")
}
record() { # tag, command printing CPU us a line: once the round's lines arrived
	local r lost
	await "$1-bench.log" $((round * LINES))
	read -r r lost <<< "$(rate "$1-bench.log" $((round * LINES)) "$LINES")"
	echo "$r $lost $($2)" >> "$1.rounds"
	[ -z "${THREADS:-}" ] || { echo "  $1:"; task_report "$tasks" "$RSYSLOG" $senders; }
}
daemon() { # tag, more arguments
	java -jar app.jar --daemon.enabled=true --daemon.output=syslog --daemon.syslog.address="unix://$WORK/log.sock" \
		--daemon.syslog.tag="$1" --daemon.pid-file="$1.pid" "${@:2}" > /dev/null
}
quiet() { # pid: wait (up to 30 s) until it used under 20 ms CPU in a second, JIT included
	local last now
	for _ in $(seq 30); do
		last=$(cpu_ticks "$1")
		sleep 1
		now=$(cpu_ticks "$1")
		[ $((now - last)) -lt 2 ] && return
	done
}
say() { # port, text, times: the sample app prints text times, in the request's thread
	python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=600).read()' \
		"http://127.0.0.1:$1/say?text=$2&times=$3"
}
free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

PORT=$(free_port)
daemon daemon-bench --server.port="$PORT"
DAEMON=$(cat daemon-bench.pid)
say "$PORT" warm "$((LINES / 4))"
PIPED_PORT=$(free_port)
java -jar app.jar --server.port="$PIPED_PORT" > >(exec logger -u "$WORK/log.sock" -t piped-bench) &
PIPED=$!
for _ in $(seq 120); do
	say "$PIPED_PORT" warm "$((LINES / 4))" 2> /dev/null && break
	sleep 0.5
done
kill -0 "$PIPED" || { echo "the app piped to logger did not start" >&2; exit 1; }
PIPED_LOGGER=$(pgrep -f -n "logger -u $WORK/log.sock -t piped-bench")

TIMEFORMAT='%U %S'
logger_cpu() { echo "$cpu" | awk -v n="$LINES" '{printf "%.2f", ($1 + $2) * 1e6 / n}'; }
daemon_cpu() { per_line "$before" "$(threads_ns "$DAEMON")"; }
piped_cpu() { per_line "$before" "$(cpu_ns "$PIPED_LOGGER")"; }
for round in $(seq "$ROUNDS"); do
	quiet "$DAEMON"
	begin
	cpu=$({ time logger -u "$WORK/log.sock" -t logger-bench < lines.txt; } 2>&1)
	record logger logger_cpu

	quiet "$DAEMON"
	begin "$DAEMON"
	before=$(threads_ns "$DAEMON")
	say "$PORT" "line+$round" "$LINES"
	record daemon daemon_cpu

	quiet "$PIPED"
	begin "$PIPED" "$PIPED_LOGGER"
	before=$(cpu_ns "$PIPED_LOGGER")
	say "$PIPED_PORT" "line+$round" "$LINES"
	record piped piped_cpu
	echo "round $round: logger $(tail -1 logger.rounds), boot-daemon $(tail -1 daemon.rounds), app | logger $(tail -1 piped.rounds) (lines/s, lost, CPU us/line)"
done
kill "$DAEMON" "$PIPED"

daemon cold-bench --server.port=0 --sample.print-lines="$LINES"
await cold-bench.log "$LINES"
read -r cold_rate cold_lost <<< "$(rate cold-bench.log "$LINES" "$LINES")"
kill "$(cat cold-bench.pid)"

parallel() { # loggers: LINES lines in all, split between them
	local per=$((LINES / $1)) total pids=()
	total=$(($(count parallel-bench.log) + per * $1))
	for i in $(seq "$1"); do
		head -n "$per" lines.txt | logger -u "$WORK/log.sock" -t parallel-bench &
		pids+=($!)
	done
	wait "${pids[@]}"
	await parallel-bench.log "$total"
	rate parallel-bench.log "$total" $((per * $1)) | awk -v k="$1" '{printf "%s loggers at once: %\047d lines/s, lost %d\n", k, $1, $2}'
}

summary() { # rounds file: median rate, total lost, median CPU
	echo "$(cut -d' ' -f1 "$1" | median | awk '{printf "%\047d", $1}') lines/s, lost $(awk '{s += $2} END {print s}' "$1"), CPU $(cut -d' ' -f3 "$1" | median) us/line"
}
echo "logger      : $(summary logger.rounds)   (median of $ROUNDS rounds of $LINES lines)"
echo "boot-daemon : $(summary daemon.rounds)"
echo "app | logger: $(summary piped.rounds)"
echo "cold daemon : $(printf "%'d" "$cold_rate") lines/s, lost $cold_lost   (printing from its first second)"
parallel 2
parallel 4
echo "($(java -version 2>&1 | head -1), $(nproc) cores, $(rsyslogd -v | head -1 | cut -d' ' -f1-3))"
