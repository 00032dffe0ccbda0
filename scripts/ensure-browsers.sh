#!/usr/bin/env bash
# Makes sure the browsers the e2e tests and `npm start` drive are here: Chromium (or $WHY_BLOCKED_CHROMIUM,
# or Playwright's own download) and Firefox ESR with its German and Spanish language packs (e2e/i18n).
# As root on Debian it installs what is missing with apt-get; otherwise it says what to install and fails.
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }
playwright_chromium() { compgen -G "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}/chromium-*/chrome-linux*/chrome" >/dev/null; }

missing=()
if [[ -z "${WHY_BLOCKED_CHROMIUM:-}" ]] && ! have chromium && ! have chromium-browser && ! have google-chrome && ! playwright_chromium; then
  missing+=(chromium)
fi
if [[ -z "${WHY_BLOCKED_FIREFOX:-}" ]] && ! have firefox-esr && ! have firefox; then
  missing+=(firefox-esr)
fi
if [[ -z "${WHY_BLOCKED_FIREFOX:-}" ]] && { have firefox-esr || [[ " ${missing[*]} " == *" firefox-esr "* ]]; }; then
  [[ -e /usr/lib/firefox-esr/browser/extensions/langpack-de@firefox-esr.mozilla.org.xpi ]] || missing+=(firefox-esr-l10n-de)
  [[ -e /usr/lib/firefox-esr/browser/extensions/langpack-es-ES@firefox-esr.mozilla.org.xpi ]] || missing+=(firefox-esr-l10n-es-es)
fi

((${#missing[@]} == 0)) && exit 0

sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
  if ! have sudo || ! sudo -n true 2>/dev/null; then
    echo "Why Blocked needs ${missing[*]} for its browser tests. Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    echo "or point WHY_BLOCKED_CHROMIUM / WHY_BLOCKED_FIREFOX at the executables." >&2
    exit 1
  fi
  sudo=(sudo -n)
fi
if ! have apt-get; then
  echo "Why Blocked needs ${missing[*]}; this is not a Debian-like system: install them with your package manager, or set WHY_BLOCKED_CHROMIUM / WHY_BLOCKED_FIREFOX." >&2
  exit 1
fi
echo "Installing ${missing[*]}" >&2
"${sudo[@]}" apt-get update
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
