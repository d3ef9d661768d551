#!/usr/bin/env bash
# Real photographs for the face-framing tests and benchmark, taken at setup time from a Debian package
# (never from the internet at run time). `apt-get download` + `dpkg-deb -x` give the files without
# installing the package or its Python dependencies. Licences: main/testing/photos/README.md.
# The group photo (faces.jpg) comes from the npm devDependency `tracking`, installed by npm ci.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST="test-photos"
WANT=(astronaut.png camera.png coffee.png rocket.jpg)
have_all=1
for f in "${WANT[@]}"; do [ -s "$DEST/$f" ] || have_all=0; done
if [ $have_all -eq 1 ]; then echo "fetch-test-photos: already present in $DEST/"; exit 0; fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# apt-get download writes into the current directory; _apt cannot write to a private temp dir, so it
# warns and downloads unsandboxed (harmless).
(cd "$tmp" && apt-get download -qq python3-skimage 2>/dev/null) || {
  echo "fetch-test-photos: apt-get download python3-skimage failed (run apt-get update?)" >&2; exit 1; }
dpkg-deb -x "$tmp"/python3-skimage_*.deb "$tmp/x"
mkdir -p "$DEST"
for f in "${WANT[@]}"; do cp "$tmp/x/usr/lib/python3/dist-packages/skimage/data/$f" "$DEST/$f"; done
echo "fetch-test-photos: ${WANT[*]} -> $DEST/"
