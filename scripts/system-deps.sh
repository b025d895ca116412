#!/usr/bin/env bash
# Debian packages the tests need that a fresh machine lacks: chromium for the browser tests
# (Playwright drives it; browsers cannot be downloaded here), gettext's msgfmt for the
# catalog checks, poppler's pdftotext to read the PDFs' text layer back as poppler-based
# readers do, wrk for the benchmark smoke test, and nginx for `make stack` and its tests.
# Installs only what is missing; needs root and apt-get to install.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v msgfmt >/dev/null || missing+=(gettext)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v wrk >/dev/null || missing+=(wrk)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "Please install these Debian packages: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
