#!/bin/sh
# Regenerates the bundled fonts in this directory from Debian's packages
# (fonts-roboto-unhinted, fonts-droid-fallback; pyftsubset from fonttools 4.38).
# Run from anywhere: sh layout/text/fonts/subset.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
roboto=/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF
droid=/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf

cp "$roboto/Roboto-Regular.ttf" "$here/Roboto-Regular.ttf"
cp "$roboto/Roboto-Bold.ttf" "$here/Roboto-Bold.ttf"

# Character list: every character of GB2312 (rows 0xA1-0xF7, cells 0xA1-0xFE:
# all 6763 Hanzi plus its symbols, fullwidth forms, kana, Greek, Cyrillic),
# one "U+XXXX" per line.
list=$(mktemp)
trap 'rm -f "$list"' EXIT
/usr/bin/python3 - "$list" <<'PY'
import sys
cps = set()
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            s = bytes([hi, lo]).decode("gb2312")
        except UnicodeDecodeError:
            continue
        cps.update(ord(c) for c in s)
with open(sys.argv[1], "w") as f:
    for cp in sorted(cps):
        f.write("U+%04X\n" % cp)
PY

# Besides GB2312: ASCII and Latin-1, general punctuation (… — “ ” ‘ ’ · …),
# letterlike symbols, arrows, math operators, geometric shapes, CJK symbols and
# punctuation, CJK compatibility forms, halfwidth and fullwidth forms.
# The only layout feature Droid Sans Fallback has is GSUB `vert` (vertical
# forms), useless for horizontal text, so it is dropped to keep the closure small.
pyftsubset "$droid" \
  --output-file="$here/DroidSansFallback-GB2312.ttf" \
  --unicodes-file="$list" \
  --unicodes="U+0020-007E,U+00A0-00FF,U+2000-206F,U+20A0-20BF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+2460-24FF,U+2500-25FF,U+2600-26FF,U+3000-303F,U+FE30-FE4F,U+FF00-FFEF" \
  --layout-features-='vert,vrt2' \
  --name-IDs='*' --name-languages='*' \
  --notdef-glyph --notdef-outline \
  --no-hinting \
  --drop-tables+=vhea,vmtx
ls -l "$here"/*.ttf
