#!/usr/bin/env python3
"""Write samples/docx/legal-review-memo-2015-08-04.docx: a minimal, valid
WordprocessingML package made with zipfile only ([Content_Types].xml,
_rels/.rels, word/document.xml, docProps/core.xml). FICTIONAL content
written for Trove. Usage: make-docx.py OUT.docx
"""
import sys, zipfile
from xml.sax.saxutils import escape

TITLE = 'Legal review: publishing the Zubaidi payments story (FICTIONAL SAMPLE)'

# (style, text, rtl)   style: 'title' | 'bold' | None
PARAS = [
    ('bold', 'FICTIONAL SAMPLE — written for Trove; all people and events are invented.', False),
    ('title', 'MEMO — Legal review: publishing the Zubaidi payments story', False),
    (None, 'From: Tom Castellan, managing editor, Meridian Desk (fictional)', False),
    (None, 'To: Leila Rahnavard; Ines Okoro (Harbor Post)', False),
    (None, 'Date: 4 August 2015', False),
    (None, 'Subject: What we can say about MP Harith al-Zubaidi, Abu Karrar al-Tamimi and Minister Salah al-Ubaidi', False),
    ('bold', '1. Payments to al-Zubaidi.', False),
    (None, 'We may report that station reports describe USD 16 million paid in four instalments between 1 December 2014 and 29 April 2015. Three of the four dates are corroborated by US cables (14BAGHDAD1911, 15BASRAH31, 15BEIRUT388). The second instalment (28 December 2014) rests on report 1393/10/22 alone: say so.', False),
    ('bold', '2. Al-Tamimi (al-Temimi).', False),
    (None, 'Name him as the intermediary. Do not print the source number the summary report gives him, and do not describe him as an informant: the reports list him as a source, and we cannot show that he knew it.', False),
    ('bold', '3. Minister al-Ubaidi (al-Obaidi).', False),
    (None, '"One of our people" and "special relationship" are the station\'s words, not facts. Quote them as such and include his response; we wrote to his office director, Nizar Abdulkarim, on 28 July.', False),
    ('bold', '4. Redactions before any excerpt is published.', False),
    (None, 'Source numbers (134250, 134617, 134905, 136220, 137441, 138012); officers\' code names next to dates and places; the name and illness of Major al-Saadi\'s son; phone numbers and plate numbers; the sender\'s note in the June batch.', False),
    (None, 'Persian spelling for the caption of the excerpt:', False),
    (None, 'ابوکرار تمیمی — شیخ حارث نوری الزبیدی — دکتر صلاح مهدی العبیدی', True),
    (None, 'Tom', False),
]

def run(text, bold=False, size=None, rtl=False):
    props = ''
    if bold: props += '<w:b/>'
    if size: props += f'<w:sz w:val="{size}"/>'
    if rtl: props += '<w:rtl/>'
    rpr = f'<w:rPr>{props}</w:rPr>' if props else ''
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'

def para(style, text, rtl):
    ppr = '<w:pPr><w:bidi/><w:jc w:val="right"/></w:pPr>' if rtl else ''
    return f'<w:p>{ppr}{run(text, bold=style in ("bold", "title"), size=32 if style == "title" else None, rtl=rtl)}</w:p>'

document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:body>' + ''.join(para(*p) for p in PARAS) +
            '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>'
            '</w:sectPr></w:body></w:document>')

content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '</Types>')

rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    '</Relationships>')

core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    f'<dc:title>{escape(TITLE)}</dc:title>'
    '<dc:creator>Tom Castellan (fictional)</dc:creator>'
    '<cp:keywords>Trove; fictional sample; legal review</cp:keywords>'
    '<dcterms:created xsi:type="dcterms:W3CDTF">2015-08-04T09:30:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">2015-08-04T09:30:00Z</dcterms:modified>'
    '</cp:coreProperties>')

out = sys.argv[1]
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for name, data in [('[Content_Types].xml', content_types), ('_rels/.rels', rels),
                       ('word/document.xml', document), ('docProps/core.xml', core)]:
        info = zipfile.ZipInfo(name, date_time=(2015, 8, 4, 9, 30, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data.encode('utf-8'))
print('make-docx.py: wrote', out)
