#!/usr/bin/env bash
# Syslog forwarding throughput, side by side in one run: LINES lines through the
# daemon's forwarder (daemon.output=syslog, printed by the sample app at startup) and
# the same lines piped through util-linux logger, both to one private rsyslogd over a
# Unix datagram socket. Rates come from rsyslog's own receive timestamps (first to
# last line); loss is LINES minus what arrived.
#
# Usage: bench/syslog.sh [LINES]   (after mvn package; LINES defaults to 1000000)
LINES=${1:-1000000}
source "$(dirname "$0")/common.sh"
cat > rsyslog.conf <<CONF
global(workDirectory="$WORK")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$WORK/log.sock" RateLimit.Interval="0")
template(name="bench" type="string" string="%timegenerated:::date-unixtimestamp% %timegenerated:::date-rfc3339% %syslogtag% %msg%\n")
:syslogtag, startswith, "logger-bench" action(type="omfile" file="$WORK/logger.log" template="bench")
:syslogtag, startswith, "daemon-bench" action(type="omfile" file="$WORK/daemon.log" template="bench")
CONF
rsyslogd -n -f rsyslog.conf -i "$WORK/rsyslogd.pid" &
RSYSLOG=$!
# Also before rsyslogd has written its pidfile.
trap 'kill "$RSYSLOG" 2>/dev/null || true; cleanup' EXIT
until [ -S log.sock ]; do sleep 0.05; done

count() { [ -f "$1" ] && grep -c " line " "$1" || echo 0; }
await() { # file: wait until LINES arrived or nothing new came for 10 s
	local last=-1 same=0 now
	while :; do
		now=$(count "$1")
		[ "$now" -ge "$LINES" ] && break
		if [ "$now" = "$last" ]; then same=$((same + 1)); [ $same -ge 100 ] && break; else same=0; fi
		last=$now; sleep 0.1
	done
}
rate() { # file: lines per second between the first and the last received line
	python3 - "$1" "$LINES" <<'PY'
import sys, datetime
lines = [l.split(' ', 2)[1] for l in open(sys.argv[1]) if ' line ' in l]
t = [datetime.datetime.fromisoformat(x) for x in (lines[0], lines[-1])]
seconds = (t[1] - t[0]).total_seconds() or 1e-6
print(f"{len(lines)} of {sys.argv[2]} lines, lost {int(sys.argv[2]) - len(lines)}, {len(lines) / seconds:,.0f} lines/s over {seconds:.2f} s")
PY
}

seq -f 'line %.0f' 1 "$LINES" | logger -u "$WORK/log.sock" -t logger-bench
await logger.log
echo "logger      : $(rate logger.log)"

java -jar app.jar --daemon.enabled=true --daemon.output=syslog --daemon.syslog.address="unix://$WORK/log.sock" \
	--daemon.syslog.tag=daemon-bench --daemon.pid-file=app.pid --server.port=0 \
	--sample.print-lines="$LINES" > /dev/null
await daemon.log
echo "boot-daemon : $(rate daemon.log)"
echo "($(java -version 2>&1 | head -1), $(nproc) cores, $(rsyslogd -v | head -1))"
