#!/usr/bin/env bash
# A year of use: generates a database of a year of heavy use (src/test/java/parley/bench/YearDatabase.java:
# 5,000 conversations, 250,000 messages, 300,000 ledger rows over 365 days, 300 presets) and measures,
# beside an empty database in the same run:
#  1. the services (parley.bench.YearBench, one JVM): opening the database, the history list, search as
#     you type, opening the longest conversation, the usage panel, the budget check, Send to the request
#     on the wire; medians of interleaved rounds, year / empty ratios;
#  2. the transcript on Monocle (parley.bench.YearTranscriptBench): opening the longest conversation,
#     scrolling it end to end, the heap held and the nodes built;
#  3. start-up from the class path under Xvfb with --smoke: first frame and built window (the composer
#     focused), runs interleaved empty / year, medians.
# Figures, not a test: nothing here passes or fails on a number. Prints the machine's load before and after.
#   installer/bench-scale.sh [RUNS]        (start-up runs per database, default 5)
# Needs: Maven with the project's dependencies, xvfb for the start-up part (skipped without it).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
java=$JAVA_HOME/bin/java
out=target/bench-scale
mkdir -p "$out"

echo "bench: compiling the test classes (mvn test-compile)" >&2
mvn -q -o -B test-compile >/dev/null
mvn -q -o -B dependency:build-classpath -Dmdep.outputFile="$out/test.classpath" -Dmdep.includeScope=test >/dev/null
mvn -q -o -B dependency:build-classpath -Dmdep.outputFile="$out/runtime.classpath" -Dmdep.includeScope=runtime >/dev/null
test_cp="target/test-classes:target/classes:$(cat "$out/test.classpath")"
app_cp="target/classes:$(cat "$out/runtime.classpath")"
jvm=(--enable-native-access=ALL-UNNAMED -Djava.util.logging.config.file=/dev/null)

year=$out/year-source.db
if [ ! -f "$year" ]; then
  echo "bench: generating the year of use into $year" >&2
  "$java" "${jvm[@]}" -cp "$test_cp" parley.bench.YearDatabase "$year" 1 "$(date -u +%F)"
fi

echo "Load before: $(uptime)"
echo
echo "Services, year of use against an empty database, in one JVM ($(nproc) cores):"
"$java" "${jvm[@]}" -Xms1g -Xmx1g -cp "$test_cp" parley.bench.YearBench "$year" "$out/services" 2>"$out/services.log"
echo
echo "The transcript on Monocle, the longest conversation against one of 2 messages (YearTranscriptBench):"
mvn -o -q -B test -Dtest=YearTranscriptBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.year="$year" \
  >"$out/transcript.log" 2>&1 || { tail -40 "$out/transcript.log" >&2; exit 1; }
grep '^|' "$out/transcript.log"
echo

if ! command -v Xvfb >/dev/null; then
  echo "Start-up skipped: install xvfb (apt-get install xvfb)."
  echo "Load after: $(uptime)"
  exit 0
fi
for n in $(seq 150 179); do [ -e "/tmp/.X$n-lock" ] || { display=:$n; break; }; done
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 & xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
sleep 1
export DISPLAY=$display

# One run: prints "FIRST_FRAME_MS BUILT_WINDOW_MS USABLE_WINDOW_MS" for the data folder $1, each since the launch
measure() {
  local log=$out/startup.log
  PARLEY_HOME="$1" "$java" "${jvm[@]}" -cp "$app_cp" parley.Main --smoke >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
  echo "$(sed -n 's/^first frame after \([0-9]*\) ms.*/\1/p' "$log") $(sed -n 's/^window built after \([0-9]*\) ms.*/\1/p' "$log")" \
       "$(sed -n 's/^window usable after \([0-9]*\) ms.*/\1/p' "$log")"
}
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2)}'; }

rm -rf "$out/home-empty" "$out/home-year"; mkdir -p "$out/home-empty" "$out/home-year"
cp "$year" "$out/home-year/parley.db"
measure "$out/home-empty" >/dev/null; measure "$out/home-year" >/dev/null   # the empty database is made; warm the file cache
: >"$out/empty.txt"; : >"$out/year.txt"
for i in $(seq "$runs"); do
  measure "$out/home-empty" >>"$out/empty.txt"
  measure "$out/home-year" >>"$out/year.txt"
done
ef=$(cut -d' ' -f1 "$out/empty.txt" | median); yf=$(cut -d' ' -f1 "$out/year.txt" | median)
eb=$(cut -d' ' -f2 "$out/empty.txt" | median); yb=$(cut -d' ' -f2 "$out/year.txt" | median)
eu=$(cut -d' ' -f3 "$out/empty.txt" | median); yu=$(cut -d' ' -f3 "$out/year.txt" | median)
echo "Start-up from the class path under Xvfb, --smoke, median of $runs runs each:"
echo "| measurement | empty database | year of use | year / empty | target |"
echo "| --- | ---: | ---: | ---: | --- |"
awk -v e="$ef" -v y="$yf" 'BEGIN {printf "| start to the first frame | %d ms | %d ms | %.2fx | ≤ 1.1× |\n", e, y, y/e}'
awk -v e="$eu" -v y="$yu" 'BEGIN {printf "| start to the usable window (transcript, composer, provider bar) | %d ms | %d ms | %.2fx | ≤ 1.1× |\n", e, y, y/e}'
awk -v e="$eb" -v y="$yb" 'BEGIN {printf "| start to the built window (every panel) | %d ms | %d ms | %.2fx | |\n", e, y, y/e}'
echo "all runs (first frame, built window, usable window; ms): empty $(tr '\n' ';' <"$out/empty.txt") year $(tr '\n' ';' <"$out/year.txt")"
echo
echo "Load after: $(uptime)"
