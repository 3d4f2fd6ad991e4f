import assert from "node:assert/strict";
import { statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { InputError, type ProblemCode } from "../../../src/errors.js";
import { resolveLimits } from "../../../src/ingest/limits.js";
import type { ReaderContext } from "../../../src/ingest/reader.js";
import { readDocx } from "../../../src/ingest/readers/docx.js";
import { extractForTest } from "../../helpers/extract.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { buildZip, deflatedZeros, type ZipMember } from "../../helpers/zip-writer.js";

const WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`;

const PACKAGE_RELATIONSHIPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

function documentXml(paragraphs: string[]): string {
  const body = paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${WORD_NS}"><w:body>${body}</w:body></w:document>`;
}

function coreXml(title: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
  <dc:title>${title}</dc:title>
  <dc:creator>Desk</dc:creator>
</cp:coreProperties>`;
}

function docxMembers(paragraphs: string[], title?: string): ZipMember[] {
  const members: ZipMember[] = [
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "_rels/.rels", data: Buffer.from(PACKAGE_RELATIONSHIPS) },
    { name: "word/document.xml", data: Buffer.from(documentXml(paragraphs)) },
  ];
  if (title !== undefined) members.push({ name: "docProps/core.xml", data: Buffer.from(coreXml(title)) });
  return members;
}

function writeFixture(bytes: Buffer, name = "report.docx"): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, bytes);
  return file;
}

function contextFor(file: string): ReaderContext {
  return {
    filePath: file,
    name: path.basename(file),
    locator: file,
    size: statSync(file).size,
    limits: resolveLimits(),
    depth: 0,
    tempDir: tempDir(),
    problem: () => assert.fail("no problem expected"),
  };
}

async function expectCode(file: string, code: ProblemCode): Promise<void> {
  await assert.rejects(readDocx(contextFor(file)), (error: unknown) => error instanceof InputError && error.code === code);
}

describe("docx reader", () => {
  it("extracts the paragraphs and takes the title from the core properties", async () => {
    const file = writeFixture(buildZip(docxMembers(
      ["Meeting at the photo exhibition in Karbala.", "گزارش دیدار با منبع", "Gifts: pistachios &amp; saffron."],
      "Field report &amp; notes",
    )));
    const result = await readDocx(contextFor(file));
    assert.equal(result.title, "Field report & notes");
    assert.equal(result.mime, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assert.deepEqual(result.text.split("\n").filter(Boolean), [
      "Meeting at the photo exhibition in Karbala.",
      "گزارش دیدار با منبع",
      "Gifts: pistachios & saffron.",
    ]);
  });

  it("has no title without core properties, or with an empty title", async () => {
    const untitled = await readDocx(contextFor(writeFixture(buildZip(docxMembers(["text"])))));
    assert.equal(untitled.title, undefined);
    const blank = await readDocx(contextFor(writeFixture(buildZip(docxMembers(["text"], "  ")))));
    assert.equal(blank.title, undefined);
  });

  it("throws damaged for a truncated docx", async () => {
    const whole = buildZip(docxMembers(["some text that will be cut"], "Cut"));
    await expectCode(writeFixture(whole.subarray(0, Math.floor(whole.length * 0.7))), "damaged");
  });

  it("throws damaged for a zip without a Word document in it", async () => {
    await expectCode(writeFixture(buildZip([{ name: "notes.txt", data: Buffer.from("not a document") }])), "damaged");
  });

  it("throws damaged for bytes that are no zip at all", async () => {
    await expectCode(writeFixture(Buffer.from("PK\u0003\u0004 but nothing after it")), "damaged");
  });

  it("refuses a docx whose XML would expand past the compression ratio", async () => {
    const members = docxMembers(["text"], "Bomb");
    members[2] = { name: "word/document.xml", data: await deflatedZeros(16 * 1024 * 1024) };
    await expectCode(writeFixture(buildZip(members)), "archive-bomb");
  });

  it("passes through the extraction driver as a docx document", async () => {
    const file = writeFixture(buildZip(docxMembers(["Minister described as one of our people."], "Cable 42")));
    const { documents, problems } = await extractForTest(file);
    assert.deepEqual(problems, []);
    assert.equal(documents.length, 1);
    assert.equal(documents[0]!.type, "docx");
    assert.equal(documents[0]!.title, "Cable 42");
    assert.match(documents[0]!.text, /our people/);
  });
});
