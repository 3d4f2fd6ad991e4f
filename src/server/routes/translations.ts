/**
 * `GET /api/documents/{id}/translation`: an original beside its translation,
 * paragraph by paragraph, as `trove translations align --json` prints it,
 * from either half of the pair. `?with=ID` picks one of several translations.
 */
import { Hono } from "hono";
import { alignParagraphs } from "../../parse/translation.js";
import type { SqliteStore } from "../../store/sqlite/sqlite-store.js";
import type { DocumentDetail } from "../../store/store.js";
import type { TranslationSide, TranslationView } from "../api-types.js";
import type { ArchiveAccess } from "../archive-access.js";
import { HttpError } from "../http-error.js";
import { documentId } from "../params.js";

export function translationRoutes(archive: ArchiveAccess): Hono {
  return new Hono().get("/api/documents/:id/translation", (c) => {
    const other = c.req.query("with");
    return c.json(alignedTranslation(archive.reader, documentId(c.req.param("id")), other === undefined ? undefined : documentId(other)));
  });
}

/** The pair `id` belongs to (with `otherId` when it has several), its paragraphs aligned. */
export function alignedTranslation(store: SqliteStore, id: number, otherId?: number): TranslationView {
  const document = store.getDocument(id);
  const link = otherId === undefined ? document.translations[0] : document.translations.find((candidate) => candidate.id === otherId);
  if (!link) {
    throw new HttpError(404, "no-translation", otherId === undefined
      ? `document ${document.id} has no paired original or translation; pairs come from translations.json, file names (X.fa.txt / X.en.txt) or a shared reference number`
      : `document ${document.id} is not paired with document ${otherId}`);
  }
  const counterpart = store.getDocument(link.id);
  const [original, translation] = link.role === "translation" ? [document, counterpart] : [counterpart, document];
  if (!original.cable || !translation.cable) throw new HttpError(404, "no-cable", `document ${(original.cable ? translation : original).id} has no text to read as a cable`);
  return {
    original: original.id,
    translation: translation.id,
    paragraphs: alignParagraphs(original.cable, translation.cable),
    documents: { original: side(original), translation: side(translation) },
    method: link.method,
    ...(link.translator && { translator: link.translator }),
    ...(link.reviewer && { reviewer: link.reviewer }),
  };
}

function side(document: DocumentDetail): TranslationSide {
  return { id: document.id, title: document.title ?? document.name, language: document.language };
}
