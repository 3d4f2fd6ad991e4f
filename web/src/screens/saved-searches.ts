/**
 * Saved searches on the search screen: "Save this search" beside the
 * results, and on the search home the saved ones, each a link that runs it
 * again, with a button to forget it.
 */
import type { SavedSearch, SortOrder } from "../api.js";
import { annotationApi } from "../annotation-api.js";
import { h, replace } from "../dom.js";
import { formatNumber } from "../format.js";
import { failurePanel, isAbort } from "./common.js";
import { searchUrl } from "./search.js";

export function saveSearchForm(q: string, sort: SortOrder): HTMLElement {
  const name = h("input", { id: "save-name", attrs: { type: "text", autocomplete: "off", maxlength: 100, required: true } });
  const status = h("div", { class: "save-status", attrs: { role: "status" } });
  return h(
    "form",
    {
      class: "save-search",
      on: {
        submit: (event) => {
          event.preventDefault();
          annotationApi.saveSearch(name.value, q, sort).then(
            (saved) => replace(status, `Saved as “${saved.name}”; the search home lists it.`),
            (error: unknown) => replace(status, failurePanel(error)),
          );
        },
      },
    },
    h("label", { attrs: { for: "save-name" } }, "Save this search as "),
    name,
    " ",
    h("button", { attrs: { type: "submit" } }, "Save this search"),
    status,
  );
}

/** The saved searches, filled in once they arrive; empty when there are none. */
export function savedSearchList(signal: AbortSignal): HTMLElement {
  const section = h("section", { class: "saved-searches", attrs: { "aria-labelledby": "saved-searches" } });
  const show = async () => {
    try {
      const { searches } = await annotationApi.savedSearches(signal);
      if (searches.length === 0) return replace(section);
      replace(section, h("h2", { id: "saved-searches" }, "Saved searches"), h("ul", { class: "saved-search-list" }, ...searches.map(item)));
    } catch (error) {
      if (!isAbort(error)) replace(section, failurePanel(error));
    }
  };
  const item = (search: SavedSearch) =>
    h(
      "li",
      {},
      h("a", { href: searchUrl(search.query, 0, search.sort ?? "relevance"), dir: "auto" }, search.name),
      " ",
      h("code", { dir: "auto" }, search.query),
      search.lastTotal === null ? null : ` · ${formatNumber(search.lastTotal)} documents when last run`,
      " ",
      h("button", { attrs: { type: "button", "aria-label": `Delete the saved search ${search.name}` }, on: { click: () => void annotationApi.deleteSearch(search.id).then(show, (error: unknown) => replace(section, failurePanel(error))) } }, "Delete"),
    );
  void show();
  return section;
}
