#!/usr/bin/env bash
# Installs the Debian packages duban needs to build, test and run, when any
# is missing.  Safe to run again; does nothing when everything is present.
set -euo pipefail
packages=(build-essential cmake pkg-config libsqlite3-dev libncurses-dev libiniparser-dev
          libcmocka-dev tmux groff-base sqlite3 clang-format
          libxlsxwriter-dev python3-openpyxl libzip-dev libexpat1-dev
          chromium poppler-utils fonts-wqy-zenhei clang libclang-rt-dev locales)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "duban: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
