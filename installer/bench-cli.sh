#!/usr/bin/env bash
# Command-line start benchmark: `parley send`, `parley models` and `parley usage` against a server
# on this computer (installer/bench/LoopbackServer.java), beside curl asking the same server the same
# thing, and a JVM that does nothing (java -version). Runs are interleaved; medians in seconds of
# the wall time, of each command's time beyond curl's, and of the processor time (user and system,
# all threads: the figure that other work on the machine changes least) are printed. The data folder is a scratch one (PARLEY_HOME), so
# nothing touches yours; every run of send adds a row to its ledger, as a user's runs would.
# Figures, not a test: nothing here passes or fails on a number.
#   installer/bench-cli.sh [RUNS] [--jar JAR]... [--app LAUNCHER]... [--db FILE.db]
# RUNS defaults to 11. Each jar (default target/parley.jar, built when missing) runs with
# `java -jar`; each --app adds an installed launcher (e.g. target/dist/image/Parley/bin/Parley or
# /opt/parley/bin/Parley) measured the same way. Several of each compare builds side by side.
# --db starts the scratch data folder with a copy of that database (e.g. one a year of use has
# grown) instead of none.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=11 jars=() apps=() db=""
while [ $# -gt 0 ]; do
  case "$1" in
    --app) apps+=("$2"); shift ;;
    --jar) jars+=("$2"); shift ;;
    --db) db=$2; shift ;;
    [0-9]*) runs=$1 ;;
    *) echo "bench-cli: unknown option $1 (see the comment at the top of installer/bench-cli.sh)" >&2; exit 2 ;;
  esac
  shift
done
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java=$JAVA_HOME/bin/java
command -v curl >/dev/null && [ -x /usr/bin/time ] || { echo "bench-cli: needs curl and GNU time (apt-get install curl time)" >&2; exit 2; }
if [ ${#jars[@]} -eq 0 ] && [ ${#apps[@]} -eq 0 ]; then
  jars=(target/parley.jar)
  [ -f target/parley.jar ] || { echo "bench-cli: building target/parley.jar (mvn -DskipTests package)"; mvn -q -B -DskipTests package >/dev/null; }
fi

bench=$(mktemp -d "${TMPDIR:-/tmp}/parley-bench-cli.XXXXXX")
"$java" installer/bench/LoopbackServer.java 0 >"$bench/server.out" 2>"$bench/server.err" & server_pid=$!
trap 'kill $server_pid 2>/dev/null || true; rm -rf "$bench"' EXIT
for _ in $(seq 100); do grep -q '^listening on ' "$bench/server.out" 2>/dev/null && break; sleep 0.2; done
url=$(sed -n '1s/^listening on //p' "$bench/server.out")
[ -n "$url" ] || { cat "$bench/server.err" >&2; echo "bench-cli: the loopback server did not start" >&2; exit 1; }
export PARLEY_HOME=$bench/home
if [ -n "$db" ]; then mkdir -p "$PARLEY_HOME"; cp "$db" "$PARLEY_HOME/parley.db"; fi

body='{"model":"bench-model","messages":[{"role":"user","content":"hi"}],"stream":true,"stream_options":{"include_usage":true}}'
# The things timed: a label, then the command. Each prints to $bench/out; a failed run stops the benchmark.
labels=() commands=()
add() { labels+=("$1"); commands+=("$2"); }
add "curl chat" "curl -sS -N $url/chat/completions -H 'Content-Type: application/json' -d '$body'"
add "curl models" "curl -sS $url/models"
add "java -version" "$java -version"
for run in "${jars[@]/#/$java -jar }" "${apps[@]}"; do
  add "${run#"$java "} send" "$run send --base-url $url --model bench-model --message hi"
  add "${run#"$java "} models" "$run models --base-url $url"
  add "${run#"$java "} usage" "$run usage"
done

# One run of command I: its wall time and its processor time (user and system, of every thread),
# in milliseconds, appended to $bench/I.txt
measure() {
  local i=$1 start end
  start=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$bench/time" bash -c "${commands[$i]}" >"$bench/out" 2>&1 \
    || { cat "$bench/out" >&2; echo "bench-cli: '${labels[$i]}' failed" >&2; exit 1; }
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(awk '{printf "%d", ($1 + $2) * 1000}' "$bench/time")" >>"$bench/$i.txt"
}
median() { cut -d' ' -f"$2" "$1" | sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2)}'; }
seconds() { awk -v ms="$1" 'BEGIN {printf "%.2f", ms / 1000}'; }

load_before=$(uptime | sed 's/.*load average: //')
for i in "${!commands[@]}"; do measure "$i"; : >"$bench/$i.txt"; done   # warm the file cache and the data folder
for _ in $(seq "$runs"); do
  for i in "${!commands[@]}"; do measure "$i"; done
done

curl_chat=$(median "$bench/0.txt" 1) curl_models=$(median "$bench/1.txt" 1)
echo "bench-cli: $runs runs each, interleaved; $(nproc) cores; load average before $load_before, after $(uptime | sed 's/.*load average: //')"
version=$("$java" -version 2>&1)
echo "java: ${version%%$'\n'*}"
printf '%-44s %8s %14s %8s\n' "command" "median s" "beyond curl s" "cpu s"
for i in "${!commands[@]}"; do
  ms=$(median "$bench/$i.txt" 1)
  case "${labels[$i]}" in
    *send) base=$curl_chat ;;
    curl*) base="" ;;
    *) base=$curl_models ;;
  esac
  printf '%-44s %8s %14s %8s\n' "${labels[$i]}" "$(seconds "$ms")" "${base:+$(seconds $((ms - base)))}" \
    "$(seconds "$(median "$bench/$i.txt" 2)")"
done
