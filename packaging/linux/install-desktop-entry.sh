#!/bin/sh
# Adds Dialogue Register to your applications menu (for you only; no administrator rights needed).
# Run it from the unpacked DialogueRegister folder: ./install-desktop-entry.sh
# It points the menu entry at this folder, so move the folder first if you want it elsewhere.
# ./install-desktop-entry.sh --remove takes the menu entry and icons away again.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
entry="$data/applications/dialogue-register.desktop"
sizes="16 24 32 48 64 128 256 512"

if [ "${1:-}" = "--remove" ]; then
    rm -f "$entry" "$data/icons/hicolor/scalable/apps/dialogue-register.svg"
    for size in $sizes; do rm -f "$data/icons/hicolor/${size}x${size}/apps/dialogue-register.png"; done
    echo "Removed the Dialogue Register menu entry."
    exit 0
fi

[ -x "$here/DialogueRegister" ] || { echo "Run this from the DialogueRegister folder." >&2; exit 1; }
icons="$here/_internal/resources/icons/app"
for size in $sizes; do
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$icons/dialogue-register-$size.png" "$data/icons/hicolor/${size}x${size}/apps/dialogue-register.png"
done
mkdir -p "$data/icons/hicolor/scalable/apps" "$data/applications"
cp "$icons/dialogue-register.svg" "$data/icons/hicolor/scalable/apps/dialogue-register.svg"
# The Exec key quotes the path (spaces allowed) and escapes \ " ` $ as the Desktop Entry spec asks.
program=$(printf '%s' "$here/DialogueRegister" |
    sed -e 's/\\/\\\\\\\\/g' -e 's/"/\\\\"/g' -e 's/`/\\\\`/g' -e 's/\$/\\\\$/g')
# TryExec (a plain path, not parsed like Exec) hides the entry once the folder is deleted or moved.
{
    grep -v -e '^Exec=' -e '^TryExec=' "$here/dialogue-register.desktop"
    printf 'Exec="%s" gui %%f\n' "$program"
    printf 'TryExec=%s\n' "$here/DialogueRegister"
} > "$entry.tmp"
mv "$entry.tmp" "$entry"
chmod 644 "$entry"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "Dialogue Register is now in your applications menu ($entry)."
