/**
 * Evaluates relation extraction on hand-annotated documents: `npm run eval:relations`.
 *
 * Reads the gold set `eval/gold/relations.jsonl` (its README says how it was
 * made): one line per fully annotated document, then one line per relation.
 * Each document is read exactly as ingest reads it (`readFiles`, so the
 * Windows-1252 cables are decoded and e-mails are split out of their
 * mailboxes), its mentions are found with `findMentions` in the language the
 * reader detected, and `extractRelations` reads its relations. Beside it, in
 * the same run, a co-occurrence baseline: every sentence (`splitSentences`)
 * with two or more different person, organisation or source names is a
 * MEETING of all of them, and every sentence with a money mention and a person
 * or source is a PAYMENT; the baseline names every person, organisation and
 * source of the sentence in each role, so it measures co-occurrence, not roles.
 *
 * Matching rule (printed with the results):
 * - a predicted relation matches a gold relation when both are in the same
 *   document and of the same type, the predicted evidence span overlaps the
 *   gold evidence (the gold evidence is found in the text by exact search; a
 *   gold evidence that is not there is a gold error and the run stops with a
 *   non-zero status), and every gold name in the type's core roles is matched
 *   by a predicted name in the same role: meeting `participant`; payment
 *   `payer` and `payee`; affiliation `member` and `organization`; reporting
 *   `source`; recruitment `target`; restriction `withheldFrom`. Extra
 *   predicted names and the other roles (place, intermediary, handler…) are
 *   not scored;
 * - two names match when `matchNames` says `match` or `partial` (as an
 *   organisation for the organisation-like roles, else as a person), or when
 *   one normalised name contains the other as whole words (`Zubaidi` in
 *   `Sheikh Harith al-Zubaidi`);
 * - the gold name `(author)` (the writer, or the writer's side: "we", "the
 *   undersigned", PolOff, اینجانب) is matched by a predicted `(author)` or by
 *   any of the document's author names listed in the gold (its From line,
 *   signature and the words it uses for its own officers: `Roozbeh`,
 *   `AMEMBASSY BAGHDAD`, `PolOff`);
 * - matching is one-to-one (a maximum matching, each gold and each predicted
 *   relation used once); precision = matched / predicted, recall = matched /
 *   gold. The looser "type + evidence" score drops the role condition.
 *
 * Prints tables per relation type with the micro average, overall, by
 * language (en, fa) and by source (real corpus, fictional sample); writes
 * everything (scores, timings, every miss and false positive) to
 * eval/results/relations-<date>.json. `--verbose` also lists, per document,
 * the misses, the role disagreements and the false positives with their
 * sentences. Without ../shared/corpus the sample documents alone are scored.
 *
 * `--part dev` or `--part test` scores one half of the gold (see `partOf`),
 * with details in a scratch file rather than eval/results: the extractor is
 * tuned on the dev half only, so the test half stays a fair measure.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readFiles } from "../src/cli/read-files.js";
import { findMentions, type FoundMention } from "../src/extract/mentions.js";
import { matchNames, type NameKind } from "../src/extract/name-match.js";
import { extractRelations } from "../src/extract/relations/index.js";
import type { ExtractedDocument, LanguageCode } from "../src/model/document.js";
import { RELATION_ROLES, RELATION_TYPES, type ExtractedRelation, type RelationRole, type RelationType } from "../src/model/relation.js";
import { normalise } from "../src/text/normalise.js";
import { splitSentences } from "../src/text/sentences.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const GOLD_FILE = path.join(HERE, "gold", "relations.jsonl");
const CORPUS = path.resolve(process.cwd(), "../shared/corpus");
const AUTHOR = "(author)";

/** The roles whose gold names a prediction must get right, per type. */
const CORE_ROLES: Record<RelationType, RelationRole[]> = {
  meeting: ["participant"],
  payment: ["payer", "payee"],
  affiliation: ["member", "organization"],
  reporting: ["source"],
  recruitment: ["target"],
  restriction: ["withheldFrom"],
};
/** Roles whose names are organisations more often than people: compared as organisation names. */
const ORGANIZATION_ROLES: ReadonlySet<RelationRole> = new Set(["organization", "headquarters", "intermediary", "withheldFrom", "originator"]);

const MATCHING_RULE = [
  "strict: same document and type, predicted evidence overlaps the gold evidence, and every gold name in the core roles",
  "(meeting participant; payment payer, payee; affiliation member, organization; reporting source; recruitment target;",
  "restriction withheldFrom) is matched by a predicted name in the same role (matchNames match/partial, or whole-word",
  "containment after normalising; gold \"(author)\" by \"(author)\" or one of the document's author names); one-to-one.",
  "loose: same document and type, overlapping evidence; one-to-one.",
].join("\n");

const SYSTEMS = ["trove", "baseline"] as const;
type SystemName = (typeof SYSTEMS)[number];
const SYSTEM_LABELS: Record<SystemName, string> = { trove: "Trove", baseline: "co-occurrence" };

interface GoldDocument {
  document: string;
  fullyAnnotated: true;
  language: LanguageCode;
  source: "real" | "sample";
  /** Names that stand for the writer: From line, signature, the document's words for its own officers. */
  authors: string[];
  relations: number;
  note?: string;
}

interface GoldRelation {
  document: string;
  type: RelationType;
  roles: Partial<Record<RelationRole, string[]>>;
  evidence: string;
  date: string | null;
  place: string | null;
  amount: number | null;
  currency: string | null;
  kind?: string;
  quality: string | null;
  note?: string;
}

/** A relation reduced to what is scored, gold or predicted. */
interface Scored {
  type: RelationType;
  roles: Partial<Record<RelationRole, string[]>>;
  start: number;
  end: number;
  evidence: string;
}

interface DocumentRun {
  gold: GoldDocument;
  language: LanguageCode;
  relations: Scored[];
  predicted: Record<SystemName, Scored[]>;
  error?: string;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

interface Score extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

type TypeScores = Record<RelationType | "micro", Score>;

interface Outcome {
  document: string;
  kind: "missed" | "roles differ" | "false positive";
  type: RelationType;
  gold?: Pick<Scored, "roles" | "evidence">;
  predicted?: Pick<Scored, "roles" | "evidence">;
}

type Part = "dev" | "test" | "all";

function parseArguments(argv: string[]): { verbose: boolean; part: Part } {
  let verbose = false;
  let part: Part = "all";
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === "--verbose") verbose = true;
    else if (argument === "--part" && ["dev", "test", "all"].includes(argv[index + 1] ?? "")) part = argv[++index] as Part;
    else throw new Error(`unknown argument ${argument} (--verbose, --part dev|test|all)`);
  }
  return { verbose, part };
}

/**
 * Which half of the gold a document belongs to. A report and its translation
 * tell the same events, so they are kept in one half by their shared stem;
 * the stem's FNV-1a hash then decides, so the halves never change.
 */
function partOf(document: string): "dev" | "test" {
  const stem = path.basename(document.split("#", 1)[0] as string).replace(/\.(?:en|fa)(?=\.[^.]+$)/u, "");
  let hash = 0x811c9dc5;
  for (const character of stem) hash = Math.imul(hash ^ (character.codePointAt(0) as number), 0x01000193) >>> 0;
  return hash % 2 === 0 ? "dev" : "test";
}

function readGold(): { documents: GoldDocument[]; relations: GoldRelation[] } {
  const documents: GoldDocument[] = [];
  const relations: GoldRelation[] = [];
  readFileSync(GOLD_FILE, "utf8").split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    const record = JSON.parse(line) as Record<string, unknown>;
    if (record.fullyAnnotated === true) documents.push(record as unknown as GoldDocument);
    else if (typeof record.type === "string") relations.push(record as unknown as GoldRelation);
    else throw new Error(`${GOLD_FILE}:${index + 1}: neither a document nor a relation`);
  });
  const known = new Set(documents.map((document) => document.document));
  for (const relation of relations) {
    if (!known.has(relation.document)) throw new Error(`gold relation in ${relation.document}, which is not listed as fully annotated`);
    if (!RELATION_TYPES.includes(relation.type)) throw new Error(`gold relation of unknown type ${relation.type} in ${relation.document}`);
    for (const role of Object.keys(relation.roles)) {
      if (!RELATION_ROLES.includes(role as RelationRole)) throw new Error(`gold relation with unknown role ${role} in ${relation.document}`);
    }
  }
  return { documents, relations };
}

/** `corpus/…` lies in ../shared/corpus, anything else in the repository; `#member` picks a message of a mailbox. */
function locate(document: string): { file: string; locator: string } {
  const [relative, member] = document.split("#", 2) as [string, string | undefined];
  const file = relative.startsWith("corpus/") ? path.join(CORPUS, relative.slice("corpus/".length)) : path.join(ROOT, relative);
  return { file, locator: member === undefined ? file : `${file}#${member}` };
}

async function readDocuments(documents: GoldDocument[]): Promise<Map<string, ExtractedDocument>> {
  const files = [...new Set(documents.map((document) => locate(document.document).file))];
  const read = new Map<string, ExtractedDocument>();
  for (const file of files) {
    const { documents: found, problems } = await readFiles([file]);
    for (const problem of problems) console.error(`problem reading ${problem.locator}: ${problem.message}`);
    for (const document of found) read.set(document.locator, document);
  }
  return read;
}

function key(name: string): string {
  return normalise(name).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

const decisions = new Map<string, boolean>();
function namesAgree(a: string, b: string, role: RelationRole): boolean {
  const keyA = key(a);
  const keyB = key(b);
  if (keyA === "" || keyB === "") return false;
  const [shorter, longer] = keyA.length <= keyB.length ? [keyA, keyB] : [keyB, keyA];
  if (shorter.length >= 3 && ` ${longer} `.includes(` ${shorter} `)) return true;
  const type: NameKind = ORGANIZATION_ROLES.has(role) ? "organization" : "person";
  const cacheKey = `${type}\u0000${a}\u0000${b}`;
  let agreed = decisions.get(cacheKey);
  if (agreed === undefined) {
    const decision = matchNames(a, b, { type, explain: false }).decision;
    agreed = decision === "match" || decision === "partial";
    decisions.set(cacheKey, agreed);
  }
  return agreed;
}

function sameName(gold: string, predicted: string, role: RelationRole, authors: readonly string[]): boolean {
  if (gold === AUTHOR) return predicted === AUTHOR || authors.some((author) => namesAgree(author, predicted, role));
  if (predicted === AUTHOR) return false;
  return namesAgree(gold, predicted, role);
}

function compatible(gold: Scored, predicted: Scored, strict: boolean, authors: readonly string[]): boolean {
  if (gold.type !== predicted.type || predicted.start >= gold.end || gold.start >= predicted.end) return false;
  if (!strict) return true;
  return CORE_ROLES[gold.type].every((role) =>
    (gold.roles[role] ?? []).every((name) => (predicted.roles[role] ?? []).some((candidate) => sameName(name, candidate, role, authors))),
  );
}

/** Maximum one-to-one matching (augmenting paths): `pairs[g]` is the predicted index matched to gold g, or -1. */
function matchOneToOne(gold: Scored[], predicted: Scored[], strict: boolean, authors: readonly string[]): number[] {
  const edges = gold.map((relation) => predicted.flatMap((candidate, index) => (compatible(relation, candidate, strict, authors) ? [index] : [])));
  const owner = new Array<number>(predicted.length).fill(-1);
  const augment = (g: number, seen: boolean[]): boolean => {
    for (const p of edges[g] as number[]) {
      if (seen[p]) continue;
      seen[p] = true;
      if (owner[p] === -1 || augment(owner[p] as number, seen)) {
        owner[p] = g;
        return true;
      }
    }
    return false;
  };
  for (let g = 0; g < gold.length; g++) augment(g, new Array<boolean>(predicted.length).fill(false));
  const pairs = new Array<number>(gold.length).fill(-1);
  owner.forEach((g, p) => {
    if (g >= 0) pairs[g] = p;
  });
  return pairs;
}

function score(counts: Counts): Score {
  const precision = counts.tp + counts.fp > 0 ? counts.tp / (counts.tp + counts.fp) : 0;
  const recall = counts.tp + counts.fn > 0 ? counts.tp / (counts.tp + counts.fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...counts, precision, recall, f1 };
}

function scoreRuns(runs: DocumentRun[], system: SystemName, strict: boolean): TypeScores {
  const counts = Object.fromEntries([...RELATION_TYPES, "micro"].map((type) => [type, { tp: 0, fp: 0, fn: 0 }])) as Record<RelationType | "micro", Counts>;
  for (const run of runs) {
    const predicted = run.predicted[system];
    const pairs = matchOneToOne(run.relations, predicted, strict, run.gold.authors);
    const usedPredictions = new Set(pairs.filter((p) => p >= 0));
    run.relations.forEach((relation, g) => {
      const tally = counts[relation.type];
      if ((pairs[g] as number) >= 0) tally.tp++;
      else tally.fn++;
    });
    predicted.forEach((relation, p) => {
      if (!usedPredictions.has(p)) counts[relation.type].fp++;
    });
  }
  for (const type of RELATION_TYPES) {
    counts.micro.tp += counts[type].tp;
    counts.micro.fp += counts[type].fp;
    counts.micro.fn += counts[type].fn;
  }
  return Object.fromEntries(Object.entries(counts).map(([type, tally]) => [type, score(tally)])) as TypeScores;
}

/** What Trove got wrong, document by document: misses, right sentence but wrong roles, false positives. */
function outcomes(run: DocumentRun): Outcome[] {
  const predicted = run.predicted.trove;
  const strict = matchOneToOne(run.relations, predicted, true, run.gold.authors);
  const strictUsed = new Set(strict.filter((p) => p >= 0));
  const leftGold = run.relations.filter((_, g) => (strict[g] as number) < 0);
  const leftPredicted = predicted.filter((_, p) => !strictUsed.has(p));
  const loose = matchOneToOne(leftGold, leftPredicted, false, run.gold.authors);
  const looseUsed = new Set(loose.filter((p) => p >= 0));
  const view = (relation: Scored) => ({ roles: relation.roles, evidence: relation.evidence });
  const found: Outcome[] = [];
  leftGold.forEach((relation, g) => {
    const p = loose[g] as number;
    found.push(
      p >= 0
        ? { document: run.gold.document, kind: "roles differ", type: relation.type, gold: view(relation), predicted: view(leftPredicted[p] as Scored) }
        : { document: run.gold.document, kind: "missed", type: relation.type, gold: view(relation) },
    );
  });
  leftPredicted.forEach((relation, p) => {
    if (!looseUsed.has(p)) found.push({ document: run.gold.document, kind: "false positive", type: relation.type, predicted: view(relation) });
  });
  return found;
}

const PEOPLE = new Set(["person", "organization", "source"]);

/** The co-occurrence baseline: names that share a sentence met; a sum beside a person was paid. */
function coOccurrence(text: string, mentions: readonly FoundMention[]): Scored[] {
  const relations: Scored[] = [];
  for (const sentence of splitSentences(text)) {
    const inside = mentions.filter((mention) => mention.start >= sentence.start && mention.end <= sentence.end);
    const names = [...new Map(inside.filter((mention) => PEOPLE.has(mention.type)).map((mention) => [key(mention.name), mention.name])).values()];
    const evidence = text.slice(sentence.start, sentence.end);
    if (names.length >= 2) relations.push({ type: "meeting", roles: { participant: names }, start: sentence.start, end: sentence.end, evidence });
    if (names.length >= 1 && inside.some((mention) => mention.type === "money") && inside.some((mention) => mention.type === "person" || mention.type === "source")) {
      relations.push({ type: "payment", roles: { payer: names, payee: names }, start: sentence.start, end: sentence.end, evidence });
    }
  }
  return relations;
}

function fromExtracted(relation: ExtractedRelation): Scored {
  return { type: relation.type, roles: relation.roles, start: relation.evidence.start, end: relation.evidence.end, evidence: relation.evidence.text };
}

function formatRoles(roles: Partial<Record<RelationRole, string[]>>): string {
  return Object.entries(roles)
    .filter(([, names]) => names !== undefined && names.length > 0)
    .map(([role, names]) => `${role}: ${(names as string[]).join("; ")}`)
    .join(" | ");
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

const SPLITS: Array<{ name: string; keep: (run: DocumentRun) => boolean }> = [
  { name: "all documents", keep: () => true },
  { name: "English", keep: (run) => run.language === "en" },
  { name: "Persian", keep: (run) => run.language === "fa" },
  { name: "real corpus", keep: (run) => run.gold.source === "real" },
  { name: "fictional sample", keep: (run) => run.gold.source === "sample" },
];

/** `–` where a figure is undefined: precision with nothing predicted, recall with nothing to find. */
function formatScore(value: Score): string {
  const precision = value.tp + value.fp > 0 ? value.precision.toFixed(2) : " – ";
  const recall = value.tp + value.fn > 0 ? value.recall.toFixed(2) : " – ";
  const f1 = value.tp + value.fp > 0 || value.tp + value.fn > 0 ? value.f1.toFixed(2) : " – ";
  return `${precision} / ${recall} / ${f1}`;
}

function printSplit(name: string, runs: DocumentRun[], results: Record<SystemName, { strict: TypeScores; loose: TypeScores }>): void {
  const gold = runs.reduce((sum, run) => sum + run.relations.length, 0);
  console.log(`\n${name}: ${runs.length} documents, ${gold} gold relations — precision / recall / F1`);
  const header = ["type", "gold", "Trove strict", "tp/fp/fn", "Trove type+evidence", "co-occurrence strict", "co-occurrence type+evidence"];
  const rows = [...RELATION_TYPES, "micro" as const].map((type) => {
    const trove = results.trove.strict[type];
    return [
      type === "micro" ? "micro avg" : type,
      String(trove.tp + trove.fn),
      formatScore(trove),
      `${trove.tp}/${trove.fp}/${trove.fn}`,
      formatScore(results.trove.loose[type]),
      formatScore(results.baseline.strict[type]),
      formatScore(results.baseline.loose[type]),
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column === 1 ? cell.padStart(widths[column] as number) : cell.padEnd(widths[column] as number))).join("  ");
  console.log(format(header));
  for (const row of rows) console.log(format(row));
}

async function main(): Promise<void> {
  const { verbose, part } = parseArguments(process.argv.slice(2));
  const gold = readGold();
  const corpusPresent = existsSync(CORPUS);
  const documents = gold.documents.filter((document) => (corpusPresent || document.source === "sample") && (part === "all" || partOf(document.document) === part));
  if (part !== "all") console.log(`scoring the ${part} half of the gold (documents split by the hash of their name, a report with its translation)`);
  if (!corpusPresent) console.log(`${CORPUS} is absent: scoring the ${documents.length} fictional sample documents only`);

  const read = await readDocuments(documents);
  const goldErrors: string[] = [];
  const runs: DocumentRun[] = [];
  const timing = { characters: 0, mentionsMs: 0, extractMs: 0 };
  for (const document of documents) {
    const extracted = read.get(locate(document.document).locator);
    if (extracted === undefined) {
      goldErrors.push(`${document.document}: the document could not be read`);
      continue;
    }
    const text = extracted.text;
    const relations: Scored[] = [];
    for (const relation of gold.relations.filter((candidate) => candidate.document === document.document)) {
      const start = text.indexOf(relation.evidence);
      if (start < 0) {
        goldErrors.push(`${document.document}: evidence not found in the text: ${JSON.stringify(relation.evidence.slice(0, 80))}`);
        continue;
      }
      relations.push({ type: relation.type, roles: relation.roles, start, end: start + relation.evidence.length, evidence: relation.evidence });
    }
    const language = extracted.language;
    let started = performance.now();
    const mentions = findMentions(text, { language });
    timing.mentionsMs += performance.now() - started;
    timing.characters += text.length;
    const run: DocumentRun = { gold: document, language, relations, predicted: { trove: [], baseline: coOccurrence(text, mentions) } };
    started = performance.now();
    try {
      run.predicted.trove = extractRelations(text, mentions, { language, documentDate: extracted.date ?? null }).map(fromExtracted);
    } catch (error) {
      run.error = (error as Error).stack ?? String(error);
      console.error(`extractRelations failed on ${document.document}: ${(error as Error).message}`);
    }
    timing.extractMs += performance.now() - started;
    runs.push(run);
  }
  if (goldErrors.length > 0) {
    console.error(`gold errors (${goldErrors.length}):`);
    for (const error of goldErrors) console.error(`  ${error}`);
    process.exitCode = 1;
    return;
  }

  // The scorer checked on the gold itself: every gold relation must match itself strictly.
  const selfCheck = scoreRuns(runs.map((run) => ({ ...run, predicted: { trove: run.relations, baseline: [] } })), "trove", true).micro;
  if (selfCheck.fp + selfCheck.fn > 0) {
    console.error(`scorer self-check failed: the gold scored against itself gives ${selfCheck.fp} false positives and ${selfCheck.fn} misses`);
    process.exitCode = 1;
    return;
  }
  const real = runs.filter((run) => run.gold.source === "real").length;
  const goldCount = runs.reduce((sum, run) => sum + run.relations.length, 0);
  console.log(`relation extraction on ${runs.length} fully annotated documents (${real} real, ${runs.length - real} fictional sample), ${goldCount} gold relations`);
  console.log(MATCHING_RULE);
  console.log(`scorer self-check: the gold scored against itself gives strict F1 ${selfCheck.f1.toFixed(3)}`);
  const splits = SPLITS.map((split) => {
    const kept = runs.filter(split.keep);
    const results = Object.fromEntries(SYSTEMS.map((system) => [system, { strict: scoreRuns(kept, system, true), loose: scoreRuns(kept, system, false) }])) as Record<
      SystemName,
      { strict: TypeScores; loose: TypeScores }
    >;
    if (kept.length > 0) printSplit(split.name, kept, results);
    return { split: split.name, documents: kept.length, goldRelations: kept.reduce((sum, run) => sum + run.relations.length, 0), results };
  });
  const failed = runs.filter((run) => run.error !== undefined);
  if (failed.length > 0) console.log(`\nextractRelations threw on ${failed.length} documents (counted as predicting nothing)`);
  const seconds = timing.extractMs / 1000;
  console.log(`\nspeed: extractRelations ${Math.round(timing.characters / Math.max(seconds, 1e-6)).toLocaleString("en")} characters/s (${seconds.toFixed(2)} s for ${timing.characters.toLocaleString("en")} characters; findMentions ${(timing.mentionsMs / 1000).toFixed(2)} s)`);

  const found = runs.flatMap(outcomes);
  if (verbose) {
    for (const run of runs) {
      const mine = found.filter((outcome) => outcome.document === run.gold.document);
      if (mine.length === 0) continue;
      console.log(`\n== ${run.gold.document} [${run.language}]`);
      for (const outcome of mine) {
        console.log(`  ${outcome.kind.toUpperCase()} ${outcome.type}`);
        if (outcome.gold) console.log(`    gold:      ${formatRoles(outcome.gold.roles)}\n               «${oneLine(outcome.gold.evidence)}»`);
        if (outcome.predicted) console.log(`    predicted: ${formatRoles(outcome.predicted.roles)}\n               «${oneLine(outcome.predicted.evidence)}»`);
      }
      if (run.error) console.log(`  extractRelations threw: ${run.error.split("\n")[0]}`);
    }
  }

  const resultsFile = part === "all"
    ? path.join(HERE, "results", `relations-${new Date().toISOString().slice(0, 10)}.json`)
    : path.join(os.tmpdir(), `trove-relations-${part}.json`);
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  writeFileSync(
    resultsFile,
    `${JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        gold: path.relative(ROOT, GOLD_FILE),
        part,
        corpus: corpusPresent ? CORPUS : null,
        matchingRule: MATCHING_RULE,
        coreRoles: CORE_ROLES,
        baseline: "co-occurrence: a sentence with two or more different person/organisation/source names is a meeting of all of them; a sentence with a money mention and a person or source is a payment, every name in payer and payee",
        documents: runs.length,
        goldRelations: goldCount,
        timing: { characters: timing.characters, findMentionsSeconds: timing.mentionsMs / 1000, extractRelationsSeconds: seconds },
        splits,
        errors: failed.map((run) => ({ document: run.gold.document, error: run.error })),
        outcomes: found,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`details: ${path.relative(process.cwd(), resultsFile)}${verbose ? "" : " (misses and false positives: --verbose)"}`);
}

await main();
