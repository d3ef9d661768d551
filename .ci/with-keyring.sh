#!/bin/sh
# Usage: .ci/with-keyring.sh CMD [ARGS...]
# Runs CMD inside a private D-Bus session with an unlocked, throw-away gnome-keyring Secret Service,
# so keychain tests use a real Secret Service. The throw-away XDG dirs avoid "Cannot create an item
# in a locked collection" from a login.keyring of an earlier run (TOOLCHAIN.md pitfall 7).
set -e
KR_HOME=$(mktemp -d)
trap 'rm -rf "$KR_HOME"' EXIT
export XDG_DATA_HOME="$KR_HOME/data" XDG_CACHE_HOME="$KR_HOME/cache" XDG_CONFIG_HOME="$KR_HOME/config"
mkdir -p "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME"
dbus-run-session -- sh -c '
  printf %s "throwaway-keyring-pw" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' sh "$@"
