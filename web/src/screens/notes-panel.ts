/**
 * The reader's notes: select words in the text and press `a` (or the
 * Annotate button) to write a note with tags; notes on a passage are marked
 * in the text, and every note, on a passage or on the whole document, is
 * listed here with its tags, to edit or delete. A note's words and tags are
 * always inserted as text.
 */
import "../../styles/notes.css";
import type { Annotation, DocumentAnnotationsView } from "../api.js";
import { annotationApi, tagsFromText, type AnnotationDraft } from "../annotation-api.js";
import { h, replace, type Child } from "../dom.js";
import { markPassages, selectedSpan, type Span } from "../passage-marks.js";
import { failurePanel, isAbort } from "./common.js";
import { tagUrl } from "./tags.js";

export interface NotesPanel {
  section: HTMLElement;
  /** Marks the notes in the text once it is on the page. */
  attach(text: HTMLElement): void;
}

export function notesPanel(documentId: number, documentText: string, initial: DocumentAnnotationsView | Error, signal: AbortSignal): NotesPanel {
  let annotations = initial instanceof Error ? [] : initial.annotations;
  let textRoot: HTMLElement | undefined;
  let pending: Span | undefined;
  const status = h("p", { class: "notes-status", attrs: { role: "status" } });
  const list = h("ol", { class: "notes" });
  const formSlot = h("div", { class: "note-form-slot" });
  const annotate = h("button", { class: "annotate", attrs: { type: "button", disabled: true, "aria-keyshortcuts": "a" }, on: { click: () => openForm(pending) } }, "Annotate the selection (a)");
  const whole = h("button", { attrs: { type: "button" }, on: { click: () => openForm(undefined) } }, "Note on the whole document");

  const render = () => {
    replace(list, ...annotations.map(item));
    if (annotations.length === 0) replace(list, h("li", { class: "note-empty" }, "No notes yet. Select words in the text and press a, or write a note on the whole document."));
    if (textRoot) markPassages(textRoot, annotations);
  };

  const reload = async (message: string) => {
    try {
      annotations = (await annotationApi.ofDocument(documentId, signal)).annotations;
      render();
      replace(status, message);
    } catch (error) {
      if (!isAbort(error)) replace(status, failurePanel(error));
    }
  };

  const openForm = (span: Span | undefined, editing?: Annotation) => {
    const quote = editing ? editing.quote : span ? documentText.slice(span.start, span.end) : "";
    const body = h("textarea", { id: "note-body", attrs: { rows: 3, maxlength: 10_000 } });
    body.value = editing?.body ?? "";
    const tags = h("input", { id: "note-tags", attrs: { type: "text", autocomplete: "off", spellcheck: "false" } });
    tags.value = editing?.tags.join(", ") ?? "";
    const failure = h("div", { class: "note-failure" });
    const close = () => replace(formSlot);
    const form = h(
      "form",
      {
        class: "note-form",
        attrs: { "aria-label": editing ? "Edit the note" : "A new note" },
        on: {
          submit: (event) => {
            event.preventDefault();
            void (async () => {
              try {
                if (editing) {
                  await annotationApi.edit(editing.id, { body: body.value, tags: tagsFromText(tags.value) });
                } else {
                  const draft: AnnotationDraft = { body: body.value, tags: tagsFromText(tags.value), ...(span && { start: span.start, end: span.end }) };
                  await annotationApi.add(documentId, draft);
                }
                close();
                await reload(editing ? "The note is saved." : "The note is added.");
              } catch (error) {
                replace(failure, failurePanel(error));
              }
            })();
          },
        },
      },
      h("p", { class: "note-quote-label" }, editing ? "Edit the note" : span ? "A note on the words:" : "A note on the whole document"),
      quote ? h("blockquote", { class: "note-quote", dir: "auto" }, quote) : null,
      h("label", { attrs: { for: "note-body" } }, "Note"),
      body,
      h("label", { attrs: { for: "note-tags" } }, "Tags, separated by commas"),
      tags,
      h("p", { class: "note-actions" }, h("button", { attrs: { type: "submit" } }, "Save the note"), " ", h("button", { attrs: { type: "button" }, on: { click: close } }, "Cancel")),
      failure,
    );
    replace(formSlot, form);
    body.focus();
  };

  const item = (annotation: Annotation): HTMLElement => {
    const where: Child = annotation.start === null ? (annotation.detachedAt ? "On the whole document: its words are no longer in the text" : "On the whole document") : null;
    return h(
      "li",
      { class: "note", attrs: { "data-annotation": annotation.id } },
      where ? h("p", { class: "note-where" }, where) : null,
      annotation.quote ? h("blockquote", { class: "note-quote", dir: "auto" }, annotation.quote) : null,
      annotation.body ? h("p", { class: "note-body", dir: "auto" }, annotation.body) : null,
      annotation.tags.length ? h("p", { class: "note-tags" }, "Tags: ", ...annotation.tags.flatMap((tag, index) => [index ? ", " : null, h("a", { href: tagUrl(tag), class: "tag" }, tag)])) : null,
      h(
        "p",
        { class: "note-meta" },
        `${annotation.author} · ${annotation.updatedAt.slice(0, 16).replace("T", " ")} `,
        h("button", { attrs: { type: "button", "aria-label": `Edit the note${annotation.quote ? ` on “${annotation.quote.slice(0, 40)}”` : ""}` }, on: { click: () => openForm(undefined, annotation) } }, "Edit"),
        " ",
        h(
          "button",
          {
            attrs: { type: "button", "aria-label": `Delete the note${annotation.quote ? ` on “${annotation.quote.slice(0, 40)}”` : ""}` },
            on: {
              click: () =>
                void annotationApi.remove(annotation.id).then(
                  () => reload("The note is deleted."),
                  (error: unknown) => replace(status, failurePanel(error)),
                ),
            },
          },
          "Delete",
        ),
      ),
    );
  };

  document.addEventListener(
    "selectionchange",
    () => {
      pending = textRoot ? selectedSpan(textRoot) : undefined;
      annotate.disabled = pending === undefined;
    },
    { signal },
  );
  document.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "a" || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || !pending) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable]")) return;
      event.preventDefault();
      openForm(pending);
    },
    { signal },
  );

  const section = h(
    "section",
    { class: "reader-section notes-section", attrs: { "aria-labelledby": "notes" } },
    h("h2", { id: "notes" }, "Notes"),
    initial instanceof Error ? failurePanel(initial) : null,
    h("p", { class: "note-buttons" }, annotate, " ", whole),
    formSlot,
    list,
    status,
  );
  render();
  return {
    section,
    attach(text) {
      textRoot = text;
      markPassages(text, annotations);
    },
  };
}
