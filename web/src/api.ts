/**
 * The browser's only source of data: the JSON API of the server that served
 * the page. Failures arrive as `ApiFailure`, carrying the API's stable error
 * code (and, for a malformed query, the position of the fault).
 */
import type {
  ApiError,
  CableView,
  DocumentMentionsView,
  DocumentView,
  EdgeKind,
  EntitiesView,
  EntityLookupView,
  EntityType,
  EntityView,
  EvidencePath,
  ImagesView,
  MoneyLedger,
  NetworkView,
  PlacesView,
  RelationsView,
  RelationType,
  SearchResult,
  StatsView,
  TimelineView,
  TranslationView,
  UploadsView,
  UploadView,
} from "../../src/server/api-types.js";

export type * from "../../src/server/api-types.js";
import type { SessionView } from "../../src/server/api-types.js";

/** Fired when the API answers 401: the session has ended (or never began), and the page must sign in again. */
export const SIGNED_OUT_EVENT = "trove:signed-out";

/** The session's CSRF token, sent with every request that changes something; none on an open workbench. */
let csrfToken: string | undefined;

export function rememberSession(view: SessionView): void {
  csrfToken = view.mode === "signed-in" ? view.csrfToken : undefined;
}

export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { "X-CSRF-Token": csrfToken } : {};
}

export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  readonly position?: number;

  constructor(status: number, detail: ApiError["error"]) {
    super(detail.message);
    this.status = status;
    this.code = detail.code;
    if (detail.position !== undefined) this.position = detail.position;
  }
}

export type TimelineKind = RelationType | "document";

export interface NetworkFilter {
  types?: EntityType[];
  kinds?: EdgeKind[];
  community?: number;
  limit?: number;
}

export interface TimelineFilter {
  entity?: number;
  kinds?: TimelineKind[];
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export type SortOrder = "relevance" | "date" | "date-asc";

export interface SearchParams {
  q: string;
  limit: number;
  offset: number;
  sort: SortOrder;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json" }, ...(signal && { signal }) });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiFailure(0, { code: "network", message: "the server did not answer; is trove serve still running?" });
  }
  return readJson<T>(response.status, response.headers.get("Content-Type"), await response.text());
}

/** A request that changes the archive: its body as JSON, which the server requires of every such request. */
export async function sendJson<T>(path: string, body: object, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", headers: { Accept: "application/json", "Content-Type": "application/json", ...csrfHeaders() }, body: JSON.stringify(body), ...(signal && { signal }) });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiFailure(0, { code: "network", message: "the server did not answer; is trove serve still running?" });
  }
  return readJson<T>(response.status, response.headers.get("Content-Type"), await response.text());
}

function readJson<T>(status: number, contentType: string | null, text: string): T {
  let body: unknown;
  try {
    body = contentType?.includes("json") ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (status >= 200 && status < 300 && body !== undefined) return body as T;
  if (status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  const detail = (body as ApiError | undefined)?.error;
  throw new ApiFailure(status, detail?.code ? detail : { code: "unexpected", message: `the server answered ${status} without an explanation` });
}

export const api = {
  search(params: SearchParams, signal?: AbortSignal): Promise<SearchResult> {
    const query = new URLSearchParams({ q: params.q, limit: String(params.limit), offset: String(params.offset), sort: params.sort });
    return getJson(`/api/search?${query}`, signal);
  },
  document(id: number, signal?: AbortSignal): Promise<DocumentView> {
    return getJson(`/api/documents/${id}`, signal);
  },
  cable(id: number, signal?: AbortSignal): Promise<CableView> {
    return getJson(`/api/documents/${id}/cable`, signal);
  },
  translation(id: number, other: number | undefined, signal?: AbortSignal): Promise<TranslationView> {
    return getJson(`/api/documents/${id}/translation${other === undefined ? "" : `?with=${other}`}`, signal);
  },
  images(id: number, signal?: AbortSignal): Promise<ImagesView> {
    return getJson(`/api/documents/${id}/images`, signal);
  },
  mentions(id: number, signal?: AbortSignal): Promise<DocumentMentionsView> {
    return getJson(`/api/documents/${id}/mentions`, signal);
  },
  entities(params: { type?: EntityType; limit: number; offset: number }, signal?: AbortSignal): Promise<EntitiesView> {
    const query = new URLSearchParams({ limit: String(params.limit), offset: String(params.offset) });
    if (params.type) query.set("type", params.type);
    return getJson(`/api/entities?${query}`, signal);
  },
  lookupEntity(name: string, signal?: AbortSignal): Promise<EntityLookupView> {
    return getJson(`/api/entities/lookup?${new URLSearchParams({ name })}`, signal);
  },
  entity(id: number, signal?: AbortSignal): Promise<EntityView> {
    return getJson(`/api/entities/${id}`, signal);
  },
  relations(params: { entity?: number; document?: number; type?: RelationType; limit: number; offset?: number }, signal?: AbortSignal): Promise<RelationsView> {
    return getJson(`/api/relations?${queryOf(params)}`, signal);
  },
  network(filter: NetworkFilter, signal?: AbortSignal): Promise<NetworkView> {
    return getJson(`/api/graph?${queryOf(filter)}`, signal);
  },
  evidencePath(from: number, to: number, signal?: AbortSignal): Promise<EvidencePath> {
    return getJson(`/api/graph/path?${queryOf({ from, to })}`, signal);
  },
  timeline(filter: TimelineFilter, signal?: AbortSignal): Promise<TimelineView> {
    return getJson(`/api/timeline?${queryOf(filter)}`, signal);
  },
  places(signal?: AbortSignal): Promise<PlacesView> {
    return getJson("/api/places", signal);
  },
  money(entity: number | undefined, signal?: AbortSignal): Promise<MoneyLedger> {
    return getJson(`/api/money${entity === undefined ? "" : `?entity=${entity}`}`, signal);
  },
  stats(signal?: AbortSignal): Promise<StatsView> {
    return getJson("/api/stats", signal);
  },
  uploads(signal?: AbortSignal): Promise<UploadsView> {
    return getJson("/api/uploads", signal);
  },
  upload(id: string, signal?: AbortSignal): Promise<UploadView> {
    return getJson(`/api/uploads/${encodeURIComponent(id)}`, signal);
  },

  /**
   * Sends files as one multipart upload. XMLHttpRequest rather than fetch,
   * because only it reports how much of the body has gone out.
   */
  sendFiles(files: readonly File[], onSent: (sent: number, total: number) => void, signal: AbortSignal): Promise<UploadView> {
    return new Promise((resolve, reject) => {
      const form = new FormData();
      for (const file of files) form.append("files", file, file.name);
      const request = new XMLHttpRequest();
      request.open("POST", "/api/uploads");
      request.setRequestHeader("Accept", "application/json");
      for (const [name, value] of Object.entries(csrfHeaders())) request.setRequestHeader(name, value);
      request.upload.addEventListener("progress", (event) => onSent(event.loaded, event.lengthComputable ? event.total : 0));
      request.addEventListener("load", () => {
        try {
          resolve(readJson<UploadView>(request.status, request.getResponseHeader("Content-Type"), request.responseText));
        } catch (error) {
          reject(error);
        }
      });
      request.addEventListener("error", () => reject(new ApiFailure(0, { code: "network", message: "the upload was cut off before the server answered (the connection closed; an upload over the size limit is refused this way)" })));
      request.addEventListener("abort", () => reject(new DOMException("the upload was cancelled", "AbortError")));
      signal.addEventListener("abort", () => request.abort());
      request.send(form);
    });
  },

  /**
   * Follows an upload's progress as Server-Sent Events until it is done or
   * failed; falls back to polling if the event stream cannot be kept open.
   */
  followUpload(id: string, onView: (view: UploadView) => void, signal: AbortSignal): Promise<UploadView> {
    return new Promise((resolve, reject) => {
      let latest: UploadView | undefined;
      const source = new EventSource(`/api/uploads/${encodeURIComponent(id)}/events`);
      const finish = (view: UploadView) => {
        source.close();
        resolve(view);
      };
      source.addEventListener("progress", (event) => {
        latest = JSON.parse((event as MessageEvent<string>).data) as UploadView;
        onView(latest);
      });
      source.addEventListener("end", () => {
        if (latest) finish(latest);
      });
      source.addEventListener("error", () => {
        if (source.readyState !== EventSource.CLOSED) return;
        poll(id, onView, signal).then(resolve, reject);
      });
      signal.addEventListener("abort", () => {
        source.close();
        reject(new DOMException("stopped following the upload", "AbortError"));
      });
    });
  },
};

/** Query parameters from the defined values; lists as the API takes them, comma-separated. */
function queryOf(params: object): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params) as [string, unknown][]) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    query.set(name, Array.isArray(value) ? value.join(",") : String(value));
  }
  return query;
}

async function poll(id: string, onView: (view: UploadView) => void, signal: AbortSignal): Promise<UploadView> {
  for (;;) {
    const view = await api.upload(id, signal);
    onView(view);
    if (view.state === "done" || view.state === "failed") return view;
    await new Promise((resolve) => window.setTimeout(resolve, 1000));
  }
}
