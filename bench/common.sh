# Sourced by the benchmarks: a scratch directory holding a copy of the sample jar as
# app.jar becomes the working directory; WORK names it. The caller removes it.
set -euo pipefail
jar=$(ls "$(dirname "${BASH_SOURCE[0]}")"/../sample-app/target/sample-app-*.jar | grep -v original | head -1)
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
WORK=$(mktemp -d)
cp "$jar" "$WORK/app.jar"
cd "$WORK"
now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
