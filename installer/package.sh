#!/usr/bin/env bash
# Packages a JavaFX app the way Parley ships: a jlinked runtime holding only the modules the app
# needs (JavaFX on the module path, linked in), the app and its other libraries on the class path,
# a jpackage app-image with the class list of its class-data-sharing archive recorded from a --smoke
# run, and the platform's installers.
# `mvn -Pdist package` runs it for Parley; installer/bench-startup.sh runs it for a bare window.
#
#   installer/package.sh [--name Parley] [--version V] [--main-jar target/parley.jar]
#                        [--main-class parley.Main] [--libs target/lib] [--out target/dist]
#                        [--types "deb rpm"] [--cds-until first-frame|usable|window] [--no-cds]
# --types defaults to what this machine can build: deb (and rpm where rpmbuild exists) on Linux,
# msi on Windows (WiX on PATH), dmg on macOS. "none" builds only the app-image.
# --cds-until: what the class-data-sharing archive written at install holds, the classes loaded up
# to the fully built window (the default, about 61 MB: against usable, the built window comes
# 0.7 s sooner, the first frame about 30 ms later, since every archived class is loaded at the
# JVM's start), up to the usable window (about 45 MB), or up to the first frame only (about 29 MB).
# Figures: src/docs/benchmarks.md#start-up.
# On Linux Parley's command line gets an archive of its own (about 28 MB), elsewhere its classes
# join the window's. --no-cds records no class list.
# Under pipefail no pipe ends in a reader that can stop early (grep -q, head): the writer would get
# SIGPIPE and fail the script at random. Such output is captured first and searched in a here-string.
set -euo pipefail
cd "$(dirname "$0")/.."

name=Parley version=0.1.0 main_jar=target/parley.jar main_class=parley.Main
libs=target/lib out=target/dist types=default cds=1 cds_until=window
while [ $# -gt 0 ]; do
  case "$1" in
    --name) name=$2; shift ;;
    --version) version=$2; shift ;;
    --main-jar) main_jar=$2; shift ;;
    --main-class) main_class=$2; shift ;;
    --libs) libs=$2; shift ;;
    --out) out=$2; shift ;;
    --types) types=$2; shift ;;
    --cds-until) cds_until=$2; shift ;;
    --no-cds) cds=0 ;;
    *) echo "package.sh: unknown option $1 (see the comment at the top of installer/package.sh)" >&2; exit 2 ;;
  esac
  shift
done

say() { printf 'package: %s\n' "$*"; }
die() { printf 'package: %s\n' "$*" >&2; exit 1; }

JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
for tool in jdeps jlink jpackage; do
  [ -x "$JAVA_HOME/bin/$tool" ] || die "$JAVA_HOME/bin/$tool is missing: set JAVA_HOME to a full JDK 25"
done
[ -f "$main_jar" ] || die "$main_jar is missing: run mvn package first (mvn -Pdist package does both)"
[ -d "$libs" ] || die "$libs is missing: run mvn package first"

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=mac ;;
  MINGW*|MSYS*|CYGWIN*) os=windows ;;
  *) die "unsupported system $(uname -s)" ;;
esac
case "$(uname -m)" in
  x86_64|amd64) arch='(x86[-_]64|amd64)' ;;
  aarch64|arm64) arch='(aarch64|arm64)' ;;
  *) arch="$(uname -m)" ;;
esac
case "$os" in
  linux) native_ext=so; os_dir='(linux|Linux)'; icon=assets/parley.png ;;
  mac) native_ext=dylib; os_dir='(Mac|darwin|macos)'; icon=assets/parley.icns ;;
  windows) native_ext=dll; os_dir='(Windows|win32)'; icon=assets/parley.ico ;;
esac
if [ "$types" = default ]; then
  case "$os" in
    linux) types=deb; command -v rpmbuild >/dev/null && types="deb rpm" ;;
    mac) types=dmg ;;
    windows) types=msi ;;
  esac
fi
[ "$types" = none ] && types=""
# macOS takes the app-version as the bundle's version, whose first number must be 1 or more
if [ "$os" = mac ] && [[ ${version%%.*} =~ ^0+$ ]]; then
  die "on macOS the version's first number must be 1 or more (jpackage refuses $version): release a version 1.0.0 or later"
fi
case "$cds_until" in first-frame|usable|window) ;; *) die "--cds-until takes first-frame, usable or window, not $cds_until" ;; esac

rm -rf "$out"
fx="$out/javafx" input="$out/input" runtime="$out/runtime" images="$out/image"
mkdir -p "$fx" "$input" "$images"

# JavaFX jars with a platform classifier go into the runtime; the empty ones without go nowhere.
for jar in "$libs"/*.jar; do
  base=$(basename "$jar")
  if [[ $base =~ ^javafx-[a-z]+-[0-9.]+-[a-z0-9-]+\.jar$ ]]; then cp "$jar" "$fx/"
  elif [[ $base =~ ^javafx- ]]; then :
  else cp "$jar" "$input/"
  fi
done
cp "$main_jar" "$input/"
ls "$fx"/*.jar >/dev/null 2>&1 || die "no platform JavaFX jars in $libs"

# Libraries that bundle native code for every platform keep only this one's.
keep="/${os_dir}[-/]${arch}/"
if command -v zip >/dev/null; then
  for jar in "$input"/*.jar; do
    files=$(unzip -Z1 "$jar")
    natives=$(grep -E '\.(so|dll|dylib|jnilib)$' <<<"$files" || true)
    [ -n "$natives" ] && grep -qE "$keep" <<<"$natives" || continue
    drop=$(grep -vE "$keep" <<<"$natives" || true)
    [ -z "$drop" ] || { zip -q -d "$jar" $drop >/dev/null; say "kept only this platform's native code in $(basename "$jar")"; }
  done
  # Parts of libraries the app never loads: jtokkit's tables other than o200k_base
  # (parley.usage.TokenEstimator loads only that one, through a lazy registry).
  for jar in "$input"/jtokkit-*.jar; do
    [ -f "$jar" ] || continue
    zip -q -d "$jar" 'com/knuddels/jtokkit/r50k_base.tiktoken' 'com/knuddels/jtokkit/p50k_base.tiktoken' \
      'com/knuddels/jtokkit/cl100k_base.tiktoken' >/dev/null && say "kept only the o200k_base table in $(basename "$jar")"
  done
else
  say "zip not found: libraries keep the native code of every platform and unused parts (a larger image)"
fi

# javafx.base and javafx.graphics require java.desktop, for java.beans property adapters and for
# image formats read through javax.imageio; Parley uses neither, and java.desktop is about 9 MB of
# the linked runtime. Their descriptors are rewritten to require it at compile time only.
for jar in "$fx"/javafx-base-*.jar "$fx"/javafx-graphics-*.jar; do
  [ -f "$jar" ] || continue
  patch_dir=$(mktemp -d)
  unzip -q "$jar" module-info.class -d "$patch_dir"
  "$JAVA_HOME/bin/java" installer/RequiresStatic.java "$patch_dir/module-info.class" java.desktop
  "$JAVA_HOME/bin/jar" --update --file "$jar" -C "$patch_dir" module-info.class
  rm -rf "$patch_dir"
done

# The JDK modules the class path needs (jdeps), the JavaFX modules, and those reached only by
# reflection or service lookup. jdk.jfr is an optional (static) dependency of javafx.base.
# java.desktop is left out although jdeps finds it: Jackson reads java.beans annotations only when
# the module is there, and JNA's AWT helpers are for other platforms.
fx_modules=$(for jar in "$fx"/*.jar; do b=$(basename "$jar"); b=${b%%-[0-9]*}; echo "${b//-/.}"; done | sort -u | paste -sd, -)
found=$("$JAVA_HOME/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 \
  --module-path "$fx" "$input"/*.jar 2>/dev/null | tail -n 1)
extra=java.net.http,java.management,jdk.unsupported
modules=$(tr ',' '\n' <<<"$found,$fx_modules,$extra" | grep -vx -e jdk.jfr -e java.desktop -e '' | sort -u | paste -sd, -)
say "runtime modules: $modules"

# link_runtime DIR COMPRESSION: the runtime.
link_runtime() {
  local dir=$1 compression=$2
  "$JAVA_HOME/bin/jlink" --module-path "$fx" --add-modules "$modules" \
    --strip-debug --no-header-files --no-man-pages --compress "$compression" \
    --exclude-resources "**.$native_ext" \
    --output "$dir"
  # JavaFX's native libraries live inside its jars; placed beside the JDK's they load from there
  # instead of being extracted to the user's home at every first start.
  local natives_dir="$dir/lib"; [ "$os" = windows ] && natives_dir="$dir/bin"
  for jar in "$fx"/*.jar; do
    unzip -q -o -j "$jar" "*.$native_ext" -d "$natives_dir" 2>/dev/null || true
  done
  # The JVM and several JDK and JavaFX libraries carry symbols only a debugger reads (about 1 MB
  # besides the JVM's own).
  if [ "$os" = linux ] && command -v strip >/dev/null; then
    strip --strip-unneeded "$dir/lib/server/libjvm.so" "$dir"/lib/*.so
  fi
}

app_id=$(tr '[:upper:]' '[:lower:]' <<<"$name")
common=(--name "$name" --app-version "$version" --vendor Parley
        --description "A desktop playground for OpenAI-compatible chat models")

xvfb_pid=""
stop_xvfb() { [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true; }
trap stop_xvfb EXIT
need_display() {
  [ "$os" != linux ] || [ -n "${DISPLAY:-}" ] && return 0
  command -v Xvfb >/dev/null || die "the start archive's class list is recorded from a --smoke run, which needs a display: set DISPLAY, install xvfb, or pass --no-cds"
  for n in $(seq 150 199); do [ -e "/tmp/.X$n-lock" ] || { DISPLAY=:$n; break; }; done
  Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb_pid=$!
  export DISPLAY
  sleep 1
}

# merge_class_lists LIST MORE...: adds to LIST the classes and lines of the others that it lacks.
# Each list numbers its classes ("NAME id: N", referred to by the "super:" and "interfaces:" of
# classes from other loaders), so every class is numbered anew, in order, once.
merge_class_lists() {
  local into=$1 merged="$1.merged"; shift
  awk '
    FNR == 1 { file++ }
    /^#/ { if (file == 1) print; next }
    $2 == "id:" {
      if ($1 in id) { map[file, $3] = id[$1]; next }
      id[$1] = count; map[file, $3] = count
      line = $1 " id: " count++; field = ""
      for (i = 4; i <= NF; i++) {
        if ($i ~ /^(super|interfaces|source):$/) { field = $i; line = line " " $i; continue }
        line = line " " ((field == "super:" || field == "interfaces:") ? map[file, $i] : $i)
      }
      print line; next
    }
    !($0 in seen) { seen[$0] = 1; print }
  ' "$into" "$@" >"$merged"
  mv "$merged" "$into"
}

# record_cli_classes LAUNCHER DEST CLASSLIST: adds to CLASSLIST (made when missing) the classes that `send`, `models`
# and `usage` load (picocli, Jackson, SQLite, the HTTP client), each run against a loopback server
# (installer/bench/LoopbackServer.java), so that the command line starts from the archive too.
record_cli_classes() {
  local launcher=$1 dest=$2 classlist=$3 server_out="$2/loopback.out" server_pid url n=0 lists=() args
  "$JAVA_HOME/bin/java" installer/bench/LoopbackServer.java 0 >"$server_out" 2>&1 & server_pid=$!
  for _ in $(seq 150); do grep -q '^listening on ' "$server_out" && break; sleep 0.2; done
  url=$(sed -n '1s/^listening on //p' "$server_out")
  [ -n "$url" ] || { kill "$server_pid" 2>/dev/null || true; cat "$server_out" >&2; die "the loopback server for the command line's class list did not start"; }
  say "recording the command line's classes (send, models, usage against $url)"
  for args in "send --base-url $url --model bench-model --message hi" "models --base-url $url" "usage"; do
    n=$((n + 1))
    # shellcheck disable=SC2086 # the arguments are split on purpose
    PARLEY_HOME="$dest/training-home" JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$dest/cli-$n.classlist" \
      "$launcher" $args >>"$dest/classlist.log" 2>&1 \
      || { kill "$server_pid" 2>/dev/null || true; cat "$dest/classlist.log" >&2; die "the run 'Parley $args' that records the command line's classes failed"; }
    lists+=("$dest/cli-$n.classlist")
  done
  kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true
  if [ ! -f "$classlist" ]; then mv "${lists[0]}" "$classlist"; lists=("${lists[@]:1}"); fi
  merge_class_lists "$classlist" "${lists[@]}"
  rm -f "${lists[@]}" "$server_out"
}

# ControlsFX (the Experiments view) reaches into JavaFX's internals: the linked JavaFX modules export
# and open them to the class path. The same list as the pom's controlsfx.jvmOptions.
controlsfx_options="--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED\
 --add-exports=javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED\
 --add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED\
 --add-exports=javafx.controls/com.sun.javafx.scene.control.inputmap=ALL-UNNAMED\
 --add-exports=javafx.graphics/com.sun.javafx.scene=ALL-UNNAMED\
 --add-exports=javafx.graphics/com.sun.javafx.scene.traversal=ALL-UNNAMED\
 --add-exports=javafx.graphics/com.sun.javafx.css=ALL-UNNAMED\
 --add-opens=javafx.controls/javafx.scene.control.skin=ALL-UNNAMED\
 --add-opens=javafx.controls/javafx.scene.control=ALL-UNNAMED\
 --add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED"

# make_app_image RUNTIME DEST [CLASSLIST]: the jpackage app-image in DEST with its class list,
# recorded or copied from CLASSLIST; sets $image and $classlist.
make_app_image() {
  local runtime_dir=$1 dest=$2 recorded=${3:-} launcher appdir
  mkdir -p "$dest"
  "$JAVA_HOME/bin/jpackage" --type app-image "${common[@]}" --dest "$dest" \
    --runtime-image "$runtime_dir" --input "$input" --main-jar "$(basename "$main_jar")" \
    --main-class "$main_class" --icon "$icon" \
    --java-options "--enable-native-access=javafx.graphics,ALL-UNNAMED -XX:MaxGCPauseMillis=15 $controlsfx_options"
  case "$os" in
    linux) image="$dest/$name"; launcher="$image/bin/$name"; appdir="$image/lib/app" ;;
    mac) image="$dest/$name.app"; launcher="$image/Contents/MacOS/$name"; appdir="$image/Contents/app" ;;
    windows) image="$dest/$name"; launcher="$image/$name.exe"; appdir="$image/app" ;;
  esac
  if [ "$os" = linux ] && command -v strip >/dev/null; then
    strip --strip-unneeded "$image/lib/libapplauncher.so"
  fi
  if [ "$cds" = 1 ]; then record_class_list "$launcher" "$dest" "$appdir" "$recorded"; fi
  if [ "$os" = linux ]; then write_linux_launcher "$launcher" "$appdir/$name.cfg"; fi
}

# record_class_list LAUNCHER DEST APPDIR [CLASSLIST]
record_class_list() {
  local launcher=$1 dest=$2 appdir=$3 recorded=${4:-} cli_list
  # The class-data-sharing archive (AppCDS): the classes loaded up to the first frame (or the built
  # window), and for Parley those of the command line's send, models and usage, parsed, verified
  # and linked ahead of time. The image carries only their list; the archive (about 30 MB for
  # Parley) is written where the app is installed, for the runtime there, by
  # `NAME --write-start-archive` (run by the .deb and .rpm install scripts, and by the app itself
  # at a start in a writable folder that found none; parley.StartArchive). Until then the JVM
  # starts without one: -Xlog:cds=off,aot=off keeps it from reporting the missing file.
  # On Linux the command line's classes get a list (and an archive) of their own, which the
  # launcher script starts the command line with: every class of an archive is loaded at start,
  # and the window's would slow a command by a tenth of a second (and the command's the window).
  classlist="$appdir/$app_id.classlist"
  cli_list="$appdir/$app_id-cli.classlist"
  if [ -n "$recorded" ]; then
    cp "$recorded" "$classlist"   # class names only: the same for any runtime of the same modules
    if [ -f "${recorded%.classlist}-cli.classlist" ]; then cp "${recorded%.classlist}-cli.classlist" "$cli_list"; fi
  else
    need_display
    say "recording the start archive's class list of $image with a --smoke run (up to the $cds_until)"
    local log="$dest/classlist.log"
    PARLEY_HOME="$dest/training-home" \
    JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$classlist -Dparley.smoke.until=$cds_until" \
      "$launcher" --smoke >"$log" 2>&1 || { cat "$log" >&2; die "the --smoke run that records the class list failed"; }
    [ -s "$classlist" ] || die "the --smoke run wrote no class list (see $log)"
    if [ "$main_class" = parley.Main ]; then
      if [ "$os" = linux ]; then record_cli_classes "$launcher" "$dest" "$cli_list"
      else record_cli_classes "$launcher" "$dest" "$classlist"; fi
    fi
    rm -rf "$dest/training-home"
  fi
  printf 'java-options=%s\n' "-XX:SharedArchiveFile=\$APPDIR/$app_id.jsa" "-Dparley.start-archive=\$APPDIR/$app_id.jsa" \
    "-Xlog:cds=off,aot=off" >>"$appdir/$name.cfg"
}

# write_linux_launcher LAUNCHER CFG: replaces jpackage's launcher with a shell script that starts the
# linked runtime with the class path, main class and options of CFG. jpackage's Linux launcher asks
# rpm and dpkg which package owns it at every start, twice (`dpkg -S` reads the file list of every
# installed package): 0.2 s here with 860 packages, more on a desktop with thousands. The script
# costs a few milliseconds. The CFG stays, unused by the script, as jpackage's record of the app.
# When the command line has a class list of its own, the script starts it from its archive, with
# the serial collector and the first compiler only (a short run's start, measured in
# src/docs/benchmarks.md); the window keeps the JVM's defaults.
write_linux_launcher() {
  local launcher=$1 cfg=$2 main classpath="" options=() line value split=0
  main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
  [ -n "$main" ] || die "$cfg names no main class"
  [ ! -f "$(dirname "$cfg")/$app_id-cli.classlist" ] || split=1
  while IFS= read -r line; do
    case "$line" in
      app.classpath=*) value=${line#app.classpath=}; classpath=${classpath:+$classpath:}$value ;;
      java-options=*) value=${line#java-options=}
                      [ "$split" = 0 ] || value=${value//\$APPDIR\/$app_id.jsa/\$APPDIR\/\$archive.jsa}
                      options+=("$value") ;;
      arguments=*) die "$cfg has default arguments, which the Linux launcher script does not pass" ;;
    esac
  done <"$cfg"
  for value in "$classpath" "${options[@]}"; do
    case "$value" in *[\"\`\\]*) die "a launcher option the script cannot quote: $value" ;; esac
    case "${value//\$APPDIR/}" in *'$'*) [ "${value//\$archive/}" != "$value" ] || die "a launcher option the script cannot quote: $value" ;; esac
  done
  {
    printf '#!/bin/sh\n'
    printf '# The %s launcher, written by installer/package.sh from lib/app/%s: the linked runtime\n' "$name" "$(basename "$cfg")"
    printf '# with its class path and options (jpackage'"'"'s own launcher asks rpm and dpkg which package\n'
    printf '# owns it at every start, which takes from 0.2 s to over a second).\n'
    printf 'root=$(dirname "$(dirname "$(readlink -f "$0")")")\n'
    printf 'APPDIR=$root/lib/app\n'
    if [ "$split" = 1 ]; then
      printf '# The window (no arguments, a session file, --smoke) starts from the archive of its classes,\n'
      printf '# the command line from its own, with the serial collector and the first compiler only.\n'
      printf 'archive=%s-cli jvm="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"\n' "$app_id"
      printf 'case "$#:$*" in\n'
      printf '  0:|1:*.[pP][aA][rR][lL][eE][yY].[jJ][sS][oO][nN]|*--smoke*) archive=%s jvm= ;;\n' "$app_id"
      printf 'esac\n'
      printf '# shellcheck disable=SC2086 # $jvm holds options, split on purpose\n'
      printf 'exec "$root/lib/runtime/bin/java" $jvm \\\n'
    else
      printf 'exec "$root/lib/runtime/bin/java" \\\n'
    fi
    printf '  "-Djpackage.app-path=$root/bin/%s" \\\n' "$name"
    for value in "${options[@]}"; do printf '  "%s" \\\n' "$value"; done
    printf '  -cp "%s" \\\n' "$classpath"
    printf '  %s "$@"\n' "$main"
  } >"$launcher.sh"
  chmod 755 "$launcher.sh"
  mv "$launcher.sh" "$launcher"
}

link_runtime "$runtime" zip-9
make_app_image "$runtime" "$images"
say "app-image: $image ($(du -sh "$image" | cut -f1))"

# jpackage leaves dpkg-deb's default xz level; the highest one with the extreme preset is about
# 10% smaller. The package is rebuilt from its own contents, owned by root as jpackage made it.
recompress_deb() {
  local deb=$1 tree="$out/deb-tree"
  command -v dpkg-deb >/dev/null || return 0
  rm -rf "$tree"
  dpkg-deb -R "$deb" "$tree"
  dpkg-deb --root-owner-group -Zxz -z9 -Sextreme -b "$tree" "$deb.new" >/dev/null
  mv "$deb.new" "$deb"
  rm -rf "$tree"
}

# Installers compress their payload themselves (xz, zstd, cab, zlib), and do that far better on
# the runtime's class image stored uncompressed (about 14 MB of .deb instead of 31 MB), so they get
# an app-image of their own with such a runtime: a smaller download, more disk once installed.
if [ -n "$types" ]; then
  link_runtime "$out/runtime-installer" zip-0
  make_app_image "$out/runtime-installer" "$out/installer-image" "${classlist:-}"
  say "installed app: $image ($(du -sh "$image" | cut -f1))"
fi
installer_args=("${common[@]}" --app-image "$image" --dest "$out"
                --file-associations installer/parley-json.properties --icon "$icon")
for type in $types; do
  case "$type" in
    deb) args=(--resource-dir installer/linux --linux-package-name "$app_id" --linux-deb-maintainer "parley@localhost"
               --linux-package-deps "libgtk-3-0, libgl1, libgomp1"
               --linux-shortcut --linux-menu-group "Development;" --linux-app-category devel) ;;
    rpm) args=(--resource-dir installer/linux --linux-package-name "$app_id" --linux-package-deps "gtk3, mesa-libGL, libgomp"
               --linux-shortcut --linux-menu-group "Development;" --linux-app-category Development) ;;
    msi) args=(--win-menu --win-menu-group "$name" --win-shortcut --win-dir-chooser
               --win-upgrade-uuid 6f1c2b1e-4d0a-4c55-9a57-2f4f1b3e7a11) ;;
    dmg) args=(--mac-package-identifier "app.$app_id" --mac-package-name "$name") ;;
    *) die "unknown package type $type (deb, rpm, msi, dmg)" ;;
  esac
  say "building the .$type"
  "$JAVA_HOME/bin/jpackage" --type "$type" "${installer_args[@]}" "${args[@]}"
  if [ "$type" = deb ]; then debs=("$out"/*.deb); recompress_deb "${debs[0]}"; fi
done
for f in "$out"/*.{deb,rpm,msi,dmg}; do
  [ -f "$f" ] && say "$(basename "$f"): $(du -h "$f" | cut -f1)"
done
exit 0
