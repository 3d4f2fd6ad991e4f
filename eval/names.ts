/**
 * Evaluates name matching on real name pairs: `npm run eval:names`.
 *
 * Reads ../shared/corpus/names (README there): `pairs.tsv` (Arabic-script ↔
 * Latin pairs typed PER/LOC/ORG), `variants.tsv` (Latin spellings of one
 * sanctioned person) and `variants_shared_arabic_spelling.tsv` (Latin
 * spellings of one Arabic string). For each row it builds positive pairs and
 * an equal number of negative pairs, runs `matchNames` (match or partial
 * counts as "same") and two baselines (lower-cased exact match; Jaro-Winkler
 * ≥ 0.9 on the lower-cased strings, which for cross-script rows compares the
 * raw strings in their two scripts), and reports recall, precision and F1,
 * pairs per second, and how often the two names of a positive pair share a
 * `nameKeys` key. Prints a table and writes eval/results/names-latest.json.
 *
 * Development and test samples are disjoint: each row's positives are
 * shuffled once with the split seed and development takes the first N, test
 * the next N (variant groups are split in halves, so no person is in both);
 * negatives are drawn with a different seed for each. The matcher was tuned on
 * `--split dev` only, whose details go to a scratch file; the default run
 * reports the test sample. `--sample N` sets the positives per row (default
 * 5000); NAMES_EXAMPLES=N keeps N examples of each kind of error in the JSON
 * (default 25).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { matchNames, nameKeys, type NameKind } from "../src/extract/name-match.js";
import type { NameMatch } from "../src/model/entity.js";
import { jaroWinkler } from "../src/text/jaro-winkler.js";
import { seededRandom } from "../src/extract/ner/training/seeded-random.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS_FILE = path.join(HERE, "results", "names-latest.json");
/** Development runs are for tuning; their details go to a scratch file, never over the reported results. */
const DEV_RESULTS_FILE = path.join(os.tmpdir(), "trove-names-dev.json");
const CORPUS = path.resolve(process.cwd(), "../shared/corpus/names");

/** Seeds, fixed so every run draws the same samples. */
const SEEDS = {
  /** Shuffles each row's positives (and the variant groups) once; the first part is development, the next test. */
  split: 20261123,
  /** Draws the development negatives. */
  devNegatives: 101,
  /** Draws the test negatives. */
  testNegatives: 202,
} as const;

const JARO_WINKLER_THRESHOLD = 0.9;
const TARGET = 0.95;
const MAX_EXAMPLES = Number(process.env.NAMES_EXAMPLES ?? 25);

/**
 * Words that do not make two aliases of one person spellings of one name:
 * articles, filiation, titles and the commonest given names. Used only to
 * filter `variants.tsv` pairs, following its README ("filter by token
 * overlap first"): two aliases count as spellings of one name when every
 * remaining word of the one with fewer words is within edit similarity 0.6
 * (Levenshtein, over the longer word's length) of a word of the other. So
 * `Esmail GHANI` and `Esma'il QA'ANI` are kept, `Hosein AGHAJANI` and
 * `Azim AGHAJANI` (two given names) and `Wali Mohammad` for `Abdul Latif
 * Mansur` are not.
 */
const FILTER_STOP_WORDS = new Set([
  "al", "el", "bin", "ibn", "ben", "abu", "abd", "abdul", "abdel", "haji", "hajji", "mullah", "mulla", "maulvi", "mawlawi",
  "sheikh", "shaykh", "sayed", "sayyed", "syed", "sayyid", "mohammad", "muhammad", "mohammed", "mohamed", "muhammed",
  "mohamad", "ahmad", "ahmed", "ali", "khan", "jan", "gul",
]);
const FILTER_SIMILARITY = 0.6;

interface Pair {
  a: string;
  b: string;
  /** Where the pair came from: a pairs.tsv id or a variants group id. */
  origin: string;
}

interface Row {
  name: string;
  description: string;
  kind: NameKind;
  positives: Pair[];
  negatives: Pair[];
  /** Whether the target (recall and precision ≥ 0.95) applies to the row. */
  target: boolean;
}

interface Scores {
  truePositives: number;
  falsePositives: number;
  recall: number;
  precision: number;
  f1: number;
}

interface RowResult {
  row: string;
  description: string;
  positives: number;
  negatives: number;
  matcher: Scores;
  matcherFullMatchOnly: Scores;
  exact: Scores;
  jaroWinkler: Scores;
  /** Pairs per second the first time the names are met (each is parsed), without explanations. */
  pairsPerSecond: number;
  /** The same pairs again, names already parsed, as when clustering compares the same spellings over and over. */
  pairsPerSecondRepeated: number;
  pairsPerSecondRepeatedWithExplanation: number;
  keyRecall: number;
  keyRecallOnAccepted: number;
  keySharingOnNegatives: number;
  meanKeysPerName: number;
  /** Matcher recall by the source that supplied the pair (the id's prefix), with the number of pairs. */
  recallBySource: Record<string, { pairs: number; recall: number }>;
  missed: Array<Pair & { decision: string; score: number }>;
  falseMatches: Array<Pair & { decision: string; score: number }>;
  keyMisses: Array<Pair & { decision: string; keysA: string[]; keysB: string[] }>;
}


function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

function readTsv(file: string): string[][] {
  const lines = readFileSync(file, "utf8").split("\n");
  return lines.slice(1).filter((line) => line !== "").map((line) => line.split("\t"));
}

function parseArguments(argv: string[]): { split: "dev" | "test"; sample: number } {
  let split: "dev" | "test" = "test";
  let sample = 5000;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === "--split") {
      const value = argv[++index];
      if (value !== "dev" && value !== "test") throw new Error("--split takes dev or test");
      split = value;
    } else if (argument === "--sample") {
      sample = Number(argv[++index]);
      if (!Number.isInteger(sample) || sample <= 0) throw new Error("--sample takes a positive whole number");
    } else {
      throw new Error(`unknown argument ${argument}`);
    }
  }
  return { split, sample };
}

interface CrossScriptRecord {
  id: string;
  type: string;
  arabic: string;
  latin: string;
}

/**
 * Positives: a sample of the pairs of one type. Negatives: the Arabic name of
 * one record of that type against the Latin name of another drawn at random,
 * skipped when either side equals the other record's (case-blind) or the two
 * form a known pair anywhere in pairs.tsv (a homograph such as ماركس with
 * Marx and Marks is a known pair, not a negative).
 */
function crossScriptRow(
  name: string,
  description: string,
  kind: NameKind,
  records: CrossScriptRecord[],
  knownPairs: Set<string>,
  split: "dev" | "test",
  sample: number,
  target: boolean,
): Row {
  const ordered = shuffled(records, SEEDS.split);
  const chosen = split === "dev" ? ordered.slice(0, sample) : ordered.slice(sample, sample * 2);
  const positives = chosen.map((record) => ({ a: record.arabic, b: record.latin, origin: record.id }));
  const random = seededRandom(split === "dev" ? SEEDS.devNegatives : SEEDS.testNegatives);
  const negatives: Pair[] = [];
  let attempts = 0;
  while (negatives.length < positives.length && attempts < positives.length * 50) {
    attempts++;
    const first = records[Math.floor(random() * records.length)] as CrossScriptRecord;
    const second = records[Math.floor(random() * records.length)] as CrossScriptRecord;
    if (first.arabic === second.arabic || first.latin.toLowerCase() === second.latin.toLowerCase()) continue;
    if (knownPairs.has(`${first.arabic}\t${second.latin.toLowerCase()}`)) continue;
    negatives.push({ a: first.arabic, b: second.latin, origin: `${first.id} × ${second.id}` });
  }
  return { name, description, kind, positives, negatives, target };
}

function words(name: string): string[] {
  return name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f'’ʿʾ`]/gu, "")
    .split(/[^a-z]+/u)
    .filter((word) => word.length >= 3 && !FILTER_STOP_WORDS.has(word));
}

function levenshteinSimilarity(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] as number;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] as number;
      previous[j] = Math.min(above + 1, (previous[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return 1 - (previous[b.length] as number) / Math.max(a.length, b.length, 1);
}

function spellingsOfOneName(a: string, b: string): boolean {
  const [fewer, more] = [words(a), words(b)].sort((x, y) => x.length - y.length) as [string[], string[]];
  return fewer.length > 0 && fewer.every((word) => more.some((other) => levenshteinSimilarity(word, other) >= FILTER_SIMILARITY));
}

/**
 * Rows from variants.tsv. Groups are split between development and test;
 * positives are every pair of names within a group (filtered to spelling
 * variants, or all aliases), negatives names of two different groups.
 */
function variantRows(groups: Map<string, string[]>, split: "dev" | "test", sample: number): Row[] {
  const ids = shuffled([...groups.keys()].sort(), SEEDS.split);
  const half = Math.floor(ids.length / 2);
  const chosen = split === "dev" ? ids.slice(0, half) : ids.slice(half);
  const allAliases: Pair[] = [];
  for (const id of chosen) {
    const names = groups.get(id) as string[];
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) allAliases.push({ a: names[i] as string, b: names[j] as string, origin: id });
    }
  }
  const spelling = allAliases.filter((pair) => spellingsOfOneName(pair.a, pair.b));
  const random = seededRandom(split === "dev" ? SEEDS.devNegatives : SEEDS.testNegatives);
  const members = chosen.flatMap((id) => (groups.get(id) as string[]).map((name) => ({ id, name })));
  const drawNegatives = (count: number): Pair[] => {
    const negatives: Pair[] = [];
    while (negatives.length < count) {
      const first = members[Math.floor(random() * members.length)] as { id: string; name: string };
      const second = members[Math.floor(random() * members.length)] as { id: string; name: string };
      if (first.id === second.id || first.name.toLowerCase() === second.name.toLowerCase()) continue;
      negatives.push({ a: first.name, b: second.name, origin: `${first.id} × ${second.id}` });
    }
    return negatives;
  };
  const spellingSample = spelling.slice(0, sample);
  const aliasSample = allAliases.slice(0, sample);
  return [
    {
      name: "PER Latin variants",
      description: "Latin spellings of one sanctioned person's name (variants.tsv pairs where every word of the shorter name is within edit similarity 0.6 of a word of the other, particles and commonest given names aside)",
      kind: "person",
      positives: spellingSample,
      negatives: drawNegatives(spellingSample.length),
      target: true,
    },
    {
      name: "PER Latin aliases (all)",
      description: "every pair of aliases of one sanctioned person, unfiltered: includes entirely different names (entity resolution, not spelling; no target)",
      kind: "person",
      positives: aliasSample,
      negatives: drawNegatives(aliasSample.length),
      target: false,
    },
  ];
}

/** Slavic -ov/-of/-off is one ending spelt two ways (Lavrov, Lavrof), not two names: such pairs are not hard negatives. */
function onlyLastDiffers(first: string, second: string): boolean {
  if (first.length !== second.length) return false;
  for (let index = 0; index < first.length - 1; index++) if (first[index] !== second[index]) return false;
  return true;
}

/**
 * Hard negatives: two Latin spellings of one Arabic string that differ in a
 * consonant Latin distinguishes and Arabic script does not (p/b, v/f:
 * Fulda/Volda, Bain/Payne): different names that only look alike through
 * Arabic. A difference in the last consonant alone does not count (Lavrov,
 * Lavrof). Paired with the PER Latin variants positives. Some pairs are
 * still one name (Stefanović, Stevanović), so this row has no target.
 */
function hardNegativeRow(sharedGroups: Map<string, string[]>, positives: Pair[], split: "dev" | "test"): Row {
  const consonants = (name: string): string => name.toLowerCase().normalize("NFD").replace(/[^a-z]/gu, "").replace(/[aeiouy]/gu, "").replace(/(.)\1+/gu, "$1");
  const folded = (skeleton: string): string => skeleton.replace(/p/gu, "b").replace(/v/gu, "f").replace(/(.)\1+/gu, "$1");
  const candidates: Pair[] = [];
  for (const [id, names] of [...sharedGroups].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const first = consonants(names[i] as string);
        const second = consonants(names[j] as string);
        if (first === second || folded(first) !== folded(second) || onlyLastDiffers(first, second)) continue;
        candidates.push({ a: names[i] as string, b: names[j] as string, origin: id });
      }
    }
  }
  const ordered = shuffled(candidates, SEEDS.split);
  const half = Math.floor(ordered.length / 2);
  const pool = split === "dev" ? ordered.slice(0, half) : ordered.slice(half);
  return {
    name: "PER Latin + hard negatives",
    description: `the PER Latin variants positives against Latin spellings of one Arabic string that differ in p/b or v/f (${candidates.length} such pairs in all)`,
    kind: "person",
    positives,
    negatives: pool.slice(0, positives.length),
    target: false,
  };
}

function scores(truePositives: number, falsePositives: number, positives: number): Scores {
  const recall = positives > 0 ? truePositives / positives : 0;
  const predicted = truePositives + falsePositives;
  const precision = predicted > 0 ? truePositives / predicted : 0;
  const f1 = recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
  return { truePositives, falsePositives, recall, precision, f1 };
}

function shareKey(a: string[], b: string[]): boolean {
  const set = new Set(a);
  return b.some((key) => set.has(key));
}

function evaluate(row: Row): RowResult {
  const options = { type: row.kind, explain: false };
  const judge = (pairs: Pair[]) => pairs.map((pair) => matchNames(pair.a, pair.b, options));
  const allPairs = [...row.positives, ...row.negatives];
  const pairsPerSecond = (run: () => void): number => {
    const started = process.hrtime.bigint();
    run();
    return Math.round(allPairs.length / (Number(process.hrtime.bigint() - started) / 1e9));
  };
  let positiveResults: NameMatch[] = [];
  let negativeResults: NameMatch[] = [];
  const firstSight = pairsPerSecond(() => {
    positiveResults = judge(row.positives);
    negativeResults = judge(row.negatives);
  });
  const repeated = pairsPerSecond(() => judge(allPairs));
  const explained = pairsPerSecond(() => {
    for (const pair of allPairs) matchNames(pair.a, pair.b, { type: row.kind });
  });

  const accepted = (decision: string) => decision === "match" || decision === "partial";
  const count = <T>(items: T[], test: (item: T, index: number) => boolean) => items.reduce((sum, item, index) => sum + (test(item, index) ? 1 : 0), 0);
  const exact = (pair: Pair) => pair.a.toLowerCase() === pair.b.toLowerCase();
  const jaro = (pair: Pair) => jaroWinkler(pair.a.toLowerCase(), pair.b.toLowerCase()) >= JARO_WINKLER_THRESHOLD;

  const keysOf = (pair: Pair) => [nameKeys(pair.a, { type: row.kind }), nameKeys(pair.b, { type: row.kind })] as const;
  let sharing = 0;
  let sharingAccepted = 0;
  let acceptedCount = 0;
  let keyCount = 0;
  const keyMisses: RowResult["keyMisses"] = [];
  row.positives.forEach((pair, index) => {
    const [keysA, keysB] = keysOf(pair);
    keyCount += keysA.length + keysB.length;
    const shared = shareKey(keysA, keysB);
    const decision = (positiveResults[index] as { decision: string }).decision;
    if (shared) sharing++;
    else if (keyMisses.length < MAX_EXAMPLES) keyMisses.push({ ...pair, decision, keysA, keysB });
    if (accepted(decision)) {
      acceptedCount++;
      if (shared) sharingAccepted++;
    }
  });
  const negativeSharing = count(row.negatives, (pair) => {
    const [keysA, keysB] = keysOf(pair);
    return shareKey(keysA, keysB);
  });

  const bySource = new Map<string, { pairs: number; accepted: number }>();
  row.positives.forEach((pair, index) => {
    const source = pair.origin.split(":")[0] as string;
    const tally = bySource.get(source) ?? { pairs: 0, accepted: 0 };
    tally.pairs++;
    if (accepted((positiveResults[index] as { decision: string }).decision)) tally.accepted++;
    bySource.set(source, tally);
  });
  const recallBySource = Object.fromEntries([...bySource].sort((x, y) => y[1].pairs - x[1].pairs).map(([source, tally]) => [source, { pairs: tally.pairs, recall: tally.accepted / tally.pairs }]));

  const missed: RowResult["missed"] = [];
  positiveResults.forEach((result, index) => {
    if (!accepted(result.decision) && missed.length < MAX_EXAMPLES) missed.push({ ...(row.positives[index] as Pair), decision: result.decision, score: result.score });
  });
  const falseMatches: RowResult["falseMatches"] = [];
  negativeResults.forEach((result, index) => {
    if (accepted(result.decision) && falseMatches.length < MAX_EXAMPLES) falseMatches.push({ ...(row.negatives[index] as Pair), decision: result.decision, score: result.score });
  });

  return {
    row: row.name,
    description: row.description,
    positives: row.positives.length,
    negatives: row.negatives.length,
    matcher: scores(count(positiveResults, (result) => accepted(result.decision)), count(negativeResults, (result) => accepted(result.decision)), row.positives.length),
    matcherFullMatchOnly: scores(count(positiveResults, (result) => result.decision === "match"), count(negativeResults, (result) => result.decision === "match"), row.positives.length),
    exact: scores(count(row.positives, exact), count(row.negatives, exact), row.positives.length),
    jaroWinkler: scores(count(row.positives, jaro), count(row.negatives, jaro), row.positives.length),
    pairsPerSecond: firstSight,
    pairsPerSecondRepeated: repeated,
    pairsPerSecondRepeatedWithExplanation: explained,
    keyRecall: row.positives.length > 0 ? sharing / row.positives.length : 0,
    keyRecallOnAccepted: acceptedCount > 0 ? sharingAccepted / acceptedCount : 0,
    keySharingOnNegatives: row.negatives.length > 0 ? negativeSharing / row.negatives.length : 0,
    meanKeysPerName: row.positives.length > 0 ? keyCount / (2 * row.positives.length) : 0,
    recallBySource,
    missed,
    falseMatches,
    keyMisses,
  };
}

function loadRows(split: "dev" | "test", sample: number): Row[] {
  const records: CrossScriptRecord[] = readTsv(path.join(CORPUS, "pairs.tsv")).map((fields) => ({
    id: fields[0] as string,
    type: fields[1] as string,
    arabic: fields[3] as string,
    latin: fields[5] as string,
  }));
  const knownPairs = new Set(records.map((record) => `${record.arabic}\t${record.latin.toLowerCase()}`));
  const ofType = (type: string) => records.filter((record) => record.type === type);
  const person = ofType("PER");
  const fullNames = person.filter((record) => /\s/u.test(record.arabic) || /\s/u.test(record.latin));

  const groups = new Map<string, string[]>();
  for (const [id, name] of readTsv(path.join(CORPUS, "variants.tsv"))) {
    if (id === undefined || name === undefined) continue;
    groups.set(id, [...(groups.get(id) ?? []), name]);
  }
  const sharedGroups = new Map<string, string[]>();
  for (const [id, name] of readTsv(path.join(CORPUS, "variants_shared_arabic_spelling.tsv"))) {
    if (id === undefined || name === undefined) continue;
    sharedGroups.set(id, [...(sharedGroups.get(id) ?? []), name]);
  }
  const [latinVariants, latinAliases] = variantRows(groups, split, sample) as [Row, Row];
  return [
    crossScriptRow("PER cross-script", "PER pairs.tsv: Arabic-script name against its Latin spelling (mostly single tokens)", "person", person, knownPairs, split, sample, true),
    crossScriptRow("PER cross-script, full names", "a slice of the above: PER pairs.tsv where a side has two or more words (UN, OFAC, Hkiri); no target of its own", "person", fullNames, knownPairs, split, sample, false),
    latinVariants,
    latinAliases,
    hardNegativeRow(sharedGroups, latinVariants.positives, split),
    crossScriptRow("LOC cross-script", "LOC pairs.tsv (ANETAC place names)", "place", ofType("LOC"), knownPairs, split, sample, false),
    crossScriptRow("ORG cross-script", "ORG pairs.tsv (ANETAC, UN and OFAC organisations)", "organization", ofType("ORG"), knownPairs, split, sample, false),
  ];
}

function formatScores(value: Scores): string {
  return `${value.recall.toFixed(3)} / ${value.precision.toFixed(3)} / ${value.f1.toFixed(3)}`;
}

function printTable(results: RowResult[], split: string): void {
  console.log(`name matching, ${split} sample: recall / precision / F1 (positives = negatives per row)\n`);
  const header = ["row", "pairs", "matcher", "matcher, match only", "exact (lower-case)", `Jaro-Winkler ≥ ${JARO_WINKLER_THRESHOLD}`, "pairs/s new/again", "key recall"];
  const lines = results.map((result) => [
    result.row,
    `${result.positives}+${result.negatives}`,
    formatScores(result.matcher),
    formatScores(result.matcherFullMatchOnly),
    formatScores(result.exact),
    formatScores(result.jaroWinkler),
    `${result.pairsPerSecond}/${result.pairsPerSecondRepeated}`,
    result.keyRecall.toFixed(3),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] as string).length)));
  const format = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] as number)).join("  ");
  console.log(format(header));
  for (const line of lines) console.log(format(line));
  console.log("\nkeys: share of positive pairs that share a nameKeys key (all / among pairs the matcher accepts); share of negatives that do; keys per name");
  for (const result of results) {
    console.log(`  ${result.row.padEnd(widths[0] as number)}  ${result.keyRecall.toFixed(3)} / ${result.keyRecallOnAccepted.toFixed(3)}   negatives ${result.keySharingOnNegatives.toFixed(3)}   ${result.meanKeysPerName.toFixed(2)} keys`);
  }
  console.log("\nmatcher recall by source of the pair (pairs)");
  for (const result of results) {
    const sources = Object.entries(result.recallBySource).map(([source, tally]) => `${source} ${tally.recall.toFixed(3)} (${tally.pairs})`);
    console.log(`  ${result.row.padEnd(widths[0] as number)}  ${sources.join(", ")}`);
  }
}

function main(): void {
  if (!existsSync(CORPUS)) {
    console.log(`skipped: ${CORPUS} is absent (the name evaluation needs ../shared/corpus/names)`);
    return;
  }
  const { split, sample } = parseArguments(process.argv.slice(2));
  const rows = loadRows(split, sample);
  const results = rows.map(evaluate);
  printTable(results, split);
  const targetRows = results.filter((_, index) => rows[index]?.target);
  const met = targetRows.filter((result) => result.matcher.recall >= TARGET && result.matcher.precision >= TARGET);
  console.log(`\ntarget (recall ≥ ${TARGET} at precision ≥ ${TARGET}, matcher): ${met.length}/${targetRows.length} met (${targetRows.map((result) => result.row).join("; ")})`);
  const resultsFile = split === "test" ? RESULTS_FILE : DEV_RESULTS_FILE;
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  writeFileSync(
    resultsFile,
    `${JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        corpus: CORPUS,
        split,
        samplePerRow: sample,
        seeds: SEEDS,
        prng: "mulberry32",
        positiveDecisions: "match or partial (matcher); matcherFullMatchOnly counts match alone",
        jaroWinklerThreshold: JARO_WINKLER_THRESHOLD,
        target: { recall: TARGET, precision: TARGET, rows: targetRows.map((result) => result.row), met: met.map((result) => result.row) },
        results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`details: ${resultsFile}`);
}

main();
