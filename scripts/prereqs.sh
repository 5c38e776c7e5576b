#!/usr/bin/env bash
# Installs (as root) or names (otherwise) every Debian package the tests need, before any test runs.
# One list, used by `npm test` (scripts/test.mjs) and by `.ci/run`, so a fresh machine and CI meet the same thing.
#
# Why each package:
#   chromium                      drives the real VS Code (code-server) and renders the HTML report
#   ripgrep, libkrb5-dev, libx11-dev, libxkbfile-dev, libsecret-1-dev, pkg-config
#                                 what code-server's VS Code needs to build its native modules and to search
#   libreoffice-writer, python3-uno
#                                 render exports to PDF, and play the Word side of an import through LibreOffice's
#                                 Python UNO bridge (the -nogui build aborts on documents with comments under UNO)
#   poppler-utils                 pdftotext / pdftoppm read the rendered PDF
#   pandoc                        reads every export back (--track-changes=all), and writes a .docx to import
#   libxml2-utils                 xmllint validates every exported part against the ECMA-376 schemas
#   fonts-noto-cjk, fonts-dejavu-core, fonts-liberation2
#                                 let LibreOffice draw Chinese and Arabic text, and Times New Roman with its metrics
set -euo pipefail
PACKAGES=(chromium ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config
          libreoffice-writer python3-uno poppler-utils pandoc libxml2-utils fonts-noto-cjk fonts-dejavu-core
          fonts-liberation2)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ]; then
  echo "The tests need these Debian packages. Run, then try again:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages the tests need: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 </dev/null
