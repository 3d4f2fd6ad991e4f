#!/usr/bin/env bash
# Rebuilds every generated (non-hand-written) file of the FICTIONAL sample
# archive in samples/ from the sources kept here in scripts/samples/.
# All content is invented for Trove; see samples/README.md.
#
# Debian packages needed (bookworm):
#   imagemagick      real ImageMagick (6.x, with the pango: coder) for page images
#   fonts-noto-core  Noto Sans Arabic / Noto Naskh Arabic for Persian
#   fonts-urw-base35 Nimbus Mono PS (typewriter face of the scanned page)
#   fonts-dejavu-core DejaVu Serif (text-layer PDF)
#   img2pdf          wraps page images into an image-only PDF
#   chromium         headless print of HTML to the text-layer PDF
#   python3          e-mail, docx and zip makers (standard library only)
#   tar, gzip, coreutils, libc-bin (iconv)
# Checks only (scripts/samples/check-samples.sh): poppler-utils,
#   tesseract-ocr, tesseract-ocr-eng, tesseract-ocr-fas
#
# Usage: bash scripts/samples/make-binaries.sh        (from anywhere)
# Output is deterministic except for the PDFs' creation dates.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$ROOT/samples"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# --- find a real ImageMagick with the pango coder ----------------------------
# (/usr/local/bin/convert may be a stand-in; prefer magick, then /usr/bin/convert)
IM=""
for c in magick /usr/bin/convert-im6.q16 /usr/bin/convert convert; do
  if command -v "$c" >/dev/null 2>&1 && "$c" -list format 2>/dev/null | grep -q 'PANGO'; then
    IM=$(command -v "$c"); break
  fi
done
[ -n "$IM" ] || { echo "make-binaries: no ImageMagick with pango: found (apt-get install imagemagick)" >&2; exit 1; }
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || { echo "make-binaries: chromium not found (apt-get install chromium)" >&2; exit 1; }
command -v img2pdf >/dev/null || { echo "make-binaries: img2pdf not found (apt-get install img2pdf)" >&2; exit 1; }

mkdir -p "$OUT"/{encodings,email,pdf,images,docx,archives}

# --- 1. encodings -------------------------------------------------------------
# Windows-1256 Persian note (uses Arabic yeh ي: Persian ی U+06CC is not in cp1256)
iconv -f UTF-8 -t WINDOWS-1256 "$HERE/encodings/note-1393-10-05-najaf.utf8.txt" \
  > "$OUT/encodings/note-1393-10-05-najaf.cp1256.txt"
iconv -f WINDOWS-1256 -t UTF-8 "$OUT/encodings/note-1393-10-05-najaf.cp1256.txt" \
  | cmp -s - "$HERE/encodings/note-1393-10-05-najaf.utf8.txt" \
  || { echo "make-binaries: cp1256 round trip failed" >&2; exit 1; }
# UTF-16LE with BOM and CRLF line ends (as Windows Notepad saves "Unicode")
{ printf '\xff\xfe'; sed 's/$/\r/' "$HERE/encodings/contacts-karbala-office.utf8.txt" | iconv -f UTF-8 -t UTF-16LE; } \
  > "$OUT/encodings/contacts-karbala-office.utf16le.txt"

# --- 2. generated e-mails (windows-1256 QP; multipart with base64 attachments) --
python3 "$HERE/email/make-emails.py" "$HERE/email" "$OUT/email"

# --- 3. docx --------------------------------------------------------------------
python3 "$HERE/make-docx.py" "$OUT/docx/legal-review-memo-2015-08-04.docx"

# --- 4. PDF with a text layer (English pages + one Persian page) ----------------
"$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$TMP/chromium-profile" \
  --no-pdf-header-footer --print-to-pdf-no-header \
  --print-to-pdf="$OUT/pdf/briefing-zubaidi-payments.pdf" \
  "file://$HERE/pdf/briefing.html" 2>"$TMP/chromium.log" \
  || { cat "$TMP/chromium.log" >&2; exit 1; }

# --- 5. page images -------------------------------------------------------------
# render TEXTFILE FONT POINTSIZE ALIGN OUT.png: text on a white A4 page at 150 dpi
# (1240x1754 px). Text is passed inline because the Debian ImageMagick policy
# forbids @file.
render_page() {
  local text font size align out
  text=$(cat "$1"); font=$2; size=$3; align=$4; out=$5
  "$IM" -size 1040x -background white -fill black -font "$font" -pointsize "$size" \
    -define pango:align="$align" -define pango:wrap=word \
    pango:"$text" \
    -gravity northwest -background white -extent 1040x1554 \
    -bordercolor white -border 100 \
    -colorspace Gray -units PixelsPerInch -density 150 "$out"
}
# scanned look: a hair of rotation, slight blur, grain, a little grey, JPEG
scanify() {
  "$IM" -seed 1393 "$1" -background white -rotate "$3" -gravity center -extent 1240x1754 \
    -blur 0x0.6 -attenuate 0.35 +noise Gaussian -level 8%,96% \
    -colorspace Gray -units PixelsPerInch -density 150 -quality 55 -strip "$2"
}
render_page "$HERE/scan/page1-en.txt" "Nimbus Mono PS" 18 left "$TMP/page1.png"
render_page "$HERE/scan/page2-fa.txt" "Noto Sans Arabic" 19 right "$TMP/page2.png"
scanify "$TMP/page1.png" "$TMP/page1.jpg" 0.35
scanify "$TMP/page2.png" "$TMP/page2.jpg" -0.25
# image-only PDF: no fonts, no text layer
img2pdf --engine internal --pagesize A4 --creationdate 2015-07-02T21:14:00 --moddate 2015-07-02T21:14:00 \
  --title "scan (FICTIONAL SAMPLE for Trove)" \
  -o "$OUT/pdf/scan-courier-receipt-and-report.pdf" "$TMP/page1.jpg" "$TMP/page2.jpg"

# --- 6. photo of a page (phone camera: rotated, grey table, uneven light, noise) --
render_page "$HERE/photo/page-fa.txt" "Noto Sans Arabic" 26 right "$TMP/photo-page.png"
"$IM" -seed 1394 "$TMP/photo-page.png" -resize 1000x \
  -bordercolor '#d8d8d8' -border 6 \
  -background '#7a7a7a' -rotate 2.2 \
  -gravity center -extent 1180x1560 \
  \( -size 1180x1560 gradient:'#ffffff-#b8b8b8' \) -compose multiply -composite \
  -attenuate 0.6 +noise Gaussian -blur 0x0.5 \
  -colorspace Gray -units PixelsPerInch -density 150 -quality 70 -strip \
  "$OUT/images/photo-report-1393-09-14-karbala.jpg"

# --- 7. archives --------------------------------------------------------------
python3 "$HERE/make-archives.py" zip "$HERE/archives/batch-1394-04" "$OUT/archives/batch-1394-04.zip"
tar -C "$HERE/archives" --sort=name --mtime='2015-07-27 18:00:00Z' \
    --owner=0 --group=0 --numeric-owner --mode='u=rw,go=r,a+X' \
    -cf - partner-share-2015-07 | gzip -n -9 > "$OUT/archives/partner-share-2015-07.tar.gz"

echo "make-binaries: done"
ls -l "$OUT"/encodings "$OUT"/email "$OUT"/pdf "$OUT"/images "$OUT"/docx "$OUT"/archives
