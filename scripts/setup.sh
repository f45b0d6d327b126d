# Shared by scripts/start and scripts/test: make sure Node, pnpm and the build
# tools are there and the workspace's dependencies are installed exactly as
# the lockfile says.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PNPM_VERSION=12.21.0
if ! command -v node >/dev/null; then
  echo "Journeyboard needs Node.js 22 or 24 (20.19 or newer works): https://nodejs.org" >&2
  exit 1
fi
NODE_MAJOR_MINOR=$(node -p 'process.versions.node.split(".").slice(0, 2).join(" ")')
read -r NODE_MAJOR NODE_MINOR <<<"$NODE_MAJOR_MINOR"
if ((NODE_MAJOR < 20 || (NODE_MAJOR == 20 && NODE_MINOR < 19))); then
  echo "Journeyboard needs Node.js 20.19 or newer, 22 or 24 recommended; this is $(node --version): https://nodejs.org" >&2
  exit 1
fi
if ((NODE_MAJOR == 20)); then
  # Hocuspocus 4 declares Node 22 but runs on Node 20 (every test passes there); pnpm warns about it.
  echo "Node $(node --version) works, but 22 or 24 is recommended: ignore pnpm's warning that @hocuspocus/server wants Node 22."
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "Installing pnpm $PNPM_VERSION…"
  npm install --global "pnpm@$PNPM_VERSION" >/dev/null
fi

# better-sqlite3 downloads a prebuilt binary, or compiles one against the Node headers when none fits
# (or none can be fetched), which needs python3, make and a C++ compiler. Checked while it is not built.
missing=()
if ! compgen -G "node_modules/.pnpm/better-sqlite3@*/node_modules/better-sqlite3/build/Release/better_sqlite3.node" >/dev/null; then
  for tool in python3 make g++; do command -v "$tool" >/dev/null || missing+=("$tool"); done
fi
if ((${#missing[@]})) && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} with apt-get, to compile better-sqlite3 if no prebuilt binary fits…"
  apt-get update -qq && apt-get install -y -qq python3 make g++ >/dev/null
  missing=()
fi
# The system's headers (Debian's nodejs) are right only for the system's node; node-gyp must not download them.
if [ -z "${npm_config_nodedir:-}" ] && [ "$(command -v node)" = /usr/bin/node ] && [ -f /usr/include/node/node_version.h ]; then
  export npm_config_nodedir=/usr
fi
if ! pnpm install --frozen-lockfile; then
  if ((${#missing[@]})); then
    echo "The install failed, most likely compiling better-sqlite3 without ${missing[*]}." >&2
    echo "Install python3, make and g++ (Debian/Ubuntu: sudo apt-get install python3 make g++; Fedora: sudo dnf install python3 make gcc-c++), then run this again." >&2
  fi
  exit 1
fi
