#!/usr/bin/env bash
# Puts Node.js 24 first on PATH, bringing it from the npm registry (package `node`, which ships
# the binary) into a cache folder when the machine's own Node is older.
#
#   source scripts/use-node24.sh      # in a shell or script: PATH now starts with Node 24
#   bash scripts/use-node24.sh        # prints the folder holding the node binary
#
# PARALLAX_NODE_CACHE overrides the cache folder.

PARALLAX_NODE_VERSION="24.21.0" # the Node.js that Electron 45 embeds
PARALLAX_NODE_MAJOR="${PARALLAX_NODE_VERSION%%.*}"

_parallax_node_major() {
  "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null
}

_parallax_use_node24() {
  local current
  if command -v node >/dev/null 2>&1; then
    current=$(_parallax_node_major node)
    if [ -n "$current" ] && [ "$current" -ge "$PARALLAX_NODE_MAJOR" ]; then
      dirname "$(command -v node)"
      return 0
    fi
  fi
  local cache="${PARALLAX_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/parallax/node-$PARALLAX_NODE_VERSION}"
  local bin="$cache/node_modules/node/bin"
  if [ ! -x "$bin/node" ] || [ "$(_parallax_node_major "$bin/node")" != "$PARALLAX_NODE_MAJOR" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "use-node24: Node.js $PARALLAX_NODE_MAJOR is needed and npm is not available to fetch it." >&2
      return 1
    fi
    echo "use-node24: Node.js ${current:-(none)} found; installing Node.js $PARALLAX_NODE_VERSION into $cache" >&2
    mkdir -p "$cache" || return 1
    npm install --prefix "$cache" --no-save --no-package-lock --no-audit --no-fund \
      --loglevel=error "node@$PARALLAX_NODE_VERSION" >&2 || return 1
    if [ "$(_parallax_node_major "$bin/node")" != "$PARALLAX_NODE_MAJOR" ]; then
      echo "use-node24: the downloaded Node.js at $bin/node does not run." >&2
      return 1
    fi
  fi
  echo "$bin"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  _parallax_node_bin=$(_parallax_use_node24) || return 1
  case ":$PATH:" in
    *":$_parallax_node_bin:"*) ;;
    *) export PATH="$_parallax_node_bin:$PATH" ;;
  esac
  unset _parallax_node_bin
else
  _parallax_use_node24 || exit 1
fi
