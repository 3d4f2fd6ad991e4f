import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeText, looksBinary } from "../../src/text/encoding.js";
import iconv from "iconv-lite";

const persian = "گزارش جلسه در کربلا با منبع شماره ۱۳۴۸۳۲ و هدیهٔ زعفران";

describe("decodeText", () => {
  it("reads UTF-8, with or without a BOM", () => {
    assert.deepEqual(decodeText(Buffer.from(persian)), { text: persian, encoding: "utf-8" });
    assert.equal(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(persian)])).text, persian);
  });

  it("reads UTF-16 with a byte-order mark, either way round", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(persian, "utf16le")]);
    assert.deepEqual(decodeText(le), { text: persian, encoding: "utf-16le" });
    const be = Buffer.from(le);
    be.swap16();
    assert.deepEqual(decodeText(be), { text: persian, encoding: "utf-16be" });
  });

  it("tells Windows-1256 Persian from Windows-1252 Western text", () => {
    const arabicScript = "گزارش جلسه در کربلا با منبع";
    assert.deepEqual(decodeText(iconv.encode(arabicScript, "windows-1256")), { text: arabicScript, encoding: "windows-1256" });
    const western = "¶1. (C) The café meeting in Paris was cancelled — résumé attached.";
    assert.deepEqual(decodeText(iconv.encode(western, "windows-1252")), { text: western, encoding: "windows-1252" });
  });

  it("keeps mostly-UTF-8 text as UTF-8 and says where the damage starts", () => {
    const bytes = Buffer.concat([Buffer.from("کربلا "), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from(" تهران")]);
    const decoded = decodeText(bytes);
    assert.equal(decoded.encoding, "utf-8");
    assert.equal(decoded.invalidUtf8At, Buffer.byteLength("کربلا "));
    assert.match(decoded.text, /کربلا \uFFFD\uFFFDA تهران/);
  });

  it("does not count a character cut at the end of a truncated read as damage", () => {
    const bytes = Buffer.from("کربلا");
    const decoded = decodeText(bytes.subarray(0, bytes.length - 1), true);
    assert.equal(decoded.invalidUtf8At, undefined);
    assert.equal(decoded.text, "کربل");
  });
});

describe("looksBinary", () => {
  it("spots NUL bytes and control characters but not UTF-16 text", () => {
    assert.equal(looksBinary(Buffer.from([0x50, 0x4b, 0x00, 0x01, 0x02])), true);
    assert.equal(looksBinary(Buffer.from("plain text\nwith lines\r\n")), false);
    assert.equal(looksBinary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("hello", "utf16le")])), false);
  });
});
