/**
 * Tags: every tag on a reporter's notes with how many notes and documents
 * carry it (`/tags`), and the notes with one tag (`/tags?tag=NAME`), each
 * linked to its document, with a search for the documents (`label:`).
 */
import type { Annotation } from "../api.js";
import { annotationApi } from "../annotation-api.js";
import { h, replace } from "../dom.js";
import { formatNumber } from "../format.js";
import type { ScreenContext } from "../router.js";
import { failureScreen, heading, isAbort, loading } from "./common.js";
import { quoted, searchUrl } from "./search.js";

export function tagUrl(tag: string): string {
  return `/tags?${new URLSearchParams({ tag })}`;
}

export async function tagsScreen(context: ScreenContext): Promise<void> {
  const tag = context.query.get("tag");
  return tag ? notesWithTag(context, tag) : allTags(context);
}

async function allTags(context: ScreenContext): Promise<void> {
  context.setTitle("Tags");
  loading(context.main, "tags");
  try {
    const { tags } = await annotationApi.tags(context.signal);
    const body = tags.length
      ? h(
          "table",
          { class: "tag-table" },
          h("caption", { class: "visually-hidden" }, "Tags on notes, most used first"),
          h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, "Tag"), h("th", { attrs: { scope: "col" } }, "Notes"), h("th", { attrs: { scope: "col" } }, "Documents"), h("th", { attrs: { scope: "col" } }, "Search"))),
          h(
            "tbody",
            {},
            ...tags.map((count) =>
              h(
                "tr",
                {},
                h("th", { attrs: { scope: "row" } }, h("a", { href: tagUrl(count.tag), class: "tag", dir: "auto" }, count.tag)),
                h("td", {}, formatNumber(count.annotations)),
                h("td", {}, formatNumber(count.documents)),
                h("td", {}, h("a", { href: searchUrl(`label:${quoted(count.tag)}`), attrs: { "aria-label": `Search the documents tagged ${count.tag}` } }, "documents")),
              ),
            ),
          ),
        )
      : h("p", {}, "No tags yet. Select words in a document, press a, and give the note tags.");
    replace(context.main, heading("Tags"), h("p", { class: "note" }, "The tags on your notes. Search the documents with a tag by ", h("code", {}, "label:TAG"), "; ", h("code", {}, "tag:"), " is a cable's own TAGS line."), body);
  } catch (error) {
    if (isAbort(error)) throw error;
    failureScreen(context.main, "Tags", error);
  }
}

async function notesWithTag(context: ScreenContext, tag: string): Promise<void> {
  context.setTitle(`Tag ${tag}`);
  loading(context.main, "notes");
  let notes: Annotation[];
  try {
    notes = (await annotationApi.withTag(tag, context.signal)).annotations;
  } catch (error) {
    if (isAbort(error)) throw error;
    failureScreen(context.main, "Tags", error);
    return;
  }
  replace(
    context.main,
    heading("Notes tagged ", h("q", { dir: "auto" }, tag)),
    h("p", {}, h("a", { href: searchUrl(`label:${quoted(tag)}`) }, "Search the documents with this tag"), " · ", h("a", { href: "/tags" }, "All tags")),
    notes.length
      ? h(
          "ol",
          { class: "notes tagged-notes" },
          ...notes.map((note) =>
            h(
              "li",
              { class: "note" },
              h("p", { class: "note-where" }, h("a", { href: `/documents/${note.documentId}` }, `Document #${note.documentId}`), note.start === null ? " · the whole document" : ""),
              note.quote ? h("blockquote", { class: "note-quote", dir: "auto" }, note.quote) : null,
              note.body ? h("p", { class: "note-body", dir: "auto" }, note.body) : null,
              h("p", { class: "note-tags" }, "Tags: ", note.tags.join(", ")),
            ),
          ),
        )
      : h("p", {}, "No note carries this tag."),
  );
}
