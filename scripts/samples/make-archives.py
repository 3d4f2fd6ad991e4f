#!/usr/bin/env python3
"""Write the deterministic .zip sample from a source folder (fixed timestamps,
sorted members). Usage: make-archives.py zip SRC_DIR OUT.zip
(The .tar.gz is made by GNU tar in make-binaries.sh.)"""
import os, sys, zipfile
mode, src, out = sys.argv[1:4]
assert mode == 'zip'
files = sorted(os.path.relpath(os.path.join(d, f), src) for d, _, fs in os.walk(src) for f in fs)
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    # explicit directory entries, as many real-world zips carry them
    dirs = sorted({os.path.dirname(f) for f in files if os.path.dirname(f)} |
                  {os.path.dirname(os.path.dirname(f)) for f in files if os.path.dirname(os.path.dirname(f))})
    for d in dirs:
        info = zipfile.ZipInfo(d + '/', date_time=(2015, 7, 2, 21, 14, 0))
        info.external_attr = 0o40755 << 16
        z.writestr(info, b'')
    for f in files:
        info = zipfile.ZipInfo(f, date_time=(2015, 7, 2, 21, 14, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o100644 << 16
        z.writestr(info, open(os.path.join(src, f), 'rb').read())
print('make-archives.py: wrote', out, len(files), 'files')
