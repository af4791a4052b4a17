# boot-daemon's supervisor: runs the application, the command in "$@", and starts it
# again after a failure, as daemon.restart says, until the start limit. A POSIX shell
# and nothing else: it waits on its child and, with a watchdog, wakes once an interval.
# The lines before this set: restart (on-failure or always), delay, max_delay,
# interval and watchdog (milliseconds, watchdog 0 for none), limit, name, pidfile,
# output (the output file, empty for other outputs), remove_pidfile (a script that
# removes a pidfile its dead holder left), syslog and to_syslog (for syslog output).

# The heartbeat file is open on descriptor 5 and has no name: nothing is left on disk,
# whatever ends the supervisor. The daemon opens it as /proc/PID/fd/5.
state=$(mktemp -d "${TMPDIR:-/tmp}/boot-daemon-supervisor.XXXXXX") || exit 70
{ : >"$state/heartbeat" && exec 5<>"$state/heartbeat"; } || { rm -rf "$state"; exit 70; }
rm -rf "$state"
heartbeat=/proc/$$/fd/5
reset=
if env --default-signal true 2>/dev/null; then reset='env --default-signal'; fi
pid= timer= nap= stopping= woken= restarts=0 last= starts=

# To syslog as the daemon's lines go; else to the output file as it is now, not one
# logrotate moved away, never through a link and never making it (the supervisor may be
# root in a directory the daemon's user can write); else to the output it was started
# with. "say err ..." for an error.
say() {
	level=warning
	if [ "$1" = err ]; then
		level=err
		shift
	fi
	if [ -n "$syslog" ] && to_syslog "$level" "supervisor: $*" </dev/null >/dev/null 2>&1; then
		return
	fi
	line="$(date '+%Y-%m-%d %H:%M:%S') boot-daemon supervisor (pid $$): $*"
	if [ -z "$output" ] || ! printf '%s\n' "$line" |
		dd of="$output" oflag=append,nofollow conv=notrunc,nocreat status=none 2>/dev/null; then
		printf '%s\n' "$line" >&2
	fi
}

# The pidfile the dead daemon left, under its lock; never a live one's.
remove_stale_pidfile() {
	sh -c "$remove_pidfile" sh "$pidfile" "$pid" </dev/null >/dev/null 2>&1
}

# The daemon leaves its pidfile to the supervisor, which keeps it while it waits to
# restart (it tells a second start so) and removes it once it starts nothing more.
finish() {
	[ -z "$timer" ] || kill "$timer" 2>/dev/null
	[ -z "$pid" ] || remove_stale_pidfile
	exit "$1"
}

# Milliseconds since boot, from /proc/uptime's hundredths.
now() {
	read -r now _ </proc/uptime
	now=$(( ${now%.*}${now#*.} * 10 ))
}

seconds() {
	if [ $(( $1 % 1000 )) -eq 0 ]; then
		printf '%d' $(( $1 / 1000 ))
	else
		printf '%d.%03d' $(( $1 / 1000 )) $(( $1 % 1000 ))
	fi
}

stop() {
	stopping=1 woken=1
	[ -z "$pid" ] || kill -TERM "$pid" 2>/dev/null
	[ -z "$nap" ] || kill "$nap" 2>/dev/null
}

trap stop TERM INT
trap 'woken=1' HUP
[ "$watchdog" -eq 0 ] || trap 'woken=1' CHLD

start() {
	[ -z "$stopping" ] || finish 0
	: >"$heartbeat"
	BOOT_DAEMON_SUPERVISOR=$$ BOOT_DAEMON_HEARTBEAT_FD=5 BOOT_DAEMON_RESTARTS=$restarts
	BOOT_DAEMON_LAST_RESTART=$last
	export BOOT_DAEMON_SUPERVISOR BOOT_DAEMON_HEARTBEAT_FD BOOT_DAEMON_RESTARTS BOOT_DAEMON_LAST_RESTART
	$reset "$@" 5>&- &
	pid=$! beat= hung=
	# A stop that came before $pid was set.
	[ -z "$stopping" ] || kill -TERM "$pid" 2>/dev/null
}

# A heartbeat that has not moved in an interval is a hang: a thread dump into the
# output (the JVM writes one on SIGQUIT, once continued if it was stopped), then SIGKILL.
check_heartbeat() {
	read -r phase count <"$heartbeat" || phase=
	if [ "$phase" != ready ]; then
		beat=
	elif [ "$count" != "$beat" ]; then
		beat=$count
	elif [ -z "$hung" ]; then
		hung=1
		say err "$name (pid $pid) sent no heartbeat for $(seconds "$watchdog") s (daemon.watchdog):" \
			"thread dump, then SIGKILL"
		kill -QUIT "$pid" 2>/dev/null
		kill -CONT "$pid" 2>/dev/null
		sleep 2
		kill -KILL "$pid" 2>/dev/null
	fi
}

# Until the application exits: its status in $status.
await() {
	while :; do
		if [ "$watchdog" -ne 0 ] && [ -z "$timer" ]; then
			sleep "$(seconds "$watchdog")" &
			timer=$!
		fi
		woken=
		wait "$pid"
		status=$?
		if kill -0 "$pid" 2>/dev/null; then
			if [ -n "$timer" ] && ! kill -0 "$timer" 2>/dev/null; then
				wait "$timer"
				timer=
				check_heartbeat
			fi
			continue
		fi
		# Woken by a trap as it exited: its status is still to be collected.
		if [ -n "$woken" ]; then
			wait "$pid"
			collected=$?
			[ "$collected" -eq 127 ] || status=$collected
		fi
		return
	done
}

describe() {
	if [ -n "$hung" ]; then
		cause="hung (no heartbeat for $(seconds "$watchdog") s)"
	elif [ "$status" -gt 128 ]; then
		cause="killed by SIG$(kill -l "$(( status - 128 ))")"
	else
		cause="exited with status $status"
	fi
}

while :; do
	start "$@"
	await
	if [ -n "$stopping" ]; then
		finish 0
	fi
	read -r phase _ <"$heartbeat" || phase=
	if [ -z "$phase" ] && [ "$restarts" -eq 0 ]; then
		# It never became ready: its launcher reports that.
		finish "$status"
	fi
	describe
	ended=$(date '+%Y-%m-%d %H:%M:%S')
	case $status in
	130 | 143)
		say "$name (pid $pid) $cause; not restarted"
		finish 0
		;;
	0 | 129 | 141)
		if [ "$restart" != always ] && [ -z "$hung" ]; then
			say "$name (pid $pid) $cause; not restarted (daemon.restart=$restart)"
			finish 0
		fi
		;;
	esac
	now
	recent= count=0
	for time in $starts; do
		if [ $(( now - time )) -lt "$interval" ]; then
			recent="$recent $time" count=$(( count + 1 ))
		fi
	done
	if [ "$limit" -eq 0 ]; then
		say err "$name (pid $pid) $cause; not restarted (daemon.restart-limit=0)"
		finish 1
	fi
	if [ "$count" -ge "$limit" ]; then
		say err "$name (pid $pid) $cause; gave up: $count restarts in $(seconds "$interval") s" \
			"(daemon.restart-limit=$limit)"
		finish 1
	fi
	pause=$delay
	for _ in $recent; do
		pause=$(( pause * 2 ))
		[ "$pause" -lt "$max_delay" ] || { pause=$max_delay; break; }
	done
	say "$name (pid $pid) $cause; restarting in $(seconds "$pause") s"
	sleep "$(seconds "$pause")" &
	nap=$!
	wait "$nap"
	nap=
	if [ -n "$stopping" ]; then
		finish 0
	fi
	starts="$recent $now" restarts=$(( restarts + 1 )) last="$cause, $ended"
done
