# Shared by scripts/start and scripts/test: make sure pnpm is there and the
# workspace's dependencies are installed exactly as the lockfile says.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PNPM_VERSION=12.21.0
if ! command -v node >/dev/null; then
  echo "Journeyboard needs Node.js 20.19 or newer: https://nodejs.org" >&2
  exit 1
fi
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "Installing pnpm $PNPM_VERSION…"
  npm install --global "pnpm@$PNPM_VERSION" >/dev/null
fi
# better-sqlite3 compiles against the local Node headers when no prebuilt binary can be fetched.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node_version.h ]; then
  export npm_config_nodedir=/usr
fi
pnpm install --frozen-lockfile
