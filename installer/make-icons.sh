#!/usr/bin/env bash
# Makes every icon file in assets/ from the one source, assets/parley.svg.
# Needs (Debian): librsvg2-bin (rsvg-convert), icoutils (icotool), icnsutils (png2icns).
# The generated files are committed, so a build never needs these tools; run this after editing the SVG.
set -euo pipefail
cd "$(dirname "$0")/.."
src=assets/parley.svg
out=assets/icons
for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null || { echo "make-icons: $tool is missing: apt-get install librsvg2-bin icoutils icnsutils" >&2; exit 2; }
done
mkdir -p "$out"
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$src" --output "$out/parley-$size.png"
done
# Windows: one .ico holding the sizes the shell asks for (256 is stored as PNG inside).
icotool --create --output assets/parley.ico \
  "$out"/parley-{16,24,32,48,64,128}.png --raw="$out/parley-256.png"
# macOS: the .icns sizes png2icns knows.
png2icns assets/parley.icns "$out"/parley-{16,32,48,128,256,512,1024}.png >/dev/null
# Linux: jpackage takes one PNG for the desktop entry; the window takes the PNG set from the class path.
cp "$out/parley-256.png" assets/parley.png
res=src/main/resources/parley/ui/icons
mkdir -p "$res"
cp "$out"/parley-{16,32,48,64,128,256}.png "$res"/
echo "make-icons: wrote $out/*.png, assets/parley.ico, assets/parley.icns, assets/parley.png, $res/"
