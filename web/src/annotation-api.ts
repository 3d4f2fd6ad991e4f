/** The API of a reporter's notes, tags and saved searches, as the screens call it. */
import { ApiFailure, getJson, sendJson, type Annotation, type AnnotationsView, type ApiError, type DocumentAnnotationsView, type SavedSearch, type SavedSearchesView, type SortOrder, type TagsView } from "./api.js";

export interface AnnotationDraft {
  start?: number;
  end?: number;
  body: string;
  tags: string[];
}

export const annotationApi = {
  ofDocument(documentId: number, signal?: AbortSignal): Promise<DocumentAnnotationsView> {
    return getJson(`/api/documents/${documentId}/annotations`, signal);
  },
  add(documentId: number, draft: AnnotationDraft): Promise<Annotation> {
    return sendJson(`/api/documents/${documentId}/annotations`, draft);
  },
  edit(id: number, change: { body: string; tags: string[] }): Promise<Annotation> {
    return sendChange<Annotation>("PATCH", `/api/annotations/${id}`, change);
  },
  remove(id: number): Promise<void> {
    return sendChange<void>("DELETE", `/api/annotations/${id}`);
  },
  withTag(tag: string, signal?: AbortSignal): Promise<AnnotationsView> {
    return getJson(`/api/annotations?${new URLSearchParams({ tag, limit: "500" })}`, signal);
  },
  tags(signal?: AbortSignal): Promise<TagsView> {
    return getJson("/api/tags", signal);
  },
  savedSearches(signal?: AbortSignal): Promise<SavedSearchesView> {
    return getJson("/api/searches", signal);
  },
  saveSearch(name: string, query: string, sort: SortOrder): Promise<SavedSearch> {
    return sendJson("/api/searches", { name, query, ...(sort !== "relevance" && { sort }) });
  },
  deleteSearch(id: number): Promise<void> {
    return sendChange<void>("DELETE", `/api/searches/${id}`);
  },
};

/** A PATCH or DELETE: declared JSON, as the server requires of every change, body or none. */
async function sendChange<T>(method: "PATCH" | "DELETE", path: string, body?: object): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { method, headers: { Accept: "application/json", "Content-Type": "application/json" }, ...(body && { body: JSON.stringify(body) }) });
  } catch {
    throw new ApiFailure(0, { code: "network", message: "the server did not answer; is trove serve still running?" });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (response.ok && parsed !== undefined) return parsed as T;
  const detail = (parsed as ApiError | undefined)?.error;
  throw new ApiFailure(response.status, detail?.code ? detail : { code: "unexpected", message: `the server answered ${response.status} without an explanation` });
}

/** Tags as typed in a form: comma-separated. */
export function tagsFromText(text: string): string[] {
  return text.split(",").map((tag) => tag.trim()).filter((tag) => tag !== "");
}
