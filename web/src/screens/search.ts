/**
 * The search screen: the query language, facets over every match,
 * highlighted snippets, the total, paging to any depth, and sorting by
 * relevance or date. `j`/`k` move through the hits and Enter opens one.
 */
import { api, ApiFailure, type EntityFacetCount, type FacetCount, type SearchResult, type SortOrder } from "../api.js";
import { append, h, replace } from "../dom.js";
import { directionOf, formatIsoDate, formatNumber, langAttribute, languageName } from "../format.js";
import type { ScreenContext, ScreenHandle } from "../router.js";
import { snippetNodes } from "../snippet.js";
import { failurePanel, heading, isAbort, loading } from "./common.js";
import { entityTypeName, entityUrl } from "./entities.js";
import { saveSearchForm, savedSearchList } from "./saved-searches.js";

const PAGE_SIZE = 20;
const SORTS: [SortOrder, string][] = [["relevance", "Relevance"], ["date", "Newest first"], ["date-asc", "Oldest first"]];
/** Facet values shown before the rest fold away. */
const FACET_SHOWN = 8;

interface FacetDefinition {
  key: string;
  title: string;
  filter(value: string): string;
  label?(value: string): string;
  /** Where the value has a page of its own: an entity's profile. */
  page?(count: FacetCount): { href: string; label: string };
}

const FACETS: FacetDefinition[] = [
  { key: "type", title: "Type", filter: (value) => `type:${value}` },
  { key: "language", title: "Language", filter: (value) => `lang:${value}`, label: languageName },
  { key: "year", title: "Year", filter: (value) => `date:${value}` },
  { key: "classification", title: "Classification", filter: (value) => `classification:${value.toLowerCase().replace(/\s+/g, "-")}` },
  { key: "origin", title: "Origin", filter: (value) => `from:${quoted(value)}` },
  {
    key: "entity",
    title: "Mentioned",
    filter: (value) => `entity:${quoted(value)}`,
    page: (count) => ({ href: entityUrl((count as EntityFacetCount).id), label: `The profile of ${count.value} (${entityTypeName((count as EntityFacetCount).type).toLowerCase()})` }),
  },
];

const EXAMPLES: [string, string][] = [
  ["karbala meeting", "both words (AND is implied)"],
  ['"photo exhibition"', "a phrase"],
  ["minist*", "a prefix"],
  ["saffron OR pistachio", "either word"],
  ["karbala -tehran", "without a word (also NOT)"],
  ["title:budget", "a word in the title (also body:)"],
  ["type:pdf", "text html email mbox pdf image docx zip tar binary"],
  ["lang:fa", "Persian; also ar, en, und"],
  ["date:2014-10-01..2015-03-31", "the cable's own date, converted from Solar or lunar Hijri; also date:2014"],
  ["from:baghdad", "the sender or origin of a cable; to: an addressee"],
  ["classification:secret", "unclassified, confidential, secret, top-secret"],
  ["ref:14BAGHDAD98", "the cable with that reference, and those citing it"],
  ['entity:"Abu Karrar al-Tamimi"', "documents that mention the entity by any of its names, in any script; entity:134832 for a source"],
  ["name~Zubaidi", "a name like it, across scripts and spellings (al-Zubeidi, الزبیدی)"],
  ["label:follow-up", "documents with a note you tagged so (tag: is a cable's own TAGS line)"],
  ["كربلا", "Arabic letters find Persian text; ۱۳۹۳ finds 1393"],
];

export async function searchScreen(context: ScreenContext, searchBox: HTMLInputElement): Promise<ScreenHandle | void> {
  const q = context.query.get("q")?.trim() ?? "";
  if (document.activeElement !== searchBox) searchBox.value = q;
  if (!q) return home(context);
  const offset = nonNegative(context.query.get("offset"));
  const sortParam = context.query.get("sort");
  const sort: SortOrder = sortParam === "date" || sortParam === "date-asc" ? sortParam : "relevance";
  context.setTitle(q);
  loading(context.main, "results");
  let result: SearchResult;
  try {
    result = await api.search({ q, limit: PAGE_SIZE, offset, sort }, context.signal);
  } catch (error) {
    if (isAbort(error)) throw error;
    replace(context.main, heading("Search"), queryFailure(q, error));
    return;
  }
  const hits = renderResults(context, q, offset, sort, result);
  return selectable(hits, context.restoredSelection);
}

async function home(context: ScreenContext): Promise<void> {
  context.setTitle("");
  const summary = h("p", { class: "archive-summary" });
  const rows = EXAMPLES.map(([query, meaning]) =>
    h("tr", {}, h("td", {}, h("a", { href: searchUrl(query), dir: "auto" }, h("code", {}, query))), h("td", {}, meaning)),
  );
  replace(
    context.main,
    heading("Search the archive"),
    summary,
    savedSearchList(context.signal),
    h(
      "table",
      { class: "examples" },
      h("caption", {}, "The query language (each example is a link)"),
      h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, "Query"), h("th", { attrs: { scope: "col" } }, "Finds"))),
      h("tbody", {}, ...rows),
    ),
  );
  try {
    const stats = await api.stats(context.signal);
    replace(
      summary,
      stats.documents === 0
        ? h("span", {}, "The archive is empty. ", h("a", { href: "/upload" }, "Add files"), " to begin.")
        : h("span", {}, `The archive holds ${formatNumber(stats.documents)} documents. `, h("a", { href: "/overview" }, "What is in it")),
    );
  } catch (error) {
    if (isAbort(error)) throw error;
    replace(summary, failurePanel(error));
  }
}

function renderResults(context: ScreenContext, q: string, offset: number, sort: SortOrder, result: SearchResult): HTMLElement[] {
  const shown = result.hits.length;
  const status =
    result.total === 0
      ? "No documents match."
      : shown === 0
        ? `${formatNumber(result.total)} documents match; this page is past the last.`
        : `${formatNumber(result.total)} ${result.total === 1 ? "document matches" : "documents match"}; showing ${formatNumber(offset + 1)}–${formatNumber(offset + shown)}.`;
  const sortSelect = h(
    "select",
    { id: "sort", on: { change: () => context.navigate(searchUrl(q, 0, sortSelect.value as SortOrder)) } },
    ...SORTS.map(([value, label]) => {
      const option = h("option", { attrs: { value } }, label);
      option.selected = value === sort;
      return option;
    }),
  );
  const hits = result.hits.map((hit) => {
    const lang = langAttribute(hit.language);
    return h(
      "li",
      { class: "hit" },
      h("h2", { class: "hit-title" }, h("a", { href: `/documents/${hit.id}`, dir: "auto", ...(lang && { lang }) }, hit.title || "(untitled)")),
      h("p", { class: "hit-meta" }, [hit.type, languageName(hit.language), hit.date ? formatIsoDate(hit.date) : undefined].filter(Boolean).join(" · "), " · ", h("span", { class: "path", dir: "ltr" }, hit.path)),
      hit.snippet ? h("p", { class: "snippet", dir: directionOf(hit.language), ...(lang && { lang }) }, snippetNodes(hit.snippet)) : null,
    );
  });
  replace(
    context.main,
    h(
      "div",
      { class: "results-head" },
      heading("Results for ", h("q", { dir: "auto" }, q)),
      h("p", { class: "result-count", attrs: { role: "status" } }, status),
      h("p", { class: "sort" }, h("label", { attrs: { for: "sort" } }, "Sort by "), sortSelect),
      saveSearchForm(q, sort),
    ),
    h(
      "div",
      { class: "search-layout" },
      facetPanel(q, result),
      h(
        "section",
        { class: "results", attrs: { "aria-label": "Hits" } },
        hits.length ? h("ol", { class: "hits", attrs: { start: offset + 1 } }, ...hits) : h("p", {}, result.total === 0 ? "Try fewer words, a prefix (minist*), or OR between spellings." : "Go back to the first page."),
        pager(q, offset, sort, result.total),
      ),
    ),
  );
  return hits;
}

function facetPanel(q: string, result: SearchResult): HTMLElement {
  const panel = h("aside", { class: "facets", attrs: { "aria-label": "Facets: narrow the search" } });
  const facets = result.facets as unknown as Record<string, FacetCount[] | undefined>;
  for (const facet of FACETS) {
    const counts = facets[facet.key] ?? [];
    if (counts.length === 0) continue;
    const item = (count: FacetCount) => {
      const filter = facet.filter(count.value);
      const active = hasFilter(q, filter);
      const rest = withoutFilter(q, filter);
      const label = facet.label?.(count.value) ?? count.value;
      const page = facet.page?.(count);
      return h(
        "li",
        { class: page ? "has-page" : undefined },
        h(
          "a",
          { href: active ? (rest ? searchUrl(rest) : "/") : searchUrl(`${q} ${filter}`), dir: "auto", ...(active && { attrs: { "aria-current": "true" } }), title: active ? `Remove ${filter}` : `Add ${filter}` },
          h("span", { class: "facet-value" }, label),
          " ",
          h("span", { class: "facet-count" }, formatNumber(count.count)),
        ),
        page ? h("a", { href: page.href, class: "facet-page", title: page.label, attrs: { "aria-label": page.label } }, "profile") : null,
      );
    };
    const list = h("ul", {}, ...counts.slice(0, FACET_SHOWN).map(item));
    const more = counts.length > FACET_SHOWN ? h("details", {}, h("summary", {}, `${counts.length - FACET_SHOWN} more`), h("ul", {}, ...counts.slice(FACET_SHOWN).map(item))) : null;
    append(panel, h("section", { class: "facet" }, h("h2", {}, facet.title), list, more));
  }
  return panel;
}

function pager(q: string, offset: number, sort: SortOrder, total: number): HTMLElement | null {
  if (total <= PAGE_SIZE) return null;
  const last = Math.floor((total - 1) / PAGE_SIZE) * PAGE_SIZE;
  const page = Math.floor(offset / PAGE_SIZE) + 1;
  const link = (label: string, target: number, enabled: boolean, rel?: string) =>
    enabled ? h("a", { href: searchUrl(q, target, sort), ...(rel && { attrs: { rel } }) }, label) : h("span", { class: "disabled", attrs: { "aria-disabled": "true" } }, label);
  return h(
    "nav",
    { class: "pager", attrs: { "aria-label": "Pages of results" } },
    link("First", 0, offset > 0),
    link("Previous", Math.max(0, offset - PAGE_SIZE), offset > 0, "prev"),
    h("span", { class: "page-of" }, `Page ${formatNumber(page)} of ${formatNumber(last / PAGE_SIZE + 1)}`),
    link("Next", offset + PAGE_SIZE, offset + PAGE_SIZE < total, "next"),
    link("Last", last, offset < last),
  );
}

/** A malformed query: the API's message, and the query with the fault marked where the parser stopped. */
function queryFailure(q: string, error: unknown): HTMLElement {
  if (!(error instanceof ApiFailure) || error.position === undefined) return failurePanel(error);
  const at = Math.min(Math.max(0, error.position), q.length);
  return h(
    "div",
    { class: "failure", attrs: { role: "alert" } },
    h("p", {}, h("strong", {}, "The query has a mistake: "), error.message, "."),
    h("p", { class: "query-echo", dir: "ltr" }, h("code", {}, q.slice(0, at), h("mark", { class: "fault", title: `position ${at + 1}` }, q.slice(at, at + 1) || " "), q.slice(at + 1))),
    h("p", { class: "failure-code" }, "Error code: ", h("code", {}, error.code), ` · position ${at + 1}`),
  );
}

/** `j`/`k` over the hits: the selected hit's link takes the focus, so Enter opens it. */
function selectable(hits: HTMLElement[], restored: number | undefined): ScreenHandle {
  let selected = -1;
  const select = (index: number) => {
    hits[selected]?.classList.remove("selected");
    selected = index;
    const hit = hits[selected];
    if (!hit) return;
    hit.classList.add("selected");
    hit.querySelector("a")?.focus();
  };
  if (restored !== undefined && restored >= 0 && restored < hits.length) select(restored);
  return {
    move(step) {
      if (hits.length === 0) return;
      const focused = hits.findIndex((hit) => hit.contains(document.activeElement));
      const from = focused >= 0 ? focused : selected;
      select(from < 0 ? (step === 1 ? 0 : hits.length - 1) : Math.min(hits.length - 1, Math.max(0, from + step)));
    },
    selection: () => (selected >= 0 ? selected : undefined),
  };
}

export function searchUrl(q: string, offset = 0, sort: SortOrder = "relevance"): string {
  const params = new URLSearchParams({ q: q.trim() });
  if (offset > 0) params.set("offset", String(offset));
  if (sort !== "relevance") params.set("sort", sort);
  return `/search?${params}`;
}

/** A value as the query language quotes it: `"Abu Karrar al-Tamimi"`. */
export function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, "\\$&")}"`;
}

function hasFilter(q: string, filter: string): boolean {
  return ` ${q} `.includes(` ${filter} `);
}

function withoutFilter(q: string, filter: string): string {
  return ` ${q} `.replace(` ${filter} `, " ").trim();
}

function nonNegative(value: string | null): number {
  const number = Number(value ?? 0);
  return Number.isSafeInteger(number) && number > 0 ? number : 0;
}
