#!/usr/bin/env bash
# Installs what the app, the demo and the tests need on a fresh Debian 12 machine (run as root):
# Debian packages first (keytar builds against libsecret), then node modules from the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
APT_PKGS=(
  libsecret-1-dev            # keytar builds from source here (its prebuilt download is unreachable)
  gnome-keyring dbus-daemon  # a headless Secret Service for the keychain tests
  chromium fonts-liberation  # the browser for Playwright and for the demo without Electron
  xvfb xauth                 # headed runs
)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup: npm ci"
npm ci --no-audit --no-fund --loglevel=error
# Real photos for the face tests and bench:face (Debian's python3-skimage data; never fetched at run time).
# apt-get download needs the package lists: refresh them once if the first try finds nothing.
bash scripts/fetch-test-photos.sh || {
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && bash scripts/fetch-test-photos.sh
}
