#!/usr/bin/env bash
# Regenerates GeoData/unihan/ from Debian's unicode-data package (Unihan 15.0.0).
# Run from the repository root:   bash Tools/pinyin/extract-unihan.sh
#
# Keeps only the Unihan fields quhua's Pinyin module uses, in Unihan's own line
# format, and puts the notice of modification the Unicode licence asks for at
# the top of each file:
#   Unihan_Readings.txt      -> kMandarin, kTGHZ2013, kXHC1983
#   Unihan_Variants.txt      -> kSimplifiedVariant, kTraditionalVariant, kZVariant
#   Unihan_OtherMappings.txt -> kTGH (membership in the 2013 national standard character set)
set -euo pipefail
SRC=${UNIHAN_DIR:-/usr/share/unicode}
OUT=GeoData/unihan
mkdir -p "$OUT"

extract() { # source-file fields... -> $OUT/<name>-subset.txt
  local file=$1; shift
  local base=${file%.txt.bz2}
  local pattern
  pattern=$(printf '%s|' "$@"); pattern=${pattern%|}
  {
    echo "# MODIFIED by quhua: subset of $file (Unicode 15.0.0, Debian unicode-data 15.0.0-1)."
    echo "# Only the fields $* are kept; lines are otherwise unchanged."
    echo "# Regenerate with: bash Tools/pinyin/extract-unihan.sh"
    bzcat "$SRC/$file" | grep -E "^#" | head -n 9
    bzcat "$SRC/$file" | grep -P "^U\+[0-9A-F]+\t($pattern)\t"
  } > "$OUT/$base-subset.txt"
}

extract Unihan_Readings.txt.bz2 kMandarin kTGHZ2013 kXHC1983
extract Unihan_Variants.txt.bz2 kSimplifiedVariant kTraditionalVariant kZVariant
extract Unihan_OtherMappings.txt.bz2 kTGH
ls -l "$OUT"
