/**
 * Evaluates the cable parsers on real cables: `npm run eval:cables`.
 *
 * Each gold document (eval/gold/cable-fields.jsonl) is extracted exactly as
 * ingest extracts it (Trove's own readers; a JSON-lines record is split out of
 * its dump here, its body as the text and its other fields as the reader's
 * metadata), parsed through the parser registry as ingest parses it, and
 * compared field by field after the normalisation below, applied equally to
 * gold and prediction. Prints precision and recall per field and layout and
 * writes the details to eval/results/cables-latest.json.
 *
 * Per field: precision = correct / predicted non-empty, recall = correct /
 * gold non-empty, where correct means both non-empty and equal after
 * normalisation; accuracy also counts agreeing empties. List fields (`to`,
 * `tags`, `references`) are correct when the sets are equal; their item-level
 * scores are in the JSON. A list field that is `null` in the gold is not
 * judged; a scalar field that is `null` says the document has none.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extractFile } from "../src/ingest/extract.js";
import { resolveLimits } from "../src/ingest/limits.js";
import type { Cable, ParseInput } from "../src/model/cable.js";
import type { ExtractedDocument } from "../src/model/document.js";
import { parseCable } from "../src/parse/registry.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const GOLD_FILE = path.join(HERE, "gold", "cable-fields.jsonl");
const RESULTS_FILE = path.join(HERE, "results", "cables-latest.json");
const CORPUS = path.resolve(process.cwd(), "../shared/corpus");

const FIELDS = ["reference", "date", "classification", "origin", "subject", "to", "tags", "references"] as const;
type Field = (typeof FIELDS)[number];
const LIST_FIELDS: readonly Field[] = ["to", "tags", "references"];
const LAYOUTS = ["cablegate", "plusd", "crest"] as const;
/** The bar each layout must clear, on precision and recall, for the fields that identify a cable. */
const TARGETS: { layout: (typeof LAYOUTS)[number]; fields: Field[]; minimum: number }[] = [
  { layout: "cablegate", fields: ["reference", "date", "classification", "origin", "subject"], minimum: 0.98 },
  { layout: "plusd", fields: ["reference", "date", "classification", "origin", "subject"], minimum: 0.98 },
  { layout: "crest", fields: ["reference", "date", "classification", "origin", "subject"], minimum: 0.9 },
];

interface GoldRecord {
  file: string;
  record: number | null;
  layout: string;
  reference: string | null;
  date: string | null;
  classification: string | null;
  origin: string | null;
  subject: string | null;
  to: string[] | null;
  tags: string[] | null;
  references: string[] | null;
  note?: string;
}

type Outcome = "correct" | "wrong" | "missed" | "spurious" | "both-empty" | "unjudged";

interface Tally {
  predicted: number;
  gold: number;
  correct: number;
  agreeingEmpty: number;
  judged: number;
}

interface ItemTally {
  predicted: number;
  gold: number;
  correct: number;
}

interface Comparison {
  id: string;
  layout: string;
  source: string;
  predictedLayout: string;
  outcomes: Record<Field, Outcome>;
  mismatches: { field: Field; gold: unknown; predicted: unknown }[];
  warnings: string[];
}

// ---- normalisation: the same function for gold and prediction ----

/** `  09 paris 1007 ` → `09PARIS1007`. */
function referenceKey(value: string): string {
  return value.toUpperCase().replace(/\s+/g, "");
}

/** Level as marked with UNCLAS spelt out and letter spacing closed, plus `//NOFORN` when marked; FOUO/SBU/SENSITIVE dropped (they are caveats). */
function classificationKey(value: string): string {
  const parts = value.toUpperCase().split("//").map((part) => part.replace(/\s+/g, " ").trim());
  const level = parts[0]!.replace(/\b(?:[A-Z] (?=[A-Z]\b))+[A-Z]\b/g, (spaced) => spaced.replace(/ /g, "")).replace(/^UNCLAS$/, "UNCLASSIFIED");
  const noforn = parts.slice(1).some((part) => part === "NOFORN" || part === "NF");
  return noforn ? `${level}//NOFORN` : level;
}

/** Upper case, punctuation and spacing collapsed; `AMEMBASSY X` = `Embassy X`, `AMCONSUL X` = `Consulate X`. */
function officeKey(value: string): string {
  return value
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, " ")
    .trim()
    .replace(/^AMEMBASSY /, "EMBASSY ")
    .replace(/^AMCONSUL /, "CONSULATE ")
    .replace(/^SECRETARY OF STATE$/, "SECSTATE WASHDC");
}

/** Letters and digits only, upper case, after a leading portion marking: wrapping, glued words and punctuation do not count. */
function subjectKey(value: string): string {
  return value.replace(/^\s*\((?:U|C|S|SBU|S\/NF|C\/NF|TS)\)\s*/i, "").toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** An addressee without routing indicator, precedence or serial (`RUEHC/SECSTATE WASHDC IMMEDIATE 6818` = `SECSTATE WASHDC`). */
function addresseeKey(value: string): string {
  let key = value.toUpperCase().replace(/\s+/g, " ").trim().replace(/^[A-Z0-9]{4,8}\//, "");
  for (let previous = ""; previous !== key; ) {
    previous = key;
    key = key.replace(/ ?\d{1,5}$/, "").replace(/ ?\b(?:NIACT|IMMEDIATE|PRIORITY|ROUTINE|FLASH)$/, "").trim();
  }
  return officeKey(key);
}

function tagKey(value: string): string {
  return value.toUpperCase().replace(/\s+/g, " ").trim();
}

const SCALAR_KEYS: Partial<Record<Field, (value: string) => string>> = {
  reference: referenceKey,
  date: (value) => value.trim(),
  classification: classificationKey,
  origin: officeKey,
  subject: subjectKey,
};
const ITEM_KEYS: Partial<Record<Field, (value: string) => string>> = {
  to: addresseeKey,
  tags: tagKey,
  references: referenceKey,
};

function predictedValue(cable: Cable, field: Field): string | string[] | undefined {
  switch (field) {
    case "date":
      return cable.date?.iso;
    case "to":
      return cable.to;
    case "tags":
      return cable.tags;
    case "references":
      return cable.references.map((reference) => reference.canonical ?? reference.text);
    default:
      return cable[field];
  }
}

function compareField(field: Field, gold: unknown, predicted: string | string[] | undefined, items: ItemTally): Outcome {
  if (LIST_FIELDS.includes(field)) {
    if (gold === null || gold === undefined) return "unjudged";
    const key = ITEM_KEYS[field]!;
    const goldSet = new Set((gold as string[]).map(key));
    const predictedSet = new Set(((predicted as string[] | undefined) ?? []).map(key));
    items.gold += goldSet.size;
    items.predicted += predictedSet.size;
    items.correct += [...predictedSet].filter((item) => goldSet.has(item)).length;
    if (goldSet.size === 0) return predictedSet.size === 0 ? "both-empty" : "spurious";
    if (predictedSet.size === 0) return "missed";
    return goldSet.size === predictedSet.size && [...goldSet].every((item) => predictedSet.has(item)) ? "correct" : "wrong";
  }
  const key = SCALAR_KEYS[field]!;
  const goldKey = typeof gold === "string" && gold.trim() ? key(gold) : undefined;
  const predictedKey = typeof predicted === "string" && predicted.trim() ? key(predicted) : undefined;
  if (!goldKey) return predictedKey ? "spurious" : "both-empty";
  if (!predictedKey) return "missed";
  return goldKey === predictedKey ? "correct" : "wrong";
}

// ---- reading the gold documents as ingest reads them ----

function sourceOf(gold: GoldRecord): string {
  if (gold.record !== null) return "jsonl";
  return path.extname(gold.file).slice(1).toLowerCase() || "text";
}

async function inputFor(gold: GoldRecord, tempRoot: string): Promise<ParseInput> {
  const filePath = path.join(CORPUS, gold.file);
  if (gold.record !== null) {
    const line = readFileSync(filePath, "utf8").split("\n")[gold.record - 1] ?? "";
    const { body, ...fields } = JSON.parse(line) as Record<string, unknown>;
    return { text: typeof body === "string" ? body : "", name: `${path.basename(filePath)}#${gold.record}`, type: "text", metadata: fields };
  }
  const documents: ExtractedDocument[] = [];
  await extractFile(
    { filePath, locator: filePath, rootPath: filePath, name: path.basename(filePath) },
    { document: (document) => documents.push(document), problem: () => undefined },
    { limits: resolveLimits(), tempDir: tempRoot },
  );
  const document = documents[0];
  if (!document) throw new Error(`${gold.file}: nothing was extracted`);
  const input: ParseInput = { text: document.text, name: document.name, type: document.type, metadata: document.metadata };
  if (document.type === "html") input.html = readFileSync(filePath, "utf8");
  return input;
}

// ---- scoring and reporting ----

function emptyTally(): Tally {
  return { predicted: 0, gold: 0, correct: 0, agreeingEmpty: 0, judged: 0 };
}

function count(tally: Tally, outcome: Outcome): void {
  if (outcome === "unjudged") return;
  tally.judged++;
  if (outcome === "correct" || outcome === "wrong" || outcome === "spurious") tally.predicted++;
  if (outcome === "correct" || outcome === "wrong" || outcome === "missed") tally.gold++;
  if (outcome === "correct") tally.correct++;
  if (outcome === "both-empty") tally.agreeingEmpty++;
}

function scores(tally: Tally) {
  const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);
  return {
    ...tally,
    precision: ratio(tally.correct, tally.predicted),
    recall: ratio(tally.correct, tally.gold),
    accuracy: ratio(tally.correct + tally.agreeingEmpty, tally.judged),
  };
}

function cell(tally: Tally): string {
  const { precision, recall } = scores(tally);
  const show = (value: number | null) => (value === null ? "  – " : value.toFixed(2));
  return `${show(precision)} / ${show(recall)}`;
}

function table(title: string, groups: string[], tallies: Map<string, Record<Field, Tally>>, sizes: Map<string, number>): string {
  const width = 15;
  const header = ["field".padEnd(16), ...groups.map((group) => `${group} (${sizes.get(group) ?? 0})`.padEnd(width))].join(" ");
  const rows = FIELDS.map((field) => [field.padEnd(16), ...groups.map((group) => cell(tallies.get(group)![field]).padEnd(width))].join(" "));
  return [title, header, ...rows].join("\n");
}

/**
 * A held-out check on every record of the JSON-lines dump that is not in the
 * gold: the dump's own fields (`reference_id`, `date_time`, `classification`,
 * `origin`) are withheld from the parser, which gets the body and the routing
 * header, and its reading is compared with them. The dump's fields are
 * scraped, not checked by a person (a silver standard), and its origins use
 * the archive's names (`UNVIE` for USMISSION UNVIE VIENNA), so this measures
 * agreement, not correctness.
 */
function heldOutCheck(golds: GoldRecord[]) {
  const dump = "cablegate/None-later_Wikileaks_Processing/wikileaks-11-28-10.json";
  const inGold = new Set(golds.filter((gold) => gold.file === dump).map((gold) => gold.record));
  const fields = { reference: 0, date: 0, classification: 0, origin: 0 };
  const disagreements: string[] = [];
  let records = 0;
  readFileSync(path.join(CORPUS, dump), "utf8").split("\n").forEach((line, index) => {
    if (!line.trim() || inGold.has(index + 1)) return;
    const record = JSON.parse(line) as Record<string, string>;
    const metadata: Record<string, unknown> = record.header ? { header: record.header } : {};
    const cable = parseCable({ text: record.body ?? "", name: `${path.basename(dump)}#${index + 1}`, type: "text", metadata });
    records++;
    const checks: [keyof typeof fields, boolean][] = [
      ["reference", referenceKey(cable.reference ?? "") === referenceKey(record.reference_id ?? "")],
      // The dump's minutes are bogus (they repeat the hour); its day is right.
      ["date", cable.date?.iso === (record.date_time ?? "").slice(0, 10)],
      ["classification", classificationKey(cable.classification ?? "") === classificationKey(record.classification ?? "")],
      ["origin", officeKey(cable.origin ?? "") === officeKey(record.origin ?? "")],
    ];
    for (const [field, agrees] of checks) {
      if (agrees) fields[field]++;
      else disagreements.push(`#${index + 1} ${field}: dump ${JSON.stringify(field === "date" ? record.date_time : field === "reference" ? record.reference_id : record[field])} | got ${JSON.stringify(field === "date" ? cable.date?.iso : cable[field])}`);
    }
  });
  return { file: dump, records, agreement: Object.fromEntries(Object.entries(fields).map(([field, agreed]) => [field, Math.round((agreed / Math.max(1, records)) * 1000) / 1000])), disagreements };
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) {
    console.error(`eval:cables needs the real corpus at ${CORPUS}`);
    process.exitCode = 1;
    return;
  }
  const golds = readFileSync(GOLD_FILE, "utf8").split("\n").filter((line) => line.trim()).map((line) => JSON.parse(line) as GoldRecord);
  const tempRoot = mkdtempSync(path.join(os.tmpdir(), "trove-eval-"));
  const byLayout = new Map<string, Record<Field, Tally>>();
  const bySource = new Map<string, Record<Field, Tally>>();
  const items = new Map<Field, ItemTally>(LIST_FIELDS.map((field) => [field, { predicted: 0, gold: 0, correct: 0 }]));
  const layoutSizes = new Map<string, number>();
  const sourceSizes = new Map<string, number>();
  const comparisons: Comparison[] = [];
  const started = performance.now();
  try {
    for (const gold of golds) {
      const source = sourceOf(gold);
      const id = gold.record === null ? gold.file : `${gold.file}#${gold.record}`;
      const cable = parseCable(await inputFor(gold, tempRoot));
      const comparison: Comparison = { id, layout: gold.layout, source, predictedLayout: cable.layout, outcomes: {} as Record<Field, Outcome>, mismatches: [], warnings: cable.warnings };
      for (const group of [["all", byLayout, layoutSizes], [gold.layout, byLayout, layoutSizes], [source, bySource, sourceSizes]] as const) {
        const [name, tallies, sizes] = group;
        if (!tallies.has(name)) tallies.set(name, Object.fromEntries(FIELDS.map((field) => [field, emptyTally()])) as Record<Field, Tally>);
        sizes.set(name, (sizes.get(name) ?? 0) + 1);
      }
      for (const field of FIELDS) {
        const predicted = predictedValue(cable, field);
        const outcome = compareField(field, gold[field], predicted, items.get(field) ?? { predicted: 0, gold: 0, correct: 0 });
        comparison.outcomes[field] = outcome;
        for (const tallies of [byLayout.get("all")!, byLayout.get(gold.layout)!, bySource.get(source)!]) count(tallies[field], outcome);
        if (outcome !== "correct" && outcome !== "both-empty" && outcome !== "unjudged") comparison.mismatches.push({ field, gold: gold[field], predicted: predicted ?? null });
      }
      comparisons.push(comparison);
    }
  } finally {
    rmSync(tempRoot, { recursive: true, force: true });
  }
  const seconds = (performance.now() - started) / 1000;

  const routed = comparisons.filter((comparison) => comparison.predictedLayout === comparison.layout).length;
  const targets = TARGETS.flatMap(({ layout, fields, minimum }) =>
    fields.map((field) => {
      const { precision, recall } = scores(byLayout.get(layout)?.[field] ?? emptyTally());
      // A field with nothing to find or nothing predicted cannot fall short on that side.
      const met = (precision ?? 1) >= minimum && (recall ?? 1) >= minimum;
      return { layout, field, minimum, precision, recall, met };
    }),
  );

  const layoutGroups = [...LAYOUTS, "all"];
  const sourceGroups = [...bySource.keys()].sort();
  console.log(table("precision / recall by layout", layoutGroups, byLayout, layoutSizes));
  console.log();
  console.log(table("precision / recall by source", sourceGroups, bySource, sourceSizes));
  console.log();
  console.log(`layout recognised: ${routed}/${comparisons.length}`);
  console.log(`list items (micro): ${LIST_FIELDS.map((field) => { const tally = items.get(field)!; return `${field} P ${(tally.correct / Math.max(1, tally.predicted)).toFixed(2)} R ${(tally.correct / Math.max(1, tally.gold)).toFixed(2)}`; }).join("; ")}`);
  const unmet = targets.filter((target) => !target.met);
  console.log(`targets met: ${targets.length - unmet.length}/${targets.length}${unmet.map((target) => `\n  below ${target.minimum}: ${target.layout} ${target.field} (P ${target.precision ?? "–"}, R ${target.recall ?? "–"})`).join("")}`);
  const mismatched = comparisons.filter((comparison) => comparison.mismatches.length > 0 || comparison.predictedLayout !== comparison.layout);
  console.log(`\nmismatches (${mismatched.length} documents):`);
  for (const comparison of mismatched) {
    if (comparison.predictedLayout !== comparison.layout) console.log(`  ${comparison.id}: layout ${comparison.predictedLayout}, expected ${comparison.layout}`);
    for (const { field, gold, predicted } of comparison.mismatches) console.log(`  ${comparison.id} ${field}: gold ${JSON.stringify(gold)} | got ${JSON.stringify(predicted)}`);
  }
  console.log(`\n${comparisons.length} documents in ${seconds.toFixed(1)} s`);
  const heldOut = heldOutCheck(golds);
  console.log(`\nheld-out agreement with the dump's own fields (${heldOut.records} records of ${path.basename(heldOut.file)} not in the gold; answers withheld from the parser):`);
  console.log(`  ${Object.entries(heldOut.agreement).map(([field, rate]) => `${field} ${rate.toFixed(3)}`).join(", ")}`);
  for (const disagreement of heldOut.disagreements) console.log(`  ${disagreement}`);

  const results = {
    generatedAt: new Date().toISOString(),
    gold: path.relative(process.cwd(), GOLD_FILE),
    corpus: CORPUS,
    documents: comparisons.length,
    seconds: Math.round(seconds * 10) / 10,
    layoutRecognised: { correct: routed, total: comparisons.length },
    byLayout: Object.fromEntries([...byLayout].map(([group, tallies]) => [group, Object.fromEntries(FIELDS.map((field) => [field, scores(tallies[field])]))])),
    bySource: Object.fromEntries([...bySource].map(([group, tallies]) => [group, Object.fromEntries(FIELDS.map((field) => [field, scores(tallies[field])]))])),
    listItems: Object.fromEntries([...items].map(([field, tally]) => [field, tally])),
    targets,
    heldOut,
    comparisons,
  };
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
}

await main();
