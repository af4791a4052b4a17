#!/usr/bin/env bash
# What the starter costs when it is on the classpath but disabled: the sample app with
# daemon.enabled=false against the same jar with the starter's jars (daemon-* and JNA)
# taken out. Alternating RUNS times, which one goes first alternating too; each start is
# timed by Spring Boot itself ("process running for", JVM start to started); medians.
#
# Usage: bench/disabled.sh [RUNS]   (after mvn package; RUNS defaults to 11)
RUNS=${1:-11}
source "$(dirname "$0")/common.sh"
cp app.jar without.jar
zip -q -d without.jar 'BOOT-INF/lib/daemon-*' 'BOOT-INF/lib/jna-*'
mkdir -p index/BOOT-INF
unzip -p app.jar BOOT-INF/classpath.idx | grep -v -e '/daemon-' -e '/jna-' > index/BOOT-INF/classpath.idx
(cd index && zip -q ../without.jar BOOT-INF/classpath.idx)
! unzip -l without.jar | grep -q -e daemon- -e jna-
started() { # jar [jvm option]: seconds from JVM start until the app has started
	java ${2:-} -jar "$1" --daemon.enabled=false --server.port=0 > start.log 2>&1 &
	local pid=$!
	until grep -q 'Started SampleApplication' start.log; do sleep 0.05; done
	kill "$pid"; wait "$pid" || true
	sed -n 's/.*process running for \([0-9.]*\)).*/\1/p' start.log
}
: > with.txt; : > without.txt
started_without() { started without.jar >> without.txt; }
started_with() { started app.jar >> with.txt; }
alternate "$RUNS" started_without started_with
# Classes loaded, the figure that timing noise does not blur.
started without.jar -Xlog:class+load:file=without.classes > /dev/null
started app.jar -Xlog:class+load:file=with.classes > /dev/null
with=$(median < with.txt); without=$(median < without.txt)
printf 'runs %s, %s, %s cores\n' "$RUNS" "$(java -version 2>&1 | head -1)" "$(nproc)"
printf 'no starter                     median %.3f s\n' "$without"
printf 'starter, daemon.enabled=false  median %.3f s\n' "$with"
printf 'ratio                          %.3f\n' "$(echo "$with / $without" | bc -l)"
printf 'classes loaded: no starter %s, starter disabled %s; the starter'"'"'s own: %s\n' \
	"$(wc -l < without.classes)" "$(wc -l < with.classes)" \
	"$(grep -o 'dev\.bootdaemon\.[A-Za-z.$]*' with.classes | grep -v '\.sample\.' | sort -u | tr '\n' ' ')"
