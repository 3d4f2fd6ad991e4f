/**
 * Finds the people, organisations and places named in any text with the
 * statistical models in `models/`: the text is tokenised, cut into
 * sentences, and each sentence goes to the English or the Persian model by
 * its script (Arabic script → Persian, Latin → English). The models are read
 * on first use and kept.
 *
 * Types are mapped to Trove's: CoNLL PER → person, ORG → organization,
 * LOC → place (MISC is dropped); Arman pers → person, org → organization,
 * loc and fac → place (pro and event are dropped). Titles are left as the
 * model tagged them (attributes are empty); splitting them off is a later step.
 *
 * @example
 * recogniseEntities("Jane Doe met John Roe in Karbala.")
 * // → [{ type: "person", text: "Jane Doe", start: 0, end: 8, origin: "model", confidence: 0.9, … },
 * //    { type: "person", text: "John Roe", … }, { type: "place", text: "Karbala", … }]
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { EntityType, Mention } from "../../model/entity.js";
import { normalise } from "../../text/normalise.js";
import { decodeModel, ModelFileError } from "./model-file.js";
import { NerModel } from "./ner-model.js";
import { MAX_SENTENCE_TOKENS, splitSentences } from "./sentences.js";
import type { NerLanguage } from "./token-forms.js";
import { tokenize, type Token } from "./tokenizer.js";

export interface RecogniseOptions {
  /** Models to use instead of the shipped ones (tests, other training). */
  models?: Partial<Record<NerLanguage, NerModel>>;
  /** The most tokens tagged as one sentence; default 250. */
  maxSentenceTokens?: number;
}

/** Each model's entity types as Trove's; a type not listed is dropped. */
const TYPE_MAP: Record<NerLanguage, Record<string, EntityType>> = {
  en: { PER: "person", ORG: "organization", LOC: "place" },
  fa: { pers: "person", org: "organization", loc: "place", fac: "place" },
};

/** `models/` at the package root: three levels above both src/extract/ner/ and dist/extract/ner/. */
const MODELS_DIRECTORY = new URL("../../../models/", import.meta.url);

const loaded = new Map<NerLanguage, NerModel>();

/** The path of a language's shipped model file. */
export function nerModelPath(language: NerLanguage): string {
  return fileURLToPath(new URL(`ner-${language}.bin.gz`, MODELS_DIRECTORY));
}

/** The shipped model for a language, read on first use and kept. Throws ModelFileError when it is missing or unreadable. */
export function loadNerModel(language: NerLanguage): NerModel {
  const cached = loaded.get(language);
  if (cached) return cached;
  const file = nerModelPath(language);
  if (!existsSync(file)) throw new ModelFileError(`the ${language} NER model is missing: ${file} (run npm run train:ner)`);
  const model = new NerModel(decodeModel(readFileSync(file)));
  if (model.language !== language) throw new ModelFileError(`${file} holds a ${model.language} model`);
  loaded.set(language, model);
  return model;
}

/** People, organisations and places in `text`, in text order. Never throws on odd input; linear in the text's length. */
export function recogniseEntities(text: string, options: RecogniseOptions = {}): Mention[] {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens, options.maxSentenceTokens ?? MAX_SENTENCE_TOKENS);
  const mentions: Mention[] = [];
  for (const { language, sentences: group } of documentParts(sentences)) {
    const model = options.models?.[language] ?? loadNerModel(language);
    const tagged = model.tagDocument(
      group.map((sentence) => sentence.map((token) => token.text)),
      { confidence: true },
    );
    tagged.forEach((result, index) => {
      const sentence = group[index] ?? [];
      for (const span of result.spans) {
        const type = TYPE_MAP[language][span.type];
        const first = sentence[span.start];
        const last = sentence[span.end - 1];
        if (!type || !first || !last) continue;
        const spanText = text.slice(first.start, last.end);
        mentions.push({
          type,
          text: spanText,
          start: first.start,
          end: last.end,
          normalized: normalise(spanText).replace(/\s+/gu, " ").trim(),
          attributes: {},
          origin: "model",
          confidence: span.confidence,
        });
      }
    });
  }
  return mentions.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * A text's sentences by model, in order, in parts of at most
 * MAX_PART_TOKENS tokens: document evidence is gathered over each part, so
 * the part bounds the memory one text can take.
 */
function documentParts(sentences: readonly Token[][]): { language: NerLanguage; sentences: Token[][] }[] {
  const open = new Map<NerLanguage, { language: NerLanguage; sentences: Token[][]; tokens: number }>();
  const parts: { language: NerLanguage; sentences: Token[][]; tokens: number }[] = [];
  for (const sentence of sentences) {
    const language = sentenceLanguage(sentence);
    if (!language) continue;
    let part = open.get(language);
    if (!part || part.tokens + sentence.length > MAX_PART_TOKENS) {
      part = { language, sentences: [], tokens: 0 };
      open.set(language, part);
      parts.push(part);
    }
    part.sentences.push(sentence);
    part.tokens += sentence.length;
  }
  return parts;
}

/** Tokens tagged as one document; a longer text is tagged in parts of this size. */
const MAX_PART_TOKENS = 50_000;

const ARABIC_SCRIPT_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FC\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/g;

/** Persian for a sentence mostly in Arabic script, English for one mostly in Latin, none for one without letters of either. */
function sentenceLanguage(sentence: readonly Token[]): NerLanguage | undefined {
  let arabic = 0;
  let latin = 0;
  for (const token of sentence) {
    arabic += token.text.match(ARABIC_SCRIPT_LETTER)?.length ?? 0;
    latin += token.text.match(LATIN_LETTER)?.length ?? 0;
  }
  if (arabic === 0 && latin === 0) return undefined;
  return arabic > latin ? "fa" : "en";
}
