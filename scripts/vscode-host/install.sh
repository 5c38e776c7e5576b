#!/usr/bin/env bash
# Installs a real VS Code (the one shipped inside the npm package code-server) for the in-editor tests, offline.
# Why code-server: @vscode/test-electron downloads VS Code from Microsoft, which this machine and CI cannot reach;
# code-server is on the npm registry and carries a complete VS Code build whose extension host is the real one.
# The result is cached outside the clone, so CI and later runs reuse it; a stamp file marks a finished install.
set -euo pipefail
VERSION="${CODE_SERVER_VERSION:-4.100.3}"   # VS Code 1.100.3: the last code-server line that runs on Node 20
DEST="${REVIEW_OBS_VSCODE_CACHE:-$HOME/.cache/review-observations}/code-server-$VERSION"
if [ -f "$DEST/.installed" ]; then echo "$DEST"; exit 0; fi

# The Debian packages it builds against (and Chromium to drive it) come from the one list of the project.
bash "$(dirname "$0")/../prereqs.sh"

rm -rf "$DEST" && mkdir -p "$DEST"
cd "$DEST"
echo '{"name":"review-obs-vscode-host","private":true}' > package.json
# --ignore-scripts: code-server's postinstall refuses root and downloads ripgrep, which cannot work offline.
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >&2
cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2
mkdir -p node_modules/@vscode/ripgrep/bin && ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild node-pty @vscode/spdlog kerberos @vscode/deviceid native-watchdog @parcel/watcher >&2
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2)
cd "$DEST" && npm_config_yes=true npm rebuild argon2 >&2
touch "$DEST/.installed"
echo "$DEST"
