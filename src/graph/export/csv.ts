/**
 * Two CSV files, `nodes.csv` and `edges.csv`, for spreadsheets, Gephi's
 * spreadsheet import, pandas and R. RFC 4180: a header row, CRLF line ends,
 * fields quoted when they hold a comma, a quote or a line break, quotes
 * doubled. UTF-8 without a byte-order mark, so names in Persian and Arabic
 * script come through as written.
 *
 * Names come from leaked documents, so one may be a spreadsheet formula
 * (`=HYPERLINK(…)`) planted to run when a reporter opens the file: a name
 * that begins like a formula is written with a leading apostrophe, which
 * spreadsheets show as text and other readers keep visible.
 */
import type { NetworkView } from "../../model/network.js";
import type { ExportedFile } from "./write.js";

export const NODE_COLUMNS = ["id", "type", "name", "mentions", "degree", "pagerank", "betweenness", "community"] as const;
export const EDGE_COLUMNS = ["source", "target", "kinds", "relations", "cooccurrences", "weight"] as const;

/** Edge kinds are joined by this in the `kinds` column. */
export const KIND_SEPARATOR = ";";

export function csvFiles(view: NetworkView): ExportedFile[] {
  return [
    { name: "nodes.csv", content: nodesCsv(view) },
    { name: "edges.csv", content: edgesCsv(view) },
  ];
}

export function* nodesCsv(view: NetworkView): Generator<string> {
  yield csvRow(NODE_COLUMNS);
  for (const node of view.nodes) yield csvRow(NODE_COLUMNS.map((column) => (column === "name" ? spreadsheetText(node.name) : node[column])));
}

export function* edgesCsv(view: NetworkView): Generator<string> {
  yield csvRow(EDGE_COLUMNS);
  for (const edge of view.edges) yield csvRow(EDGE_COLUMNS.map((column) => (column === "kinds" ? edge.kinds.join(KIND_SEPARATOR) : edge[column])));
}

/** Text a spreadsheet shows as text, never evaluates. */
export function spreadsheetText(text: string): string {
  return /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
}

export function csvRow(values: ReadonlyArray<string | number>): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
