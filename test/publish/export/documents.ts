import type { ExtractedDocument } from "../../../src/model/document.js";
import type { Redaction } from "../../../src/model/redaction.js";
import type { DocumentDetail } from "../../../src/store/store.js";
import { extracted } from "../../helpers/documents.js";

/** A document as the archive would hand it to export. */
export function storedDocument(id: number, text: string, extra: Partial<ExtractedDocument> = {}): DocumentDetail {
  const document = extracted(`/leak/document-${id}.txt`, text, extra);
  return { ...document, id, path: document.locator, ingestedAt: "2015-07-01T00:00:00Z", translations: [], children: [], problems: [], references: [], citedBy: [] };
}

/** An accepted redaction of `text` where it first stands in the document (after `from`). */
export function acceptedRedaction(id: number, document: DocumentDetail, text: string, from = 0): Redaction {
  const start = document.text.indexOf(text, from);
  if (start < 0) throw new Error(`"${text}" is not in document ${document.id}`);
  return {
    id, documentId: document.id, start, end: start + text.length, text, entityId: null, reason: "manual", note: null,
    status: "accepted", author: "a reporter", createdAt: "2015-07-01T00:00:00Z", decidedBy: "a reporter", decidedAt: "2015-07-01T00:00:00Z",
  };
}
