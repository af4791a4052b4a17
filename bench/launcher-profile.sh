#!/usr/bin/env bash
# Where the launcher spends its time before it spawns the daemon: runs the daemon RUNS
# times with the JVM's class-loading log (uptime-stamped) and prints, as medians, when
# the launcher reached each milestone, told by the first class each one loads.
#
# Usage: bench/launcher-profile.sh [RUNS]   (after mvn package; RUNS defaults to 5)
RUNS=${1:-5}
source "$(dirname "$0")/common.sh"

milestones=(
	"org.springframework.boot.loader.launch.JarLauncher|Spring Boot's jar launcher runs"
	"org.springframework.boot.SpringApplication|SpringApplication loaded"
	"org.springframework.boot.context.config.ConfigDataEnvironment|configuration files being loaded"
	"dev.bootdaemon.entry.DaemonCommand|configuration loaded, daemon mode decided"
	"dev.bootdaemon.settings.LaunchChecks|checks before anything is created (JNA is not loaded: no libc call needed)"
	"dev.bootdaemon.launch.DetachedProcess|daemon spawned"
)
for i in $(seq "$RUNS"); do
	mkdir "run$i"
	java "-Xlog:class+load:file=$WORK/run$i/%p.log:uptime" -jar app.jar --daemon.enabled=true \
		--daemon.pid-file=app.pid --server.port=0 > /dev/null
	kill "$(cat app.pid)"; while [ -f app.pid ]; do sleep 0.05; done
done
printf 'launcher, %s runs, %s, %s cores (class-load logging on: a little slower)\n' "$RUNS" \
	"$(java -version 2>&1 | head -1)" "$(nproc)"
for milestone in "${milestones[@]}"; do
	class=${milestone%%|*}
	for i in $(seq "$RUNS"); do
		# The launcher's log is the one that spawned the daemon.
		log=$(grep -l 'dev.bootdaemon.launch.DetachedProcess ' "run$i"/*.log)
		grep -m1 "] $class " "$log" | sed 's/^\[\([0-9.]*\)s\].*/\1/'
	done | median | { read -r t; printf '  %6.3f s  %s\n' "$t" "${milestone#*|}"; }
done
