import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectType, typeFromName } from "../../src/ingest/detect-type.js";

const bytes = (text: string) => Buffer.from(text);

describe("detectType", () => {
  it("trusts content over the name and says when they disagree", () => {
    assert.deepEqual(detectType(bytes("<!DOCTYPE html><html><body>x</body></html>"), "report.pdf"), { type: "html", mime: "text/html", namedAs: "pdf" });
    assert.deepEqual(detectType(bytes("%PDF-1.4\n..."), "notes.txt"), { type: "pdf", mime: "application/pdf", namedAs: "text" });
    assert.equal(detectType(Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]), "readme.txt").namedAs, "text");
  });

  it("recognises formats by their magic bytes whatever the name", () => {
    assert.equal(detectType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), "x").type, "image");
    assert.equal(detectType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), "x.bin").type, "image");
    assert.equal(detectType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]), "x").type, "zip");
    assert.equal(detectType(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), bytes("....word/document.xml")]), "memo").type, "docx");
    assert.equal(detectType(Buffer.from([0x1f, 0x8b, 0x08]), "bundle.tar.gz").type, "tar");
  });

  it("tells e-mail and mbox from text that only looks like a form", () => {
    assert.equal(detectType(bytes("From: a@example.org\nTo: b@example.org\nSubject: hi\n\nbody"), "message").type, "email");
    assert.equal(detectType(bytes("From MAILER-DAEMON Mon Apr 18 2022\nFrom: a@example.org\n"), "box").type, "mbox");
    const report = "FICTIONAL SAMPLE\nDate: 1393/07/15\nFrom: Karbala station\nTo: Headquarters\nSubject: meeting\n\n1. text";
    assert.equal(detectType(bytes(report), "report.txt").type, "text");
    assert.equal(detectType(bytes("Date: 1393/07/15\nFrom: Karbala station\nSubject: meeting\n\nx"), "report.txt").type, "text");
  });

  it("stores an unknown binary as binary and reads unnamed text as text", () => {
    assert.deepEqual(detectType(Buffer.from([0x00, 0x00, 0x10, 0x20]), "blob.dat"), { type: "binary", mime: "application/octet-stream" });
    assert.equal(detectType(bytes("just words"), "README").type, "text");
    assert.equal(typeFromName("archive.TAR.GZ"), "tar");
  });
});
