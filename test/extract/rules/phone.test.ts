import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findPhoneMentions } from "../../../src/extract/rules/phone.js";
import { assertSaneMentions, onlyMention, pairs } from "./mention-invariants.js";

function phones(text: string) {
  const found = findPhoneMentions(text);
  assertSaneMentions(text, found, ["phone"]);
  return found;
}

function only(text: string, written: string, phone: string): void {
  const mention = onlyMention(text, phones(text), written);
  assert.deepEqual(mention.attributes, { phone }, text);
  assert.equal(mention.normalized, phone);
}

describe("phone numbers by their shape", () => {
  it("reads international numbers with + or 00, dropping a trunk (0)", () => {
    only("mobile: +964 780 412 7731; e-mail", "+964 780 412 7731", "+9647804127731");
    only("office +98 (0)21 8800 1234", "+98 (0)21 8800 1234", "+982188001234");
    only("call 00964 770 318 2264 tonight", "00964 770 318 2264", "+9647703182264");
    only("رقم ٠٠٩٦٤ ٧٧٠ ٣١٨ ٢٢٦٤ للتواصل", "٠٠٩٦٤ ٧٧٠ ٣١٨ ٢٢٦٤", "+9647703182264");
  });

  it("reads Iraqi and Iranian mobile numbers in any digit script, with or without separators", () => {
    only("his number is 07712640388.", "07712640388", "07712640388");
    only("شماره ۰۹۱۲ ۳۴۵ ۶۷۸۹ است", "۰۹۱۲ ۳۴۵ ۶۷۸۹", "09123456789");
    only("الرقم ٠٧٥٠٢٢١٩٠٤٣ فقط", "٠٧٥٠٢٢١٩٠٤٣", "07502219043");
  });

  it("reads North American numbers with punctuation and Iranian area codes", () => {
    only("Richard (202) 647-7588, office", "(202) 647-7588", "2026477588");
    only("at 713/686-5781 after six", "713/686-5781", "7136865781");
    only("or 650.223.2199 x4292", "650.223.2199", "6502232199");
    only("دفتر تهران 021-88001234", "021-88001234", "02188001234");
  });

  it("is surer beside a cue", () => {
    const [shaped] = phones("07905550182");
    const [cued] = phones("Tel. 07905550182");
    assert.ok(shaped && cued && cued.confidence > shaped.confidence);
  });
});

describe("phone numbers by a cue", () => {
  it("reads other numbers only after a cue in English, Persian or Arabic, or before one", () => {
    only("Tel: 5551234", "5551234", "5551234");
    only("تلفن همراه ۸۸۰۰۱۲۳۴ است", "۸۸۰۰۱۲۳۴", "88001234");
    only("شماره تماس: 3344 5566", "3344 5566", "33445566");
    only("هاتف ٧٨١٢٣٤٥", "٧٨١٢٣٤٥", "7812345");
    only("732 603 7747 Ph", "732 603 7747", "7326037747");
    assert.deepEqual(phones("888 524 1326 units"), []);
  });
});

describe("numbers that are not phone numbers", () => {
  it("leaves dates, years, amounts, cable references and source numbers alone", () => {
    for (const text of [
      "1393/06/23 (2014-09-14)",
      "۱۳۹۳/۰۶/۲۵",
      "from 2014-2015 onwards",
      "09BAGHDAD1234",
      "REF: 14 TEHRAN 00123",
      "DE RUEHGB #0087/01 0151305",
      "DE RUEHBZ #0031 0430812",
      "TEL AVIV 00002652 002 OF 005",
      "a bribe of 16000000 dollars",
      "1.000.000 euros",
      "Source 134832",
      "ISBN 978-3-16-148410-0",
      "ip 192.168.100.200",
      "Tel: 3.14159265",
    ]) {
      assert.deepEqual(phones(text), [], text);
    }
  });

  it("splits numbers written one after the other", () => {
    assert.deepEqual(pairs(phones("0912 345 6789 0912 345 6790")), [["0912 345 6789", "09123456789"], ["0912 345 6790", "09123456790"]]);
    assert.deepEqual(pairs(phones("+964 780 412 7731 07712640388")), [["+964 780 412 7731", "+9647804127731"], ["07712640388", "07712640388"]]);
  });

  it("finds a phone number next to a date in one run of digits", () => {
    assert.deepEqual(pairs(phones("on 1393/06/23 09123456789")), [["09123456789", "09123456789"]]);
  });

  it("gives sane output on empty, huge and odd text", () => {
    for (const text of ["", "1".repeat(100_000), "1 ".repeat(50_000), "+".repeat(100_000), "(1)".repeat(30_000), "0912\uD800345\uDC006789", "tel ".repeat(30_000) + "5551234"]) phones(text);
    assert.deepEqual(phones("1".repeat(100_000)), []);
  });
});
