#!/usr/bin/env bash
# Command-line start benchmark: `parley send`, `parley models` and `parley usage` against a server
# on this computer (installer/bench/LoopbackServer.java), beside curl asking the same server the same
# thing, and a JVM that does nothing (java -version). Runs are interleaved; medians in seconds and
# each command's time beyond curl's are printed. The data folder is a scratch one (PARLEY_HOME), so
# nothing touches yours; every run of send adds a row to its ledger, as a user's runs would.
# Figures, not a test: nothing here passes or fails on a number.
#   installer/bench-cli.sh [RUNS] [--app LAUNCHER]... [--jar JAR]
# RUNS defaults to 11. The jar (default target/parley.jar, built when missing) runs with
# `java -jar`; each --app adds an installed launcher (e.g. target/dist/image/Parley/bin/Parley or
# /opt/parley/bin/Parley) measured the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=11 jar=target/parley.jar apps=()
while [ $# -gt 0 ]; do
  case "$1" in
    --app) apps+=("$2"); shift ;;
    --jar) jar=$2; shift ;;
    [0-9]*) runs=$1 ;;
    *) echo "bench-cli: unknown option $1 (see the comment at the top of installer/bench-cli.sh)" >&2; exit 2 ;;
  esac
  shift
done
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java=$JAVA_HOME/bin/java
command -v curl >/dev/null || { echo "bench-cli: needs curl" >&2; exit 2; }
if [ ! -f "$jar" ]; then
  echo "bench-cli: building $jar (mvn -DskipTests package)"
  mvn -q -B -DskipTests package >/dev/null
fi

bench=$(mktemp -d "${TMPDIR:-/tmp}/parley-bench-cli.XXXXXX")
"$java" installer/bench/LoopbackServer.java 0 >"$bench/server.out" 2>"$bench/server.err" & server_pid=$!
trap 'kill $server_pid 2>/dev/null || true; rm -rf "$bench"' EXIT
for _ in $(seq 100); do grep -q '^listening on ' "$bench/server.out" 2>/dev/null && break; sleep 0.2; done
url=$(sed -n '1s/^listening on //p' "$bench/server.out")
[ -n "$url" ] || { cat "$bench/server.err" >&2; echo "bench-cli: the loopback server did not start" >&2; exit 1; }
export PARLEY_HOME=$bench/home

body='{"model":"bench-model","messages":[{"role":"user","content":"hi"}],"stream":true,"stream_options":{"include_usage":true}}'
# The things timed: a label, then the command. Each prints to $bench/out; a failed run stops the benchmark.
labels=() commands=()
add() { labels+=("$1"); commands+=("$2"); }
add "curl chat" "curl -sS -N $url/chat/completions -H 'Content-Type: application/json' -d '$body'"
add "curl models" "curl -sS $url/models"
add "java -version" "$java -version"
add "jar send" "$java -jar $jar send --base-url $url --model bench-model --message hi"
add "jar models" "$java -jar $jar models --base-url $url"
add "jar usage" "$java -jar $jar usage"
for app in "${apps[@]}"; do
  name=$(basename "$(dirname "$(dirname "$app")")")
  add "$name send" "$app send --base-url $url --model bench-model --message hi"
  add "$name models" "$app models --base-url $url"
  add "$name usage" "$app usage"
done

# One run of command I: its wall time in milliseconds, appended to $bench/I.txt
measure() {
  local i=$1 start end
  start=$(date +%s%N)
  bash -c "${commands[$i]}" >"$bench/out" 2>&1 || { cat "$bench/out" >&2; echo "bench-cli: '${labels[$i]}' failed" >&2; exit 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 )) >>"$bench/$i.txt"
}
median() { sort -n "$1" | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2)}'; }
seconds() { awk -v ms="$1" 'BEGIN {printf "%.2f", ms / 1000}'; }

for i in "${!commands[@]}"; do measure "$i"; : >"$bench/$i.txt"; done   # warm the file cache and the data folder
for _ in $(seq "$runs"); do
  for i in "${!commands[@]}"; do measure "$i"; done
done

curl_chat=$(median "$bench/0.txt") curl_models=$(median "$bench/1.txt")
echo "bench-cli: $runs runs each, interleaved; $(nproc) cores, load average$(uptime | sed 's/.*load average//')"
version=$("$java" -version 2>&1)
echo "java: ${version%%$'\n'*}"
printf '%-22s %8s %14s\n' "command" "median s" "beyond curl s"
for i in "${!commands[@]}"; do
  ms=$(median "$bench/$i.txt")
  case "${labels[$i]}" in
    *send) base=$curl_chat ;;
    curl*) base="" ;;
    *) base=$curl_models ;;
  esac
  printf '%-22s %8s %14s\n' "${labels[$i]}" "$(seconds "$ms")" "${base:+$(seconds $((ms - base)))}"
done
