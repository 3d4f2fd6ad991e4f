import { Command } from "commander";
import { NotFoundError, TroveError } from "../../errors.js";
import type { Cable, CableParagraph } from "../../model/cable.js";
import { alignParagraphs, compareTranslations, type PassageDifference } from "../../parse/translation.js";
import type { SqliteStore } from "../../store/sqlite/sqlite-store.js";
import { archiveOption, openArchiveForReading } from "../archive-option.js";

const EXCERPT_CHARS = 160;

export function translationsCommand(): Command {
  const command = new Command("translations").description("read an original beside its translation, or compare two translations passage by passage");
  command
    .command("align")
    .description("print an original and its translation paragraph by paragraph")
    .argument("<id>", "the original or the translation (either half of the pair)")
    .addOption(archiveOption())
    .option("--json", "print {original, translation, paragraphs: [{number, method, original, translation}]}")
    .action((id: string, options: { archive: string; json?: boolean }) =>
      withArchive(options.archive, (store) => {
        const document = store.getDocument(documentId(id));
        const link = document.translations[0];
        if (!link) throw new TroveError("no-translation", `document ${document.id} has no paired original or translation; pairs come from translations.json, file names (X.fa.txt / X.en.txt) or a shared reference number`);
        const [originalId, translationId] = link.role === "translation" ? [document.id, link.id] : [link.id, document.id];
        const original = cableOf(store, originalId);
        const translation = cableOf(store, translationId);
        const paragraphs = alignParagraphs(original, translation);
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ original: originalId, translation: translationId, paragraphs }, null, 2)}\n`);
          return;
        }
        const lines = [`original [${originalId}] · translation [${translationId}]${link.translator ? ` · translated by ${link.translator}` : ""}${link.reviewer ? ` · checked by ${link.reviewer}` : ""}`];
        for (const pair of paragraphs) {
          lines.push("", `¶ ${pair.number ?? "—"} (${pair.method})`, `  ${excerpt(pair.original)}`, `  ${excerpt(pair.translation)}`);
        }
        process.stdout.write(`${lines.join("\n")}\n`);
      }),
    );
  command
    .command("compare")
    .description("compare two translations of the same original, passage by passage, showing where they disagree")
    .argument("<first>", "the first translation's id")
    .argument("<second>", "the second translation's id")
    .addOption(archiveOption())
    .option("--original <id>", "the original, to show its passage beside each difference")
    .option("--all", "list every passage, not only those that disagree")
    .option("--json", "print {passages: [...]} with similarity, reasons and the facts found in one translation only")
    .action((first: string, second: string, options: { archive: string; original?: string; all?: boolean; json?: boolean }) =>
      withArchive(options.archive, (store) => {
        const original = options.original === undefined ? undefined : cableOf(store, documentId(options.original));
        const passages = compareTranslations(cableOf(store, documentId(first)), cableOf(store, documentId(second)), original);
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ passages }, null, 2)}\n`);
          return;
        }
        const shown = options.all ? passages : passages.filter((passage) => passage.disagrees);
        const lines = [`${passages.length} passages; ${passages.filter((passage) => passage.disagrees).length} disagree.`];
        for (const passage of shown) lines.push("", ...describePassage(passage));
        process.stdout.write(`${lines.join("\n")}\n`);
      }),
    );
  return command;
}

function describePassage(passage: PassageDifference): string[] {
  const facts = (label: string, list: PassageDifference["onlyInFirst"]) => (list.length ? [`  only in the ${label}: ${list.map((fact) => fact.text).join(", ")}`] : []);
  return [
    `¶ ${passage.number ?? "—"}: similarity ${passage.similarity.toFixed(2)}${passage.disagrees ? ` — disagrees (${passage.reasons.join(", ")})` : ""}`,
    ...(passage.original ? [`  original: ${excerpt(passage.original)}`] : []),
    `  first:    ${excerpt(passage.first)}`,
    `  second:   ${excerpt(passage.second)}`,
    ...facts("first", passage.onlyInFirst),
    ...facts("second", passage.onlyInSecond),
  ];
}

function cableOf(store: SqliteStore, id: number): Cable {
  const document = store.getDocument(id);
  if (!document.cable) throw new TroveError("no-cable", `document ${id} has no text to read as a cable`);
  return document.cable;
}

function excerpt(paragraph: CableParagraph | undefined): string {
  if (!paragraph) return "(missing)";
  const text = paragraph.text.replace(/\s+/g, " ").trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
}

function documentId(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new NotFoundError(`'${value}' is not a document id; ids are whole numbers, as trove search prints them`);
  return id;
}

function withArchive(file: string, work: (store: SqliteStore) => void): void {
  const store = openArchiveForReading(file);
  try {
    work(store);
  } finally {
    store.close();
  }
}
