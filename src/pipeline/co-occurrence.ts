/**
 * Entities named in the same paragraph. A paragraph is the unit a field
 * report or a cable is written in (one meeting, one payment, one source's
 * account), so two people named in one paragraph are linked even where no
 * sentence says how; the network draws that as its weakest kind of link.
 *
 * @example
 * paragraphCoOccurrences("1. Zubaidi met Tamimi in Karbala.\n2. Navid left.\n", mentions)
 * // → the pairs Zubaidi–Tamimi, Zubaidi–Karbala and Tamimi–Karbala, each with
 * //   the first paragraph's offsets; Navid is alone in his paragraph.
 */
import { NAMED_ENTITY_TYPES, type Mention } from "../model/entity.js";
import { linesOf, splitParagraphs } from "../parse/paragraphs.js";
import type { CoOccurrenceToSave } from "../store/relation-store.js";

/**
 * Entities of one paragraph that are paired, the first named. A paragraph
 * naming more is a list (a roster, a distribution line, a contact sheet),
 * whose pairs grow with the square of its length (200 names, 19,900 pairs)
 * while saying little about who is linked to whom, and would swamp the
 * network; 25 entities make at most 300 pairs.
 */
export const MAX_ENTITIES_PER_PARAGRAPH = 25;

/**
 * A block of at least this many lines, each this short on average, is a list
 * rather than prose: a cable's addressees, a web page's menu of embassies, a
 * roster. Its lines are paired within themselves only, since one name per
 * line says nothing about the names on the other lines. Prose wrapped by hand
 * or by OCR runs to 60 characters a line and more.
 */
const LIST_MIN_LINES = 3;
const LIST_LINE_LENGTH = 40;

/** A mention as the pairing needs it: what it names and where. */
export type PairedMention = Pick<Mention, "type" | "start" | "end"> & { entityId: number | null };

/**
 * Every two distinct entities (people, organisations, places, sources) named
 * in one paragraph, once per paragraph. Paragraphs are blocks separated by
 * blank lines, or numbered paragraphs (`1.`, `۱-`), as the parsers read them;
 * each line of a list is a paragraph of its own.
 */
export function paragraphCoOccurrences(text: string, mentions: readonly PairedMention[]): CoOccurrenceToSave[] {
  const named = mentions
    .filter((mention) => mention.entityId !== null && NAMED_ENTITY_TYPES.includes(mention.type))
    .sort((a, b) => a.start - b.start);
  const pairs: CoOccurrenceToSave[] = [];
  let next = 0;
  for (const paragraph of paragraphsOf(text)) {
    while (next < named.length && named[next]!.start < paragraph.start) next++;
    const entities: number[] = [];
    for (let index = next; index < named.length && named[index]!.start < paragraph.end; index++) {
      const mention = named[index]!;
      if (mention.end <= paragraph.end && !entities.includes(mention.entityId!)) entities.push(mention.entityId!);
    }
    const paired = entities.slice(0, MAX_ENTITIES_PER_PARAGRAPH);
    for (let i = 0; i < paired.length; i++) {
      for (let j = i + 1; j < paired.length; j++) {
        const [a, b] = paired[i]! < paired[j]! ? [paired[i]!, paired[j]!] : [paired[j]!, paired[i]!];
        pairs.push({ a, b, start: paragraph.start, end: paragraph.end });
      }
    }
  }
  return pairs;
}

function* paragraphsOf(text: string): Generator<{ start: number; end: number }> {
  for (const paragraph of splitParagraphs(text)) {
    const lines = [...linesOf(text, paragraph.start, paragraph.end)];
    if (lines.length < LIST_MIN_LINES || paragraph.end - paragraph.start >= LIST_LINE_LENGTH * lines.length) {
      yield paragraph;
      continue;
    }
    for (const line of lines) {
      const end = line.start + line.text.trimEnd().length;
      if (end > line.start) yield { start: line.start, end };
    }
  }
}
