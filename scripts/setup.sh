#!/usr/bin/env bash
# Installs everything a fresh Debian/Ubuntu machine lacks for OCOP Council: Chromium (end-to-end
# tests), poppler-utils (pdftotext/pdftoppm/pdfsig checks of generated PDFs), softhsm2, opensc and
# qpdf (signature tests) from apt, Node 24 LTS from
# the npm registry (scripts/ensure-node.sh), then the locked npm dependencies.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# makensis compiles the installer's Vietnamese strings in a test (scripts/packaging/installer-strings.test.ts).
command -v makensis >/dev/null 2>&1 || need+=(nsis)
# Digital signatures (issue 15): a PKCS #11 token for tests (SoftHSM2), pkcs11-tool to load it, qpdf to check signed files.
command -v softhsm2-util >/dev/null 2>&1 || need+=(softhsm2)
command -v pkcs11-tool >/dev/null 2>&1 || need+=(opensc)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
# Chromium's own pages in Vietnamese (the certificate-warning pictures of docs/guide/meeting-room.md,
# e2e/room-cert-warning.spec.ts under `npm run screenshots`): Debian ships the locales apart.
if [ ! -f /usr/lib/chromium/locales/vi.pak ] && command -v apt-cache >/dev/null 2>&1 && apt-cache show chromium-l10n >/dev/null 2>&1; then
  need+=(chromium-l10n)
fi
if [ ${#need[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "setup: installing ${need[*]} with apt-get" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "setup: please install ${need[*]} with your package manager" >&2
  fi
fi

# shellcheck source=scripts/ensure-node.sh
. scripts/ensure-node.sh
echo "setup: node $(node --version), npm $(npm --version)" >&2

# The Electron binary is downloaded from GitHub by electron's install script; the build machines
# cannot reach it and nothing here needs it (see docs/packaging.md).
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
