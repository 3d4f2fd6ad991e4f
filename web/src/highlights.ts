/**
 * Names in a document's text as links to their profiles. The text is
 * hostile, so it is cut at the mentions' offsets (UTF-16, as JavaScript
 * strings count) into text nodes and `<a>` elements; nothing is parsed as
 * HTML. Work is per block of text, so a reader that shows a huge document
 * in batches highlights only what it puts on the page.
 *
 * @example
 * const links = linkableMentions(document.text, mentions);
 * paragraph.append(highlighted(document.text, { start: 0, end: 120 }, links));
 */
import type { DocumentMentionView, EntityType } from "./api.js";
import { h } from "./dom.js";
import { entityTypeName, entityUrl } from "./screens/entities.js";

/** The mentions that become links: those that name someone or something with a profile. */
const LINKED_TYPES: ReadonlySet<EntityType> = new Set(["person", "organization", "place", "source"]);

export interface TextRange {
  start: number;
  end: number;
}

export type LinkableMention = DocumentMentionView & { entityId: number };

/**
 * The mentions to link, in text order. A mention whose offsets no longer
 * fall on its own words (the text was read again differently) is left out
 * rather than linking the wrong words.
 */
export function linkableMentions(text: string, mentions: readonly DocumentMentionView[]): LinkableMention[] {
  return mentions
    .filter((mention): mention is LinkableMention => mention.entityId !== null && LINKED_TYPES.has(mention.type) && text.slice(mention.start, mention.end) === mention.text)
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

/** `text[range]` as text nodes, each linkable mention inside it an `<a>` to its entity. */
export function highlighted(text: string, range: TextRange, mentions: readonly LinkableMention[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const addText = (end: number) => {
    if (end > cursor) fragment.appendChild(document.createTextNode(text.slice(cursor, end)));
  };
  let cursor = range.start;
  for (let index = firstStartingAt(mentions, range.start); index < mentions.length && mentions[index]!.start < range.end; index++) {
    const mention = mentions[index]!;
    // A span inside or across one already linked stays plain: the longer, earlier name wins. So does one cut by the block's edge.
    if (mention.start < cursor || mention.end > range.end) continue;
    addText(mention.start);
    fragment.appendChild(mentionLink(mention));
    cursor = mention.end;
  }
  addText(range.end);
  return fragment;
}

function mentionLink(mention: LinkableMention): HTMLAnchorElement {
  return h("a", { href: entityUrl(mention.entityId), class: `mention type-${mention.type}`, title: `${entityTypeName(mention.type)}: ${mention.name}. Open the profile.` }, mention.text);
}

/** The index of the first mention starting at or after `offset`, by binary search. */
function firstStartingAt(mentions: readonly LinkableMention[], offset: number): number {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (mentions[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
