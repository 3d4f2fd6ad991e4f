import { Command } from "commander";
import { NotFoundError } from "../../errors.js";
import type { DocumentDetail } from "../../store/store.js";
import { archiveOption, openArchiveForReading } from "../archive-option.js";
import { formatBytes } from "../format.js";
import { renderCable } from "../render-cable.js";

export function showCommand(): Command {
  return new Command("show")
    .description("print one document: its metadata and text")
    .argument("<id>", "the document id (as search prints it)")
    .addOption(archiveOption())
    .option("--json", "print the document as JSON")
    .action((id: string, options: { archive: string; json?: boolean }) => {
      const documentId = Number(id);
      if (!Number.isInteger(documentId) || documentId <= 0) throw new NotFoundError(`'${id}' is not a document id; ids are whole numbers, as trove search prints them`);
      const store = openArchiveForReading(options.archive);
      try {
        const document = store.getDocument(documentId);
        process.stdout.write(options.json ? `${JSON.stringify(document, null, 2)}\n` : render(document));
      } finally {
        store.close();
      }
    });
}

function render(document: DocumentDetail): string {
  const fields: [string, string | number | undefined][] = [
    ["id", document.id],
    ["title", document.title],
    ["path", document.path],
    ["type", `${document.type} (${document.mime})`],
    ["language", document.language],
    ["date", document.date],
    ["size", `${formatBytes(document.size)} (${document.size} bytes)`],
    ["sha256", document.sha256],
    ["encoding", document.encoding],
    ["pages", document.pages ? `${document.pages.length}${document.pages.some((page) => page.ocr) ? ` (${document.pages.filter((page) => page.ocr).length} read by OCR)` : ""}` : undefined],
    ["parent", document.parentId],
    ["duplicate of", document.duplicateOf],
    ["ingested", document.ingestedAt],
  ];
  const lines = fields.filter(([, value]) => value !== undefined).map(([name, value]) => `${name.padEnd(13)}${value}`);
  if (document.cable) lines.push("", "Cable:", renderCable(document.cable).trimEnd());
  for (const link of document.translations) {
    lines.push(`${link.role === "translation" ? "translation".padEnd(13) : "original".padEnd(13)}[${link.id}] ${link.title} (${link.language}, paired by ${link.method}${link.translator ? `; translated by ${link.translator}` : ""}${link.reviewer ? `; checked by ${link.reviewer}` : ""})`);
  }
  for (const link of document.references) lines.push(`${"cites".padEnd(13)}[${link.id}] ${link.title} (REF ${link.reference})`);
  for (const link of document.citedBy) lines.push(`${"cited by".padEnd(13)}[${link.id}] ${link.title}`);
  for (const problem of document.problems) lines.push(`${"problem".padEnd(13)}${problem.code}: ${problem.message}`);
  if (document.children.length > 0) {
    lines.push("", `${document.children.length} members or attachments:`);
    for (const child of document.children) lines.push(`  [${child.id}] ${child.name}  ·  ${child.type}${child.duplicateOf ? `  ·  duplicate of ${child.duplicateOf}` : ""}`);
  }
  lines.push("", "─".repeat(72), document.text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u001B]/g, ""));
  return `${lines.join("\n")}\n`;
}
