/**
 * The shapes the HTTP API answers with. Types only, and reaching into the
 * library no further than its models, so that the browser UI can import
 * them too. Where a route passes a library value through (a document, the
 * archive's counts), the route assigns it to the type here, so the compiler
 * holds the two together.
 */
import type { Cable } from "../model/cable.js";
import type { DocumentType, LanguageCode, Problem, StoredDocument } from "../model/document.js";
import type { Entity, EntityType, Mention, MentionAttributes } from "../model/entity.js";
import type { Centrality, GraphNode } from "../model/network.js";
import type { Redaction, RedactionReason } from "../model/redaction.js";
import type { Relation } from "../model/relation.js";
import type { Annotation, SavedSearch, TagCount } from "../model/annotation.js";
import type { User } from "../model/user.js";
import type { AlignedParagraph } from "../parse/translation.js";

export type { SearchResult, FacetCount } from "../model/search.js";
export type { Cable, DateMention } from "../model/cable.js";
export type { EntityFacetCount } from "../model/search.js";
export type { Entity, EntityType, NameMatch } from "../model/entity.js";
export type {
  Centrality,
  Community,
  EdgeKind,
  EntityRef,
  EvidencePath,
  GazetteerPlace,
  GraphEdge,
  GraphNode,
  MoneyLedger,
  MoneyLine,
  MoneyParty,
  MoneyTotal,
  NetworkView,
  PathHop,
  PlacesView,
  PlaceView,
  TimelineEvent,
  TimelineView,
} from "../model/network.js";
export type { Evidence, PaymentKind, Relation, RelationRole, RelationType, StoredParticipant } from "../model/relation.js";
export type { Annotation, SavedSearch, TagCount } from "../model/annotation.js";
export type { Redaction, RedactionReason, RedactionStatus } from "../model/redaction.js";

export interface CountView {
  value: string;
  count: number;
}

/** `GET /api/stats`: what `trove stats --json` prints (the store's `ArchiveStats`). */
export interface StatsView {
  documents: number;
  indexed: number;
  duplicates: number;
  originalBytes: number;
  textCharacters: number;
  pages: number;
  ocrPages: number;
  problems: number;
  byType: CountView[];
  byLanguage: CountView[];
  byYear: CountView[];
  runs: number;
  lastIngestAt: string | null;
  archiveBytes: number;
  schemaVersion: number;
}

export interface DocumentLinkView {
  reference: string;
  id: number;
  title: string;
}

/** `GET /api/documents/{id}`: what `trove show --json` prints (the store's `DocumentDetail`). */
export interface DocumentView extends StoredDocument {
  children: { id: number; name: string; title: string; type: DocumentType; size: number; duplicateOf?: number }[];
  problems: Problem[];
  references: DocumentLinkView[];
  citedBy: DocumentLinkView[];
}

/** Every failure, from every route: `position` only for a malformed query (0-based). */
export interface ApiError {
  error: { code: string; message: string; position?: number };
}

/** `GET /api/documents/{id}/cable`. */
export interface CableView {
  id: number;
  cable: Cable;
}

export interface TranslationSide {
  id: number;
  title: string;
  language: LanguageCode;
}

/**
 * `GET /api/documents/{id}/translation`: `original`, `translation` and
 * `paragraphs` are exactly what `trove translations align --json` prints; the
 * rest says who the two documents are and who translated and checked.
 */
export interface TranslationView {
  original: number;
  translation: number;
  paragraphs: AlignedParagraph[];
  documents: { original: TranslationSide; translation: TranslationSide };
  method: string;
  translator?: string;
  reviewer?: string;
}

export interface PageImage {
  number: number;
  /** True when the page's text came from OCR. */
  ocr: boolean;
  url: string;
}

/** `GET /api/documents/{id}/images`: what the reader can show beside the text. */
export interface ImagesView {
  /** One image per page of a PDF, rendered on demand. */
  pages: PageImage[];
  /** The original picture of an image document. */
  image?: string;
  /** Why there is nothing to show, when there is nothing. */
  unavailable?: string;
}

/**
 * Where in the pipeline a problem arose: `upload` (the server refused the
 * file), `read` (the file could not be opened), `detect` (type or encoding),
 * `unpack` (archive members), `extract` (text, OCR, layout).
 */
export type IngestStage = "upload" | "read" | "detect" | "unpack" | "extract";

export interface UploadProblem extends Problem {
  stage: IngestStage;
}

export interface UploadFile {
  /** The name the browser sent; shown, never used as a path. */
  name: string;
  /** The name the server gave the file inside the upload's folder. */
  storedAs: string;
  size: number;
}

/** The ingest job's progress (its `IngestProgress`), with the counts known before it starts always there. */
export interface UploadProgressCounts {
  /** `files` while files are read, `entities` while their text is read for names, then `relations`. */
  stage?: string;
  filesTotal: number;
  filesDone: number;
  bytesTotal: number;
  bytesDone: number;
  documents: number;
  problems: number;
  elapsedMs: number;
  entityDocumentsTotal?: number;
  entityDocumentsDone?: number;
  mentions?: number;
  relationDocumentsTotal?: number;
  relationDocumentsDone?: number;
  relations?: number;
}

export interface UploadProgress extends UploadProgressCounts {
  filesPerSecond: number;
  bytesPerSecond: number;
  /** Seconds left at the current rate; null until there is a rate to go by. */
  etaSeconds: number | null;
}

export type UploadState = "queued" | "ingesting" | "done" | "failed";

export interface UploadedDocument {
  id: number;
  name: string;
  type: string;
  duplicateOf?: number;
}

/** `GET /api/uploads/{id}`, and each `progress` event of `GET /api/uploads/{id}/events`. */
export interface UploadView {
  id: string;
  state: UploadState;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** The folder the files were stored in, under the archive's folder: `path:` searches find them by it. */
  folder: string;
  files: UploadFile[];
  progress: UploadProgress;
  /** Every problem met, with its stage; the job went on past each. */
  problems: UploadProblem[];
  problemsByStage: Partial<Record<IngestStage, number>>;
  /** The documents written so far (the latest ones, when there are many). */
  documents: UploadedDocument[];
  /** The ingest job's summary, once it is done. */
  report?: UploadReport;
  /** Why the job failed, when it did. */
  error?: ApiError["error"];
}

export interface UploadReport {
  files: { seen: number; ingested: number; unchanged: number; failed: number };
  documents: { total: number; indexed: number; duplicates: number; byType: Partial<Record<DocumentType, number>> };
  durationMs: number;
}

/** `GET /api/uploads`. */
export interface UploadsView {
  maxUploadBytes: number;
  maxFiles: number;
  uploads: UploadView[];
}

/** `GET /api/entities`: what `trove entities --json` prints. */
export interface EntitiesView {
  entities: Entity[];
}

/** One mention in an entity's profile: the passage around it is plain text, the mention at `[highlightStart, highlightEnd)`. */
export interface MentionInContextView {
  documentId: number;
  documentTitle: string;
  documentDate: string | null;
  text: string;
  start: number;
  end: number;
  passage: string;
  highlightStart: number;
  highlightEnd: number;
  attributes: MentionAttributes;
}

/**
 * `GET /api/entities/{id}`: what `trove entity ID --json` prints (the store's
 * `EntityProfile`). `linkedIdentities` is always empty here: which person a
 * source is stays out of an API that has no access control yet.
 */
export interface EntityView extends Entity {
  titles: { title: string; count: number }[];
  roles: { role: string; count: number }[];
  mentions: MentionInContextView[];
  coOccurring: { id: number; type: EntityType; name: string; documents: number }[];
  linkedIdentities: { id: number; type: EntityType; name: string; note: string | null }[];
  /** Set when the id asked for was merged into this entity. */
  mergedFrom?: number;
}

/** `GET /api/entities/lookup?name=`: the entities a name stands for, best first. */
export interface EntityLookupView {
  ids: number[];
}

/** A mention in a document, as the store keeps it: `start` and `end` are UTF-16 offsets into the document's `text`. */
export interface DocumentMentionView extends Mention {
  id: number;
  documentId: number;
  /** The entity it was resolved to (after merges); null for money, dates and names not yet resolved. */
  entityId: number | null;
  name: string;
}

/** `GET /api/documents/{id}/mentions`: every mention in text order. */
export interface DocumentMentionsView {
  mentions: DocumentMentionView[];
}

/** `GET /api/relations`: a page of relations, each with its evidence sentence, and how many match in all. */
export interface RelationsView {
  relations: Relation[];
  total: number;
}

/** `GET /api/graph/top`: the network's entities ranked by one centrality, highest first. */
export interface GraphRankingView {
  by: Centrality;
  nodes: GraphNode[];
}

/** A redaction's words with a few of the words around them, on one line, as `trove redact review` shows it. */
export interface RedactionContextView {
  /** The words before, with `…` in front when the text goes on. */
  before: string;
  span: string;
  /** The words after, with `…` after when the text goes on. */
  after: string;
}

/** A redaction as the review queue shows it. */
export interface RedactionInContextView extends Redaction {
  documentTitle: string;
  /** Null for a redaction re-ingest detached: nothing at its offsets is what it hid. */
  context: RedactionContextView | null;
}

/** `GET /api/redactions`: a page of the queue, how many match in all, and how many of those for each reason. */
export interface RedactionsView {
  total: number;
  /** Matching redactions by reason, whatever the `reason` filter: what a queue grouped by reason counts. */
  byReason: Record<RedactionReason, number>;
  redactions: RedactionInContextView[];
}

/** `GET /api/documents/{id}/redactions`: every redaction of the document (and of its original, for a duplicate), in text order. */
export interface DocumentRedactionsView {
  redactions: Redaction[];
}

/** What a reporter's request changed: the redactions made or decided, as they now stand. */
export interface RedactionsChangedView {
  redactions: Redaction[];
}

/** `POST /api/redactions/accept|reject`: how many suggestions the bulk decision took. */
export interface BulkDecisionView {
  decided: number;
  ids: number[];
}

/** `POST /api/redactions/suggest`: what `trove redact suggest --json` prints. */
export interface SuggestionReportView {
  documents: number;
  /** By the rules' reasons: every reason but `manual`. */
  found: Record<Exclude<RedactionReason, "manual">, number>;
  added: Record<Exclude<RedactionReason, "manual">, number>;
}

/** The script a redacted span is written in: Arabic script (Persian, Arabic), Latin, or neither. */
export type SpanScriptView = "arabic" | "latin" | "other";

/** `GET /api/entities/{id}/redaction-plan`: what redacting the entity everywhere would do, before it is done. */
export interface EntityRedactionPlanView {
  entityId: number;
  name: string;
  type: EntityType;
  /** Spans that would be redacted (accepted at once), some perhaps redacted already. */
  spans: number;
  documents: number;
  byScript: Record<SpanScriptView, number>;
  /** Places that may name it too (its surname alone, look-alike spellings), left for review. */
  suggestions: number;
}

/** `POST /api/entities/{id}/redact`: what `trove redact entity ID --json` prints. */
export interface EntityRedactionView {
  entityId: number;
  name: string;
  type: EntityType;
  redactionIds: number[];
  suggestionIds: number[];
  documents: number;
  byScript: Record<SpanScriptView, number>;
}

/**
 * `GET /api/session`: whether this workbench asks for a sign-in, and who is
 * signed in. `csrfToken` goes in the `X-CSRF-Token` header of every request
 * that changes something.
 */
export type SessionView =
  | { mode: "open" }
  | { mode: "signed-out" }
  | { mode: "signed-in"; user: User; csrfToken: string };

/** `GET /api/documents/{id}/annotations`: the document's notes in passage order (whole-document notes first), and their tags. */
export interface DocumentAnnotationsView {
  annotations: Annotation[];
  tags: string[];
}

/** `GET /api/annotations`: a page of notes, and how many match in all. */
export interface AnnotationsView {
  total: number;
  annotations: Annotation[];
}

/** `GET /api/tags`: every tag on a note, most used first. */
export interface TagsView {
  tags: TagCount[];
}

/** `GET /api/searches`: the saved searches, by name. */
export interface SavedSearchesView {
  searches: SavedSearch[];
}
