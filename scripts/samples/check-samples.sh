#!/usr/bin/env bash
# Checks the FICTIONAL sample archive in samples/ (written for Trove):
# text invariants (markers, fa/en pairing and paragraph alignment, Jalali ->
# Gregorian dates, encodings, cable headers) and the generated binaries
# (text layer, no-text scan, OCR read-back, sizes, archive listings).
# Debian packages: python3, nodejs (jalaali-js from node_modules),
#   poppler-utils, tesseract-ocr tesseract-ocr-eng tesseract-ocr-fas, unzip, tar.
# Usage: bash scripts/samples/check-samples.sh     (exit 1 on any failure)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
S="$ROOT/samples"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAIL=0
ok()   { echo "ok    $*"; }
bad()  { echo "FAIL  $*"; FAIL=1; }

echo "== text checks"
python3 "$HERE/check-text.py" "$S" "$HERE" "$ROOT" || FAIL=1

echo "== binaries"
# total size
size=$(du -sb "$S" | cut -f1)
[ "$size" -lt 3000000 ] && ok "samples/ is $size bytes (< 3 MB)" || bad "samples/ is $size bytes"

# text-layer PDF
B="$S/pdf/briefing-zubaidi-payments.pdf"
pdftotext "$B" "$TMP/b.txt"
grep -q "Harith Nouri al-Zubaidi" "$TMP/b.txt" && ok "briefing PDF: English text layer" || bad "briefing PDF: no English text"
grep -q "الزبیدی" "$TMP/b.txt" && ok "briefing PDF: Persian text layer" || bad "briefing PDF: no Persian text"
[ "$(pdfinfo "$B" | awk '/^Pages:/{print $2}')" = 3 ] && ok "briefing PDF: 3 pages" || bad "briefing PDF: page count"
[ "$(pdffonts "$B" | tail -n +3 | wc -l)" -gt 0 ] && ok "briefing PDF: has fonts" || bad "briefing PDF: no fonts"

# image-only PDF
P="$S/pdf/scan-courier-receipt-and-report.pdf"
n=$(pdftotext "$P" - | tr -d '[:space:]\f' | wc -c)
[ "$n" -eq 0 ] && ok "scan PDF: no text layer" || bad "scan PDF: has $n text chars"
[ "$(pdffonts "$P" | tail -n +3 | wc -l)" -eq 0 ] && ok "scan PDF: no fonts" || bad "scan PDF: has fonts"
[ "$(pdfimages -list "$P" | tail -n +3 | wc -l)" -eq 2 ] && ok "scan PDF: 2 page images" || bad "scan PDF: image count"

# OCR read-back
if command -v tesseract >/dev/null; then
  pdftoppm -r 150 -gray -png "$P" "$TMP/p"
  tesseract "$TMP/p-1.png" "$TMP/o1" -l eng >/dev/null 2>&1
  tesseract "$TMP/p-2.png" "$TMP/o2" -l fas >/dev/null 2>&1
  tesseract "$S/images/photo-report-1393-09-14-karbala.jpg" "$TMP/o3" -l fas >/dev/null 2>&1
  grep -q "HANDOVER RECEIPT" "$TMP/o1.txt" && grep -q "al-Nakhil" "$TMP/o1.txt" \
    && ok "OCR eng scan page 1: $(grep -m1 'Confirmed' "$TMP/o1.txt")" || bad "OCR eng page 1"
  grep -q "زیتون" "$TMP/o2.txt" && grep -q "مهند سلیم" "$TMP/o2.txt" \
    && ok "OCR fas scan page 2: $(grep -m1 'موضوع' "$TMP/o2.txt")" || bad "OCR fas page 2"
  grep -q "کربلا" "$TMP/o3.txt" && grep -q "ابوکرار تمیمی" "$TMP/o3.txt" \
    && ok "OCR fas photo: $(grep -m1 'تاریخ' "$TMP/o3.txt")" || bad "OCR fas photo"
else
  echo "skip  tesseract not installed"
fi

for f in "$S"/images/*.jpg "$P"; do
  b=$(stat -c %s "$f"); [ "$b" -lt 400000 ] && ok "$(basename "$f") $b bytes (< 400 KB)" || bad "$(basename "$f") too big"
done
identify -format '%[colorspace] %wx%h %xx%y\n' "$S/images/photo-report-1393-09-14-karbala.jpg" 2>/dev/null | grep -q '^Gray' \
  && ok "photo is grayscale" || echo "skip  photo colourspace (identify missing)"

# archives, docx
unzip -tq "$S/archives/batch-1394-04.zip" >/dev/null && ok "zip: $(unzip -Z1 "$S/archives/batch-1394-04.zip" | grep -vc '/$') files" || bad "zip broken"
tar -tzf "$S/archives/partner-share-2015-07.tar.gz" >/dev/null && ok "tar.gz: $(tar -tzf "$S/archives/partner-share-2015-07.tar.gz" | grep -vc '/$') files" || bad "tar.gz broken"
unzip -p "$S/docx/legal-review-memo-2015-08-04.docx" docProps/core.xml | grep -q '<dc:title>' && ok "docx: core.xml has a title" || bad "docx: no title"
unzip -p "$S/docx/legal-review-memo-2015-08-04.docx" word/document.xml | grep -q 'FICTIONAL SAMPLE' && ok "docx: marker present" || bad "docx: marker missing"

if [ "$FAIL" -ne 0 ]; then echo "check-samples: FAILED"; exit 1; fi
echo "check-samples: all checks passed"
