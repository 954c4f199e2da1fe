#!/bin/sh
# Installs the system programs the readers use, only those missing:
# Tesseract with Vietnamese data (scanned PDFs, images), LibreOffice Writer
# (.doc, .rtf, .odt) and a TTF font with Vietnamese glyphs (OCR test).
# Idempotent; needs root (or sudo); skips with a message where apt is absent.
set -eu

missing=""
have_package() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}
for package in tesseract-ocr tesseract-ocr-vie libreoffice-writer fonts-dejavu-core; do
    have_package "$package" || missing="$missing $package"
done

if [ -z "$missing" ]; then
    echo "install-system-deps: all present"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-system-deps: apt-get not available; install by hand:$missing" >&2
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "install-system-deps: not root and no sudo; install by hand:$missing" >&2
    exit 0
fi

echo "install-system-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing
