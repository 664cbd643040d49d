#!/bin/sh
# Starts the built folder inside a minimal chroot of an older Debian, as root, and produces a report
# there (packaging/README.md, "Older Linux systems"). Usage, from the repository:
#   sudo packaging/linux/test-in-chroot.sh [SUITE] [CHROOT]     # default: bullseye /tmp/dr-bullseye
# Needs debootstrap (apt-get install debootstrap) and a built dist/DialogueRegister/.
set -eu
suite=${1:-bullseye}
root=${2:-/tmp/dr-$suite}
here=$(cd "$(dirname "$0")/../.." && pwd)
[ -x "$here/dist/DialogueRegister/dialogue-register" ] || { echo "run 'make package' first" >&2; exit 1; }
if [ ! -x "$root/bin/sh" ]; then
    debootstrap --variant=minbase "$suite" "$root" http://deb.debian.org/debian
fi
# What a desktop has and the folder deliberately does not carry (packaging/trim_linux.py).
chroot "$root" sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    libglib2.0-0 libfontconfig1 libfreetype6 libgl1 libegl1 libdbus-1-3 libx11-6 libx11-xcb1 \
    libxkbcommon0 libxkbcommon-x11-0 libexpat1 zlib1g fonts-dejavu-core >/dev/null' || true
rm -rf "$root/opt/DialogueRegister"
cp -a "$here/dist/DialogueRegister" "$root/opt/DialogueRegister"
echo "== $(chroot "$root" ldd --version | head -n 1)"
chroot "$root" env HOME=/root QT_QPA_PLATFORM=offscreen sh -c '
    cd /root && app=/opt/DialogueRegister/dialogue-register &&
    $app --version &&
    $app --db /root/demo.sqlite3 demo &&
    $app --db /root/demo.sqlite3 --lang ru report -o /root/report.pdf &&
    $app --db /root/demo.sqlite3 report -o /root/report.docx &&
    ls -l /root/report.pdf /root/report.docx'
