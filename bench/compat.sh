#!/usr/bin/env bash
# Compatibility matrix: builds the project on a given JDK against a given Spring Boot
# version (the parent's version replaced in a scratch copy) and runs the daemon's core
# integration tests there.
#
# Usage: bench/compat.sh JAVA_HOME BOOT_VERSION [IT_CLASSES]
#   e.g. bench/compat.sh /usr/lib/jvm/temurin-25-jdk-amd64 4.0.7
#        bench/compat.sh /usr/lib/jvm/java-17-openjdk-amd64 4.1.2
set -euo pipefail
java_home=$1
boot=$2
tests=${3:-DaemonProcessIT,PidFileIT,OperationsIT}
[ -x "$java_home/bin/java" ] || { echo "FAIL no JDK at $java_home" >&2; exit 1; }
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
(cd "$root" && git ls-files -z | xargs -0 cp --parents -t "$scratch")
# Only the parent of the root pom names the Spring Boot version.
sed -i "0,/<version>4\.[0-9]*\.[0-9]*<\/version>/s//<version>$boot<\/version>/" "$scratch/pom.xml"
grep -q "<version>$boot</version>" "$scratch/pom.xml"
cd "$scratch"
label="Java $("$java_home/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2), Spring Boot $boot"
if JAVA_HOME=$java_home PATH=$java_home/bin:$PATH mvn -B -q verify -Dit.test="$tests" -Dsurefire.failIfNoSpecifiedTests=false \
		> "$scratch/build.log" 2>&1; then
	its=$(sed -n 's:.*<completed>\([0-9]*\)</completed>.*:\1:p' "$scratch/sample-app/target/failsafe-reports/failsafe-summary.xml")
	echo "PASS $label ($tests: $its integration tests)"
else
	tail -60 "$scratch/build.log"
	echo "FAIL $label ($tests)"
	exit 1
fi
