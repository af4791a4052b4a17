# Sourced by the benchmarks: a scratch directory holding a copy of the sample jar as
# app.jar becomes the working directory; WORK names it. On exit, whatever a pidfile in
# it names (a daemon left running, a syslog daemon) is stopped and the directory removed.
set -euo pipefail
# BENCH_JAR runs another build of the sample app, for a before/after comparison.
jar=${BENCH_JAR:-$(ls "$(dirname "${BASH_SOURCE[0]}")"/../sample-app/target/sample-app-*.jar | grep -v original | head -1)}
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
WORK=$(mktemp -d)
cp "$jar" "$WORK/app.jar"
cd "$WORK"
now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# Runs two commands RUNS times each, in turn first (ABBA): which of two starts goes first
# was seen to matter by a few per cent on this machine.
alternate() { # RUNS FIRST SECOND (each a command, split on spaces)
	local i
	for i in $(seq "$1"); do
		if [ $((i % 2)) = 1 ]; then $2; $3; else $3; $2; fi
	done
}
cleanup() {
	for pidfile in "$WORK"/*.pid; do
		[ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
	done
	rm -rf "$WORK"
}
trap cleanup EXIT
