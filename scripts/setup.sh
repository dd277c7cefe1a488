#!/bin/sh
# Installs what briefdeck needs on Debian 12, then compiles it. Safe to run again: each step
# is skipped when already done. Run as root (or with sudo) the first time, for apt.
set -eu
cd "$(dirname "$0")/.."

# canvas builds from source here: Cairo/Pango headers. Carlito measures Calibri; Noto CJK draws Chinese.
# LibreOffice Impress and poppler-utils render decks for `briefdeck preview` and the real-office tests.
APT_PACKAGES="pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev fonts-noto-cjk fonts-crosextra-carlito fonts-crosextra-caladea libreoffice-impress poppler-utils"
missing=""
for p in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "setup: installing Debian packages:$missing" >&2
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $missing >&2
fi

# npm ci when the lock file changed since the last install (or nothing is installed).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages" >&2
  # npm ci refuses a lock without entries for every optional platform package, and the
  # validator's packages for other systems (darwin, win32, linux-arm64) are not on the registry
  # reachable here; npm install installs the same locked versions and skips them.
  npm ci --no-audit --no-fund >/dev/null 2>&1 || npm install --no-audit --no-fund >&2
fi

npx tsc -p tsconfig.json >&2
node scripts/bundle-cli.mjs >&2
node dist/cli/schema-export.js
