/**
 * Small archives and request bodies for the server tests: a few sample
 * files ingested in-process into a temporary archive, and multipart bodies
 * written byte by byte, hostile names included.
 */
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import assert from "node:assert/strict";
import path from "node:path";
import { after, before } from "node:test";
import type { EntityType } from "../../src/model/entity.js";
import type { RelationRole } from "../../src/model/relation.js";
import { RELATION_EXTRACTOR_VERSION } from "../../src/extract/relations/index.js";
import { paragraphCoOccurrences } from "../../src/pipeline/co-occurrence.js";
import { ingest } from "../../src/pipeline/ingest-job.js";
import { findEntitiesByName } from "../../src/search/entity-lookup.js";
import { searchArchive } from "../../src/search/sqlite-search.js";
import type { RelationToSave } from "../../src/store/relation-store.js";
import type { ApiError } from "../../src/server/api-types.js";
import { createApp, type TroveApp } from "../../src/server/app.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { extracted } from "../helpers/documents.js";
import { tempDir } from "../helpers/temp-dir.js";

export const SAMPLE_FILES = [
  "reports/fa/report-1393-07-15-karbala.fa.txt",
  "reports/en/report-1393-07-15-karbala.en.txt",
  "cables/14BAGHDAD1911.txt",
  "pdf/briefing-zubaidi-payments.pdf",
  "archives/batch-1394-04.zip",
];

/** A 1×1 PNG: a real picture for the image routes, without OCR in the way. */
export const TINY_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

export interface SampleArchive {
  /** The archive file. */
  archive: string;
  /** The folder the sample files were ingested from. */
  leak: string;
  /** An image document saved straight into the archive, with its file on disk. */
  imagePath: string;
}

/** Ingests the sample files (no OCR and no entity stage, in this thread) and adds one picture; a fresh folder each call. */
export async function sampleArchive(): Promise<SampleArchive> {
  const root = tempDir("trove-server-");
  const leak = path.join(root, "leak");
  mkdirSync(leak);
  for (const file of SAMPLE_FILES) copyFileSync(path.resolve("samples", file), path.join(leak, path.basename(file)));
  const archive = path.join(root, "archive", "archive.db");
  const store = SqliteStore.open(archive);
  try {
    await ingest(store, [leak], { workers: 0, entities: false });
    const imagePath = path.join(root, "pictures", "meeting-photo.png");
    mkdirSync(path.dirname(imagePath));
    writeFileSync(imagePath, TINY_PNG);
    store.saveDocument(
      extracted(imagePath, "a photographed page", {
        type: "image",
        mime: "image/png",
        sha256: createHash("sha256").update(TINY_PNG).digest("hex"),
        size: TINY_PNG.length,
        pages: [{ number: 1, start: 0, end: 19, ocr: true }],
      }),
    );
    store.commit();
    return { archive, leak, imagePath };
  } finally {
    store.close();
  }
}

/** The expense report whose 87.5 euros the money ledger must show. */
export const ERBIL_EXPENSES = "reports/en/report-1393-08-12-erbil-expenses.en.txt";

export interface RelationArchive extends SampleArchive {
  documents: { karbala: number; erbil: number; briefing: number };
  entities: { tamimi: number; zubaidi: number; erbilOffice: number; karbala: number };
  /** The relations saved on top of what the extractor read, as the ledger and timeline must show them. */
  saved: { meeting: number; expense: number; instalment: number };
}

/**
 * The sample archive and the Erbil expense report, ingested with the entity
 * and relation stages, and three relations saved as the text states them: the
 * Karbala meeting, the 87.5 euro expense and one four-million-dollar
 * instalment. The routes' answers do not then hang on how much the extractor
 * reads of the fictional samples; the paragraphs' co-occurrences are the
 * relation stage's own.
 */
export async function relationArchive(): Promise<RelationArchive> {
  const sample = await sampleArchive();
  const extra = path.join(path.dirname(sample.leak), "extra");
  mkdirSync(extra);
  copyFileSync(path.resolve("samples", ERBIL_EXPENSES), path.join(extra, path.basename(ERBIL_EXPENSES)));
  const store = SqliteStore.open(sample.archive);
  try {
    await ingest(store, [extra], { workers: 0, entities: true });
    const documentId = (query: string) => searchArchive(store, query, { limit: 1 }).hits[0]?.id ?? fail(`no document for ${query}`);
    const entityId = (name: string) => findEntitiesByName(store.entities, name, { tolerant: false })[0] ?? fail(`no entity called ${name}`);
    const documents = {
      karbala: documentId("path:report-1393-07-15-karbala.en.txt"),
      erbil: documentId("path:report-1393-08-12-erbil-expenses.en.txt"),
      briefing: documentId("path:briefing-zubaidi-payments.pdf"),
    };
    const entities = { tamimi: entityId("Abu Karrar Tamimi"), zubaidi: entityId("Harith Nouri al-Zubaidi"), erbilOffice: entityId("Erbil Office"), karbala: entityId("Karbala") };
    const participant = (role: RelationRole, name: string, entityId: number | null, entityType: EntityType | null) => ({ role, name, entityType, start: null, end: null, entityId });
    const relation = (documentId: number, sentence: string, fields: Omit<RelationToSave, "evidence" | "confidence">): RelationToSave => {
      const start = store.getDocument(documentId).text.indexOf(sentence);
      if (start < 0) fail(`document ${documentId} lacks the sentence ${sentence}`);
      return { ...fields, evidence: { start, end: start + sentence.length, text: sentence }, confidence: 0.9 };
    };
    const save = (documentId: number, relations: RelationToSave[]) => {
      const { text } = store.getDocument(documentId);
      store.relations.saveRelations(documentId, RELATION_EXTRACTOR_VERSION, relations, paragraphCoOccurrences(text, store.entities.documentMentions(documentId)));
    };
    const none = { place: null, amount: null, currency: null, quality: null };
    save(documents.karbala, [
      relation(documents.karbala, "a meeting was held at the Dar al-Salam Hotel in Karbala", {
        ...none,
        type: "meeting",
        roles: { participant: ["Navid", "Abu Karrar Tamimi"], place: ["Karbala"] },
        participants: [participant("participant", "Navid", null, null), participant("participant", "Abu Karrar Tamimi", entities.tamimi, "person"), participant("place", "Karbala", entities.karbala, "place")],
        date: "2014-10-05",
        place: "Karbala",
      }),
    ]);
    save(documents.erbil, [
      relation(documents.erbil, "Total: 87.5 euros (eighty-seven and a half euros).", {
        ...none,
        type: "payment",
        roles: { payer: ["Erbil Office"], payee: ["Kak Rebwar Hama-Salih"] },
        participants: [participant("payer", "Erbil Office", entities.erbilOffice, "organization"), participant("payee", "Kak Rebwar Hama-Salih", null, null)],
        date: "2014-11-03",
        amount: 87.5,
        currency: "EUR",
        kind: "expense",
        purpose: "gifts",
      }),
    ]);
    save(documents.briefing, [
      relation(documents.briefing, "in four\ninstalments of four million dollars", {
        ...none,
        type: "payment",
        roles: { payee: ["Harith Nouri al-Zubaidi"], intermediary: ["Abu Karrar al-Tamimi"] },
        participants: [participant("payee", "Harith Nouri al-Zubaidi", entities.zubaidi, "person"), participant("intermediary", "Abu Karrar al-Tamimi", entities.tamimi, "person")],
        date: "2014-10",
        amount: 4_000_000,
        currency: "USD",
        kind: "installment",
      }),
    ]);
    store.commit();
    const savedId = (documentId: number) => store.relations.listRelations({ documentId })[0]!.id;
    return { ...sample, documents, entities, saved: { meeting: savedId(documents.karbala), expense: savedId(documents.erbil), instalment: savedId(documents.briefing) } };
  } finally {
    store.close();
  }
}

function fail(message: string): never {
  throw new Error(`the relation archive: ${message}`);
}

export interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  content: string | Buffer;
}

export const BOUNDARY = "----trove-test-boundary-7MA4YWxkTrZu0gW";

/** A multipart/form-data body exactly as given: no name is cleaned or escaped. */
export function multipartBody(parts: Part[], boundary = BOUNDARY): Buffer {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? "" : `; filename="${part.filename}"`}`;
    const headers = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.contentType ? `Content-Type: ${part.contentType}\r\n` : ""}\r\n`;
    pieces.push(Buffer.from(headers, "utf8"), Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content, "utf8"), Buffer.from("\r\n"));
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(pieces);
}

export function multipartHeaders(body: Buffer, boundary = BOUNDARY): Record<string, string> {
  return { "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": String(body.length) };
}

/** What the CLI prints with `--json`: the library's value through JSON. */
export const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

export interface ServedRelationArchive {
  readonly trove: TroveApp;
  readonly fixture: RelationArchive;
  /** The JSON a GET answers, after checking its status. */
  body<T>(url: string, status?: number): Promise<T>;
  /** The JSON error a GET answers with that status. */
  errorOf(url: string, status: number): Promise<ApiError["error"]>;
}

/** The app over a relation archive, for one `describe` block: made before its tests, closed after. */
export function servedRelationArchive(): ServedRelationArchive {
  let trove: TroveApp | undefined;
  let fixture: RelationArchive | undefined;
  before(async () => {
    fixture = await relationArchive();
    trove = createApp({ archive: fixture.archive, webRoot: path.join(tempDir(), "no-ui") });
  });
  after(() => trove?.close());
  const served: ServedRelationArchive = {
    get trove() {
      return trove!;
    },
    get fixture() {
      return fixture!;
    },
    async body<T>(url: string, status = 200): Promise<T> {
      const response = await served.trove.app.request(url);
      assert.equal(response.status, status, url);
      return (await response.json()) as T;
    },
    async errorOf(url: string, status: number) {
      return (await served.body<ApiError>(url, status)).error;
    },
  };
  return served;
}
