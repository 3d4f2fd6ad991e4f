#!/usr/bin/env bash
# Installs the Debian packages Trove's real parts need (OCR and PDF tools),
# only when something is missing. Runs before the demo and the test suite.
# `setup-system.sh test` also installs Chromium, which only the browser tests use.
set -euo pipefail

packages=(tesseract-ocr tesseract-ocr-fas tesseract-ocr-ara tesseract-ocr-eng poppler-utils)
case "${1:-}" in
  "") ;;
  test) packages+=(chromium) ;;
  *) echo "usage: setup-system.sh [test]" >&2; exit 2 ;;
esac
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1; then
  run=(sudo)
else
  echo "Trove needs these Debian packages; install them as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
