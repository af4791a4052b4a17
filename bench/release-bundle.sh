#!/usr/bin/env bash
# The release as Central's Publisher Portal would take it, built offline and checked.
# In a scratch copy of the repository with the release version (the snapshot's, without
# -SNAPSHOT, unless given), with a throwaway signing key made here, runs the release
# profile with the bundle-only mode of Sonatype's central-publishing-maven-plugin, then
# checks the bundle: for each published artifact its .pom, and for a jar its .jar,
# -sources.jar and -javadoc.jar; each with .asc, .md5 and .sha1 that match; gpg --verify
# passes on every .asc; no sample-app; every POM names the project's own url, licence,
# developers and scm, never Spring Boot's.
#
# Usage: bench/release-bundle.sh [VERSION]   (needs gpg and unzip)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
snapshot=$(sed -n '0,/<artifactId>boot-daemon-parent<\/artifactId>/d; s:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)
version=${1:-${snapshot%-SNAPSHOT}}
scratch=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$scratch"' EXIT
(cd "$root" && git ls-files -z | xargs -0 cp --parents -t "$scratch")
sed -i "s/<version>$snapshot<\/version>/<version>$version<\/version>/" "$scratch"/pom.xml "$scratch"/*/pom.xml

export GNUPGHOME=$scratch/gnupg
mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --passphrase '' --quick-gen-key 'boot-daemon release check <release-check@bootdaemon.invalid>' \
	ed25519 sign 1d
key=$(gpg --list-secret-keys --with-colons | awk -F: '$1 == "fpr" {print $10; exit}')

cd "$scratch"
# The plugin reads the server's credentials even when it only builds the bundle.
cat > settings.xml <<'XML'
<settings><servers><server><id>central</id><username>offline</username><password>offline</password></server></servers></settings>
XML
if ! mvn -B -q -s settings.xml -Prelease -DskipTests -Dgpg.keyname="$key" -Dcentral.skipUpload=true deploy \
		> build.log 2>&1; then
	tail -60 build.log
	echo "FAIL the release build"
	exit 1
fi
bundle=$(find "$scratch" -name central-bundle.zip -path '*target*' | head -1)
[ -n "$bundle" ] || { echo "FAIL no central-bundle.zip"; exit 1; }
mkdir unpacked
(cd unpacked && unzip -q "$bundle")

failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
checked=0
for pom in $(find unpacked -name '*.pom' | sort); do
	base=${pom%.pom}
	files=("$pom")
	if ! grep -q '<packaging>pom</packaging>' "$pom"; then
		files+=("$base.jar" "$base-sources.jar" "$base-javadoc.jar")
	fi
	for file in "${files[@]}"; do
		[ -f "$file" ] || { fail "missing ${file#unpacked/}"; continue; }
		for sum in md5 sha1; do
			[ "$(cat "$file.$sum" 2>/dev/null)" = "$("${sum}sum" "$file" | cut -d' ' -f1)" ] \
				|| fail "${file#unpacked/}.$sum does not match"
		done
		gpg --batch --quiet --verify "$file.asc" "$file" 2>/dev/null || fail "${file#unpacked/}.asc does not verify"
		checked=$((checked + 1))
	done
	for element in '<url>https://bootdaemon.dev</url>' '<name>Apache License, Version 2.0</name>' \
			'<name>The boot-daemon developers</name>' '<url>https://github.com/bootdaemon/boot-daemon</url>'; do
		grep -qF "$element" "$pom" || grep -qF "$element" unpacked/dev/bootdaemon/boot-daemon-parent/*/*.pom \
			|| fail "${pom#unpacked/} has no $element"
	done
	! grep -qi 'spring-projects/spring-boot\|VMware' "$pom" || fail "${pom#unpacked/} names Spring Boot's project"
done
! find unpacked -path '*sample-app*' | grep -q . || fail "sample-app is in the bundle"
artifacts=$(find unpacked -name '*.pom' | wc -l)
[ "$artifacts" -ge 3 ] || fail "$artifacts POMs in the bundle, expected the parent, the autoconfigure module and the starter"
if [ "$failures" -gt 0 ]; then
	exit 1
fi
echo "PASS $version bundle: $artifacts artifacts, $checked files signed, checksummed and verified ($(basename "$bundle"), $(du -k "$bundle" | cut -f1) kB)"
