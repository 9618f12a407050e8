#!/usr/bin/env bash
# Install the Debian packages Förebygg needs, only when they are missing. Never downloads a
# browser of its own.
#   scripts/ensure-system-deps.sh runtime   Pango and fonts for the PDF export (make run)
#   scripts/ensure-system-deps.sh test      also PostgreSQL (a real server for the second test run),
#                                           Chromium and its driver (browser tests), npm (axe-core)
#                                           and poppler-utils (pdftotext reads exported PDFs)
#   scripts/ensure-system-deps.sh bench     also wrk (HTTP load generator for bench/load.py)
set -euo pipefail

profile=${1:-test}
missing=()
has_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }

has_lib "libpango-1.0.so.0" || missing+=(libpango-1.0-0)
has_lib "libpangoft2-1.0.so.0" || missing+=(libpangoft2-1.0-0)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)

if [ "$profile" = "bench" ]; then
  command -v wrk >/dev/null || missing+=(wrk)
fi

if [ "$profile" = "test" ] || [ "$profile" = "bench" ]; then
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v npm >/dev/null || missing+=(npm)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi
echo "Installerar systempaket som behövs: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
