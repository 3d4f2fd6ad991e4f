/** Running a saved search again: the same query and order, and a record of what it found. */
import type { SavedSearch } from "../model/annotation.js";
import type { SearchOptions, SearchResult } from "../model/search.js";
import type { SqliteStore } from "../store/sqlite/sqlite-store.js";
import { searchArchive } from "./sqlite-search.js";

export interface SavedSearchRun {
  search: SavedSearch;
  result: SearchResult;
}

/** Runs the search saved under `idOrName` on a writable archive, recording when and how many documents matched. */
export function runSavedSearch(store: SqliteStore, idOrName: number | string, options: Omit<SearchOptions, "sort"> = {}): SavedSearchRun {
  const saved = store.annotations.getSavedSearch(idOrName);
  const result = searchArchive(store, saved.query, { ...options, ...(saved.sort && { sort: saved.sort }) });
  const search = store.annotations.recordSearchRun(saved.id, result.total);
  store.commit();
  return { search, result };
}
