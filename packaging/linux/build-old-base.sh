#!/bin/sh
# `make package-old-base`: the Linux folder built on Debian 11 (glibc 2.31) so that it runs on glibc
# 2.31+ (Ubuntu 20.04/22.04, Debian 11/12, RHEL 9) — packaging/README.md, "Older Linux systems".
#
#   packaging/linux/build-old-base.sh [CHROOT]      as root; default CHROOT: /tmp/dr-bullseye
#
# Steps, each skipped when its result is already there (so a second run only rebuilds the folder):
#   1. a `debootstrap --variant=minbase bullseye` chroot;
#   2. CPython 3.11 built inside it from Debian's source tarball into /opt/py311 (~30 min on 2 cores);
#   3. libxcb-cursor.so.0 (Debian 11 has none; Qt's xcb plugin needs it) copied from this machine;
#   4. this checkout copied to CHROOT/root/src (tracked and new files; not .venv, build, dist);
#   5. a venv there with the `package` extra and PySide6 6.9.3 (the newest wheel for glibc 2.28);
#   6. PyInstaller with the same spec, inside the chroot;
#   7. the folder copied out to dist/old-base/DialogueRegister, then started inside the chroot with
#      nothing but Debian 11's own libraries: --version, demo, check, a report in every format in
#      English and Russian, `list` in Russian, a document, the window offscreen (its menus in Russian).
# Then `make package-test DR_BUILT_APP=dist/old-base/DialogueRegister DR_NEWEST_GLIBC=2.31` runs the
# whole built-app test on it (on this machine), and `make release-old-base` archives it.
set -eu
root=${1:-/tmp/dr-bullseye}
here=$(cd "$(dirname "$0")/../.." && pwd)
suite=bullseye
mirror=http://deb.debian.org/debian
python_tarball=python3.11_3.11.2.orig.tar.gz  # Debian 12's CPython 3.11 source, as Debian ships it
python_sha256=2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849
py=/opt/py311/bin/python3.11
out=$here/dist/old-base/DialogueRegister

say() { printf '== %s\n' "$*"; }
[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap and chroot need it)" >&2; exit 1; }

# 1. the base
if [ ! -x "$root/bin/sh" ]; then
    command -v debootstrap >/dev/null || { echo "debootstrap is needed (apt-get install debootstrap)" >&2; exit 1; }
    say "debootstrap $suite into $root"
    debootstrap --variant=minbase "$suite" "$root" "$mirror"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
# the proxy's certificate authority, if this machine's pip uses one, for pip inside the chroot
if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    cp /etc/ssl/certs/ca-certificates.crt "$root/root/host-ca.crt"
    printf '[global]\ncert = /root/host-ca.crt\n' > "$root/etc/pip.conf"
fi
mounted=""
if ! mountpoint -q "$root/proc"; then
    mount -t proc proc "$root/proc" && mounted="$root/proc"
fi
trap '[ -z "$mounted" ] || umount "$mounted"' EXIT INT TERM
in_chroot() { chroot "$root" env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 "$@"; }

# 2. Python 3.11 built on the old base (Debian 11 ships 3.9 only)
if [ ! -x "$root$py" ]; then
    say "building CPython 3.11 in the chroot (takes long)"
    in_chroot sh -c 'DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends build-essential ca-certificates wget libssl-dev zlib1g-dev \
        libsqlite3-dev libffi-dev libbz2-dev liblzma-dev uuid-dev libexpat1-dev libreadline-dev libgdbm-dev' >/dev/null
    in_chroot sh -c "cd /root && { [ -f $python_tarball ] || wget -q $mirror/pool/main/p/python3.11/$python_tarball; } &&
        echo '$python_sha256  $python_tarball' | sha256sum -c - && tar xzf $python_tarball && cd Python-3.11.2 &&
        ./configure --prefix=/opt/py311 --enable-shared LDFLAGS=-Wl,-rpath,/opt/py311/lib > /root/configure.log &&
        make -j2 > /root/make.log 2>&1 && make install > /root/install.log 2>&1"
fi
in_chroot "$py" -c "import ssl, sqlite3, ctypes, lzma, bz2, uuid, zlib"

# 3. libxcb-cursor (needs only glibc 2.8)
if [ ! -e "$root/usr/local/lib/libxcb-cursor.so.0" ]; then
    cursor=$(ls /usr/lib/x86_64-linux-gnu/libxcb-cursor.so.0.* 2>/dev/null | head -n 1)
    [ -n "$cursor" ] || { echo "libxcb-cursor.so.0 is needed on this machine (apt-get install libxcb-cursor0)" >&2; exit 1; }
    cp "$cursor" "$root/usr/local/lib/" && ln -sf "$(basename "$cursor")" "$root/usr/local/lib/libxcb-cursor.so.0"
    in_chroot ldconfig
fi

# 4. the source: what git tracks plus new files not ignored, as they are in this checkout now
say "copying $here to $root/root/src"
mkdir -p "$root/root/src"
find "$root/root/src" -mindepth 1 -maxdepth 1 ! -name .venv -exec rm -rf {} +
(cd "$here" && git ls-files -z --cached --others --exclude-standard |
    tar cf - --null --files-from=- --ignore-failed-read --warning=no-failed-read) | tar xf - -C "$root/root/src"

# 5 and 6. the venv and the build
say "venv and PyInstaller in the chroot"
in_chroot sh -c "cd /root/src && { [ -x .venv/bin/python ] || $py -m venv .venv; } &&
    PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_DEFAULT_TIMEOUT=180 .venv/bin/python -m pip install --quiet -e '.[package]' \
        'PySide6-Essentials==6.9.3' 'shiboken6==6.9.3' &&
    rm -rf dist build/pyinstaller &&
    .venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
        packaging/dialogue_register.spec"

# 7. out of the chroot, then started inside it
rm -rf "$out"
mkdir -p "$(dirname "$out")"
cp -a "$root/root/src/dist/DialogueRegister" "$out"
say "$(du -sb "$out" | cut -f1) bytes, $(find "$out" -type f | wc -l) files in $out"
if command -v objdump >/dev/null; then
    newest=$(find "$out" -type f \( -name '*.so*' -o -name DialogueRegister -o -name dialogue-register \) \
        -exec objdump -T {} + 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n 1)
    say "newest glibc symbol needed: $newest"
fi
say "run inside the chroot: $(in_chroot ldd --version | head -n 1)"
in_chroot sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    libglib2.0-0 libfontconfig1 libfreetype6 libgl1 libegl1 libdbus-1-3 libx11-6 libx11-xcb1 \
    libxkbcommon0 libxkbcommon-x11-0 libexpat1 zlib1g fonts-dejavu-core >/dev/null' || true
rm -rf "$root/opt/DialogueRegister" "$root/root/run"
cp -a "$out" "$root/opt/DialogueRegister"
in_chroot env QT_QPA_PLATFORM=offscreen DIALOGUE_REGISTER_WINDOW_REPORT=/root/run/window.json sh -c '
    set -e; mkdir -p /root/run; cd /root/run; app=/opt/DialogueRegister/dialogue-register; db=/root/run/demo.sqlite3
    $app --version
    $app --db $db demo
    $app --db $db check | tail -n 1
    for lang in en ru; do for kind in pdf docx xlsx html; do
        $app --db $db --lang $lang report -o /root/run/report-$lang.$kind; done; done
    $app --db $db --lang ru list
    $app --db $db document participant-list --dialogue 15d174be -o /root/run/participants.pdf
    /opt/DialogueRegister/DialogueRegister --db $db --lang ru gui && cat /root/run/window.json && echo
    ls -l /root/run'
say "done: $out (built on Debian 11, started there)"
