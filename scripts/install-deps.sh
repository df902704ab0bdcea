#!/usr/bin/env bash
# Installs every Debian 12 package casebook needs to build, test and benchmark,
# then casebook's man page and bash/zsh completion (scripts/install-extras.sh).
# Idempotent: packages already present are skipped, so it is cheap to re-run.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libxapian-dev libicu-dev libpugixml-dev libsqlitecpp-dev libsqlite3-dev
  libboost-test-dev libcli11-dev nlohmann-json3-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libssl-dev
  libzip-dev libgumbo-dev libcurl4-openssl-dev poppler-utils
  xapian-tools sqlite3 python3 libxml2-utils
  python3-nltk python3-sklearn
  libxlsxwriter-dev pandoc
  # Export and report checks (issue 6): LaTeX tables compiled with pdflatex,
  # DOCX/XLSX opened by LibreOffice, the HTML report rendered in Chromium.
  texlive-latex-base texlive-latex-recommended
  libreoffice-writer-nogui libreoffice-calc-nogui fonts-dejavu-core
  chromium
  # The man page is checked with groff and read with man; completion for bash and zsh.
  groff-base man-db bash-completion zsh
  # The peers of bench/peers.sh (issue 10): Recoll, Omega, ripgrep; GNU time for memory.
  recollcmd xapian-omega ripgrep time
  # Fuzzing (scripts/fuzz.sh): clang with libFuzzer and the sanitizer runtimes.
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
  fi
  echo "casebook: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

bash "$(dirname "${BASH_SOURCE[0]}")/install-extras.sh"
