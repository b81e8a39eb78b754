#!/usr/bin/env bash
# Start-up benchmark: time to first frame and peak memory of Parley's app-image against a bare
# JavaFX window packaged the same way (same jlink, jpackage and start archive, by installer/package.sh),
# both started with --smoke under Xvfb, runs interleaved, medians reported; plus the sizes of the
# app-image as shipped, of the start archive written at install, and of the .deb. Figures, not a test: nothing here passes or fails on a number.
#   installer/bench-startup.sh [RUNS]        (default 7; builds what target/ lacks)
# Needs: xvfb, GNU time (/usr/bin/time), and what installer/package.sh needs.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
command -v Xvfb >/dev/null && [ -x /usr/bin/time ] || { echo "bench: install xvfb and time (apt-get install xvfb time)" >&2; exit 2; }

app=target/dist/image/Parley
if [ ! -x "$app/bin/Parley" ]; then
  echo "bench: building Parley's app-image and .deb (mvn -Pdist package)"
  mvn -q -B -Pdist -DskipTests package >/dev/null
fi

bench=target/bench
rm -rf "$bench"; mkdir -p "$bench/classes" "$bench/libs"
cp target/lib/javafx-*.jar "$bench/libs/"
"$JAVA_HOME/bin/javac" -d "$bench/classes" --module-path "$bench/libs" --add-modules javafx.controls \
  installer/bench/BareWindow.java src/main/java/parley/StartArchive.java src/main/java/parley/LaunchClock.java
"$JAVA_HOME/bin/jar" --create --file "$bench/bare-window.jar" -C "$bench/classes" .
installer/package.sh --name BareWindow --main-jar "$bench/bare-window.jar" --main-class BareWindow \
  --libs "$bench/libs" --out "$bench/dist" --types none >"$bench/package.log" 2>&1 \
  || { cat "$bench/package.log" >&2; exit 1; }
bare=$bench/dist/image/BareWindow

# Sizes as shipped, then the start archives written as the install scripts write them
size_app=$(du -sb --exclude='*.jsa' "$app" | cut -f1); size_bare=$(du -sb --exclude='*.jsa' "$bare" | cut -f1)
"$app/bin/Parley" --write-start-archive >/dev/null
"$bare/bin/BareWindow" --write-start-archive >/dev/null
size_jsa=$(cat "$app"/lib/app/*.jsa | wc -c)

for n in $(seq 120 149); do [ -e "/tmp/.X$n-lock" ] || { display=:$n; break; }; done
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 & xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
sleep 1
export DISPLAY=$display

# One run: prints "FIRST_FRAME_MS PEAK_RSS_KB BUILT_WINDOW_MS USABLE_WINDOW_MS", each since the launch
# (the bare window has no built or usable window: 0). A second argument is extra JVM options. Each
# run starts with an existing database.
measure() {
  local launcher=$1 log=$bench/run.log
  PARLEY_HOME="$bench/home" JAVA_TOOL_OPTIONS="${2:-}" /usr/bin/time -v "$launcher" --smoke >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
  local ms kb built usable
  ms=$(sed -n 's/^first frame after \([0-9]*\) ms.*/\1/p' "$log")
  kb=$(sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\)/\1/p' "$log")
  built=$(sed -n 's/^window built after \([0-9]*\) ms.*/\1/p' "$log")
  usable=$(sed -n 's/^window usable after \([0-9]*\) ms.*/\1/p' "$log")
  echo "$ms $kb ${built:-0} ${usable:-0}"
}
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2)}'; }

measure "$app/bin/Parley" >/dev/null; measure "$bare/bin/BareWindow" >/dev/null   # warm the file cache
: >"$bench/app.txt"; : >"$bench/bare.txt"; : >"$bench/app-nocds.txt"
for i in $(seq "$runs"); do
  measure "$bare/bin/BareWindow" >>"$bench/bare.txt"
  measure "$app/bin/Parley" >>"$bench/app.txt"
  measure "$app/bin/Parley" -Xshare:off >>"$bench/app-nocds.txt"
done

app_ms=$(cut -d' ' -f1 "$bench/app.txt" | median); bare_ms=$(cut -d' ' -f1 "$bench/bare.txt" | median)
app_kb=$(cut -d' ' -f2 "$bench/app.txt" | median); bare_kb=$(cut -d' ' -f2 "$bench/bare.txt" | median)
nocds_ms=$(cut -d' ' -f1 "$bench/app-nocds.txt" | median); nocds_kb=$(cut -d' ' -f2 "$bench/app-nocds.txt" | median)
app_built=$(cut -d' ' -f3 "$bench/app.txt" | median); nocds_built=$(cut -d' ' -f3 "$bench/app-nocds.txt" | median)
app_usable=$(cut -d' ' -f4 "$bench/app.txt" | median); nocds_usable=$(cut -d' ' -f4 "$bench/app-nocds.txt" | median)
mb() { awk -v b="$1" 'BEGIN {printf "%.1f MB", b/1048576}'; }
debs=(target/dist/*.deb); deb=""; [ -f "${debs[0]}" ] && deb=${debs[0]}

echo "Start-up, median of $runs runs each under Xvfb ($(nproc) cores), --smoke, from the launch to the first frame:"
echo "| | first frame | peak RSS |"
echo "| --- | --- | --- |"
echo "| Parley app-image | ${app_ms} ms | $((app_kb / 1024)) MB |"
echo "| bare JavaFX window, packaged the same way | ${bare_ms} ms | $((bare_kb / 1024)) MB |"
awk -v a="$app_ms" -v b="$bare_ms" -v c="$app_kb" -v d="$bare_kb" \
  'BEGIN {printf "| Parley / bare window | %.2fx | %.2fx |\n", a/b, c/d}'
echo "| Parley without its start archive (-Xshare:off) | ${nocds_ms} ms | $((nocds_kb / 1024)) MB |"
echo "Parley's usable window (transcript, composer, provider bar drawn): ${app_usable} ms with the start archive, ${nocds_usable} ms without."
echo "Parley's built window (every view built and drawn): ${app_built} ms with the start archive, ${nocds_built} ms without."
echo "all runs (ms KB;): Parley $(tr '\n' ';' <"$bench/app.txt") bare $(tr '\n' ';' <"$bench/bare.txt") no-CDS $(tr '\n' ';' <"$bench/app-nocds.txt")"
echo "Sizes: app-image $(mb "$size_app") as shipped, and its start archives written at install $(mb "$size_jsa"); bare window's app-image $(mb "$size_bare")${deb:+; $(basename "$deb") $(mb "$(stat -c %s "$deb")")}"
