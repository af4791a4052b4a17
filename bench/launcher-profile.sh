#!/usr/bin/env bash
# Where the launcher spends its time before it spawns the daemon: runs the daemon RUNS
# times each way, alternating, with the JVM's class-loading log (uptime-stamped) and prints,
# as medians, when the launcher reached each milestone, told by the first class each one
# loads ("-": never reached that way). Three ways: the early start with daemon.enabled=true
# on the command line ("early") or only in application.properties ("file"), the daemon
# spawned from SpringApplication's constructor before any run listener exists, and the
# usual start with the flag only in application.yml, which the early start does not read
# ("usual": spawned once Spring Boot has read it).
#
# Usage: bench/launcher-profile.sh [RUNS]   (after mvn package; RUNS defaults to 5)
RUNS=${1:-5}
source "$(dirname "$0")/common.sh"

milestones=(
	"org.springframework.boot.loader.launch.JarLauncher|Spring Boot's jar launcher runs"
	"org.springframework.boot.SpringApplication|SpringApplication loaded"
	"dev.bootdaemon.entry.EarlyLaunch|SpringApplication's constructor creates the bootstrap initializers"
	"dev.bootdaemon.entry.DaemonRunListener|the starter's run listener created"
	"org.springframework.boot.context.config.ConfigDataEnvironment|configuration files being loaded"
	"dev.bootdaemon.entry.DaemonCommand|daemon mode decided"
	"dev.bootdaemon.settings.LaunchChecks|the launcher's checks (the early daemon makes them itself)"
	"dev.bootdaemon.launch.DetachedProcess|daemon spawned"
)
launch() { # WAY RUN
	mkdir -p "$1$2"
	rm -f application.properties application.yml
	case "$1" in
		early) set -- "$1" "$2" --daemon.enabled=true ;;
		file) echo daemon.enabled=true > application.properties ;;
		usual) printf 'daemon:\n  enabled: true\n' > application.yml ;;
	esac
	java "-Xlog:class+load:file=$WORK/$1$2/%p.log:uptime" -jar app.jar "${@:3}" --daemon.pid-file=app.pid \
		--server.port=0 > /dev/null
	kill "$(cat app.pid)"; while [ -f app.pid ]; do sleep 0.05; done
}
for i in $(seq "$RUNS"); do launch early "$i"; launch file "$i"; launch usual "$i"; done
printf 'launcher, %s runs each way, %s, %s cores (class-load logging on: a little slower)\n' "$RUNS" \
	"$(java -version 2>&1 | head -1)" "$(nproc)"
printf '   early     file    usual\n'
for milestone in "${milestones[@]}"; do
	class=${milestone%%|*}
	for way in early file usual; do
		times=$(for i in $(seq "$RUNS"); do
			# The launcher's log is the one that spawned the daemon.
			log=$(grep -l 'dev.bootdaemon.launch.DetachedProcess ' "$way$i"/*.log)
			grep -m1 "] $class " "$log" | sed 's/^\[\([0-9.]*\)s\].*/\1/' || true
		done)
		if [ -n "$times" ]; then printf '  %6.3f s' "$(median <<< "$times")"; else printf '  %6s  ' -; fi
	done
	printf '  %s\n' "${milestone#*|}"
done
