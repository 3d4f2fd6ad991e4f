/**
 * The features the tagger scores for each token: the word and its lower form
 * in a window of two either side, word pairs, shapes and shape pairs,
 * prefixes and suffixes up to four characters, the sentence's first position
 * and all-capitals headlines, how the word is usually capitalised (casing
 * lexicon), gazetteer matches, what the rest of the document says about the
 * word, how often the word and its neighbours are part of a name in the
 * training data (entity rates), and for Persian the stem and the parts
 * around a zero-width non-joiner. Each feature is a 32-bit key (see feature-hash.ts).
 *
 * Features are in two groups: static ones, fixed once the document is read,
 * and history ones, which depend on what the tagger has said earlier in the
 * document and are computed just before a sentence is tagged.
 *
 * @example
 * const extractor = new FeatureExtractor("en", resources);
 * const sentence = extractor.prepare(["Jane", "Doe", "said"]);
 * const keys: number[] = [];
 * extractor.staticKeys(sentence, evidence, 1, keys); // the keys of "Doe"
 */
import type { DocumentEvidence, SentenceView } from "./document-evidence.js";
import { combine, featureKey, FNV_OFFSET, FNV_PRIME, hashString } from "./feature-hash.js";
import type { Gazetteer } from "./gazetteer.js";
import { formsOf, isCapitalsSentence, type NerLanguage, type TokenForms } from "./token-forms.js";
import type { WordClasses } from "./word-classes.js";

/** Bumped whenever features change, so that a model trained on other features is refused. */
export const FEATURE_SET_VERSION = 3;

/** Feature templates; the number is part of each key. */
const T = {
  bias: 0,
  form: 1,
  lowerAt: 2,
  lowerPair: 3,
  lowerSkip: 4,
  shapeAt: 5,
  shortAt: 6,
  shortPair: 7,
  shortTriple: 8,
  prefix: 9,
  suffix: 10,
  firstShape: 11,
  firstLower: 12,
  capitalsLower: 13,
  capitalsShape: 14,
  lowerShortBefore: 15,
  lowerShortAfter: 16,
  casingAt: 17,
  casingContext: 18,
  gazetteerAt: 19,
  documentCase: 20,
  documentRun: 21,
  historyAt: 22,
  stemAt: 23,
  firstPart: 24,
  lastPart: 25,
  lengthShape: 26,
  formAt: 27,
  suffixAt: 28,
  documentCaseRun: 29,
  entityRateAt: 30,
} as const;

const OUTSIDE_BEFORE = hashString("<s>");
const OUTSIDE_AFTER = hashString("</s>");

/** What a model brings besides its weights. */
export interface FeatureResources {
  gazetteer: Gazetteer;
  /** How each word is usually capitalised (English). */
  casing: WordClasses;
  /** How often each word is part of a name, and of which type. */
  entityRates: WordClasses;
}

/** A sentence with everything features need computed once. */
export interface PreparedSentence extends SentenceView {
  length: number;
  formHash: Uint32Array;
  shapeHash: Uint32Array;
  stemHash: Uint32Array;
  /** Lower-form and short-shape hashes with two boundary markers either side: token i is at i + 2. */
  windowLower: Uint32Array;
  windowShort: Uint32Array;
  /** Four prefix hashes then four suffix hashes per token. */
  affixHash: Uint32Array;
  casing: Uint8Array;
  entityRate: Uint8Array;
  /** Gazetteer codes per token: type * 4 + position (B, I, L, U). */
  gazetteer: number[][];
}

const POSITIONS = { B: 0, I: 1, L: 2, U: 3 } as const;

export class FeatureExtractor {
  constructor(
    readonly language: NerLanguage,
    private resources: FeatureResources,
  ) {}

  /** Swaps the gazetteer and lexicons, as training does per fold. */
  useResources(resources: FeatureResources): void {
    this.resources = resources;
  }

  prepare(words: readonly string[]): PreparedSentence {
    const n = words.length;
    const forms: TokenForms[] = words.map((word) => formsOf(this.language, word));
    const sentence: PreparedSentence = {
      forms,
      length: n,
      lowerHash: new Uint32Array(n),
      formHash: new Uint32Array(n),
      shapeHash: new Uint32Array(n),
      stemHash: new Uint32Array(n),
      windowLower: new Uint32Array(n + 4),
      windowShort: new Uint32Array(n + 4),
      affixHash: new Uint32Array(n * 8),
      casing: new Uint8Array(n),
      entityRate: new Uint8Array(n),
      gazetteer: [],
      capitalsSentence: isCapitalsSentence(forms),
    };
    for (const window of [sentence.windowLower, sentence.windowShort]) {
      window[0] = window[1] = OUTSIDE_BEFORE;
      window[n + 2] = window[n + 3] = OUTSIDE_AFTER;
    }
    for (let i = 0; i < n; i++) {
      const form = forms[i] as TokenForms;
      const lowerHash = hashString(form.lower);
      sentence.windowLower[i + 2] = lowerHash;
      sentence.windowShort[i + 2] = hashString(form.shortShape);
      sentence.lowerHash[i] = lowerHash;
      sentence.formHash[i] = hashString(form.form);
      sentence.shapeHash[i] = hashString(form.shape);
      sentence.stemHash[i] = form.stem === form.lower ? lowerHash : hashString(form.stem);
      sentence.casing[i] = this.resources.casing.classOfHash(lowerHash);
      sentence.entityRate[i] = this.resources.entityRates.classOfHash(lowerHash);
      affixHashes(form.lower, sentence.affixHash, i * 8);
    }
    sentence.gazetteer = this.resources.gazetteer
      .match(forms.map((form) => form.lower))
      .map((hits) => hits.map((hit) => hit.type * 4 + POSITIONS[hit.position]));
    return sentence;
  }

  /** Appends the static feature keys of token `i` to `out`. */
  staticKeys(s: PreparedSentence, evidence: DocumentEvidence, i: number, out: number[]): void {
    const form = s.forms[i] as TokenForms;
    const at = i + 2;
    const [lower2, lower1, lower, lowerNext, lowerNext2] = window(s.windowLower, at);
    const [short2, short1, short, shortNext, shortNext2] = window(s.windowShort, at);
    const first = i === 0 ? 1 : 0;
    const capitals = s.capitalsSentence ? 1 : 0;
    const context = first + 2 * capitals;

    out.push(featureKey(T.bias, 0));
    out.push(featureKey(T.form, s.formHash[i] ?? 0));
    out.push(featureKey(T.lowerAt, -2, lower2));
    out.push(featureKey(T.lowerAt, -1, lower1));
    out.push(featureKey(T.lowerAt, 0, lower));
    out.push(featureKey(T.lowerAt, 1, lowerNext));
    out.push(featureKey(T.lowerAt, 2, lowerNext2));
    out.push(featureKey(T.lowerPair, combine(lower1, lower), 0));
    out.push(featureKey(T.lowerPair, combine(lower, lowerNext), 1));
    out.push(featureKey(T.lowerSkip, combine(lower1, lowerNext)));
    out.push(featureKey(T.formAt, -1, i > 0 ? (s.formHash[i - 1] ?? 0) : OUTSIDE_BEFORE));
    out.push(featureKey(T.formAt, 1, i + 1 < s.length ? (s.formHash[i + 1] ?? 0) : OUTSIDE_AFTER));
    out.push(featureKey(T.shapeAt, 0, s.shapeHash[i] ?? 0));
    out.push(featureKey(T.shortAt, -2, short2));
    out.push(featureKey(T.shortAt, -1, short1));
    out.push(featureKey(T.shortAt, 1, shortNext));
    out.push(featureKey(T.shortAt, 2, shortNext2));
    out.push(featureKey(T.shortPair, combine(short1, short), 0));
    out.push(featureKey(T.shortPair, combine(short, shortNext), 1));
    out.push(featureKey(T.shortTriple, combine(combine(short1, short), shortNext)));
    for (let k = 0; k < 4; k++) {
      const prefix = s.affixHash[i * 8 + k] ?? 0;
      const suffix = s.affixHash[i * 8 + 4 + k] ?? 0;
      if (prefix) out.push(featureKey(T.prefix, k, prefix));
      if (suffix) out.push(featureKey(T.suffix, k, suffix));
    }
    if (i > 0) out.push(featureKey(T.suffixAt, -1, s.affixHash[(i - 1) * 8 + 6] ?? 0));
    if (i + 1 < s.length) out.push(featureKey(T.suffixAt, 1, s.affixHash[(i + 1) * 8 + 6] ?? 0));
    out.push(featureKey(T.lowerShortBefore, lower1, short));
    out.push(featureKey(T.lowerShortAfter, short, lowerNext));
    out.push(featureKey(T.lengthShape, Math.min(form.form.length, 12), short));
    if (first) {
      out.push(featureKey(T.firstShape, short));
      out.push(featureKey(T.firstLower, lower));
    }
    if (capitals) {
      out.push(featureKey(T.capitalsLower, lower));
      out.push(featureKey(T.capitalsShape, short));
    }
    const casing = s.casing[i] ?? 0;
    out.push(featureKey(T.casingAt, 0, casing));
    out.push(featureKey(T.casingContext, casing, context * 4 + form.capitalisation));
    if (i > 0) out.push(featureKey(T.casingAt, -1, s.casing[i - 1] ?? 0));
    if (i + 1 < s.length) out.push(featureKey(T.casingAt, 1, s.casing[i + 1] ?? 0));
    for (let offset = -1; offset <= 1; offset++) {
      for (const code of s.gazetteer[i + offset] ?? []) out.push(featureKey(T.gazetteerAt, offset, code));
    }
    if (form.hasLetter && this.language === "en") {
      const lowerHash = s.lowerHash[i] ?? 0;
      const caseBits = evidence.caseOf(lowerHash);
      const runBits = evidence.runOf(lowerHash);
      out.push(featureKey(T.documentCase, caseBits, context * 4 + form.capitalisation));
      out.push(featureKey(T.documentRun, runBits, context));
      out.push(featureKey(T.documentCaseRun, caseBits, runBits));
    }
    for (let offset = -1; offset <= 1; offset++) {
      if (i + offset >= 0 && i + offset < s.length) out.push(featureKey(T.entityRateAt, offset, s.entityRate[i + offset] ?? 0));
    }
    if (this.language === "fa") {
      out.push(featureKey(T.stemAt, 0, s.stemHash[i] ?? 0));
      if (i > 0) out.push(featureKey(T.stemAt, -1, s.stemHash[i - 1] ?? 0));
      if (i + 1 < s.length) out.push(featureKey(T.stemAt, 1, s.stemHash[i + 1] ?? 0));
      if (form.firstPart) out.push(featureKey(T.firstPart, hashString(form.firstPart)));
      if (form.lastPart) out.push(featureKey(T.lastPart, hashString(form.lastPart)));
    }
  }

  /** Appends the history feature keys of token `i`: the types the tagger gave this word and its neighbours earlier. */
  historyKeys(s: PreparedSentence, evidence: DocumentEvidence, i: number, out: number[]): void {
    for (let offset = -1; offset <= 1; offset++) {
      const k = i + offset;
      if (k < 0 || k >= s.length) continue;
      const code = evidence.historyOf(s.lowerHash[k] ?? 0);
      if (code) out.push(featureKey(T.historyAt, offset, code));
    }
  }
}

/** The five hashes around `at` in a padded window array. */
function window(hashes: Uint32Array, at: number): [number, number, number, number, number] {
  return [hashes[at - 2] ?? 0, hashes[at - 1] ?? 0, hashes[at] ?? 0, hashes[at + 1] ?? 0, hashes[at + 2] ?? 0];
}

/**
 * Writes the hashes of the first one to four characters of `word` and of the
 * last one to four (read backwards) at `at`, without making substrings; 0
 * where the word is shorter.
 */
function affixHashes(word: string, out: Uint32Array, at: number): void {
  let prefix = FNV_OFFSET;
  let suffix = FNV_OFFSET;
  for (let k = 0; k < 4; k++) {
    if (k >= word.length) {
      out[at + k] = 0;
      out[at + 4 + k] = 0;
      continue;
    }
    prefix = Math.imul(prefix ^ word.charCodeAt(k), FNV_PRIME);
    suffix = Math.imul(suffix ^ word.charCodeAt(word.length - 1 - k), FNV_PRIME);
    out[at + k] = prefix >>> 0;
    out[at + 4 + k] = suffix >>> 0;
  }
}
