/** What the archive holds: totals, and documents by type, language and year, each a way into a search. */
import { api, type CountView, type StatsView } from "../api.js";
import { definitions, h, replace } from "../dom.js";
import { formatBytes, formatNumber, languageName } from "../format.js";
import type { ScreenContext } from "../router.js";
import { failureScreen, heading, isAbort, loading } from "./common.js";
import { searchUrl } from "./search.js";

export async function overviewScreen(context: ScreenContext): Promise<void> {
  context.setTitle("Overview");
  loading(context.main, "the archive's counts");
  let stats: StatsView;
  try {
    stats = await api.stats(context.signal);
  } catch (error) {
    if (isAbort(error)) throw error;
    failureScreen(context.main, "Overview", error);
    return;
  }
  replace(
    context.main,
    heading("Overview"),
    stats.documents === 0 ? h("p", {}, "The archive is empty. ", h("a", { href: "/upload" }, "Add files"), " to begin.") : null,
    h(
      "section",
      { class: "totals", attrs: { "aria-labelledby": "totals-title" } },
      h("h2", { id: "totals-title" }, "The archive"),
      definitions(
        [
          ["Documents", formatNumber(stats.documents)],
          ["Indexed", formatNumber(stats.indexed)],
          ["Exact duplicates", formatNumber(stats.duplicates)],
          ["Originals", formatBytes(stats.originalBytes)],
          ["Text", `${formatNumber(stats.textCharacters)} characters`],
          ["Pages", `${formatNumber(stats.pages)}, ${formatNumber(stats.ocrPages)} read by OCR`],
          ["Problems recorded", formatNumber(stats.problems)],
          ["Ingest runs", `${formatNumber(stats.runs)}${stats.lastIngestAt ? `, the last at ${stats.lastIngestAt}` : ""}`],
          ["Archive file", `${formatBytes(stats.archiveBytes)}, schema ${stats.schemaVersion}`],
        ],
        { class: "fields" },
      ),
    ),
    h(
      "div",
      { class: "breakdowns" },
      breakdown("by-type", "By type", stats.byType, (value) => value, (value) => `type:${value}`),
      breakdown("by-language", "By language", stats.byLanguage, languageName, (value) => `lang:${value}`),
      breakdown("by-year", "By year", stats.byYear, (value) => value, (value) => `date:${value}`),
    ),
  );
}

/** A table of counts with a bar for each, every value a link to the documents it counts. */
function breakdown(id: string, title: string, counts: CountView[], label: (value: string) => string, filter: (value: string) => string): HTMLElement | null {
  if (counts.length === 0) return null;
  const largest = Math.max(...counts.map((count) => count.count));
  return h(
    "section",
    { class: "breakdown", attrs: { "aria-labelledby": id } },
    h("h2", { id }, title),
    h(
      "table",
      { class: "counts" },
      h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, title.replace(/^By /, "").replace(/^./, (first) => first.toUpperCase())), h("th", { attrs: { scope: "col" } }, "Documents"))),
      h(
        "tbody",
        {},
        ...counts.map((count) => {
          const bar = h("span", { class: "bar-fill" });
          // Set through the CSS object model, which the style-src policy allows; no inline style attribute.
          bar.style.width = `${Math.max(1, Math.round((count.count / largest) * 100))}%`;
          return h(
            "tr",
            {},
            h("th", { attrs: { scope: "row" } }, h("a", { href: searchUrl(filter(count.value)) }, label(count.value))),
            h("td", {}, h("span", { class: "count-line" }, h("span", { class: "number" }, formatNumber(count.count)), h("span", { class: "bar-track", attrs: { "aria-hidden": "true" } }, bar))),
          );
        }),
      ),
    ),
  );
}
