/**
 * One call for every export format: which writer makes it, and whether it is
 * one file or a directory of files.
 */
import type { NetworkView } from "../../model/network.js";
import { csvFiles } from "./csv.js";
import { ftmLines, type FtmSource } from "./ftm.js";
import { gexf } from "./gexf.js";
import { graphml } from "./graphml.js";
import { neo4jFiles } from "./neo4j.js";
import { writeDirectoryAtomically, writeFileAtomically } from "./write.js";

export type ExportFormat = "gexf" | "graphml" | "csv" | "ftm" | "neo4j";

export const EXPORT_FORMATS: readonly ExportFormat[] = ["gexf", "graphml", "csv", "ftm", "neo4j"];

/** Formats whose `out` is a directory of several files. */
export const DIRECTORY_FORMATS: ReadonlySet<ExportFormat> = new Set(["csv", "neo4j"]);

/** What an export draws on: the view, and for FtM the relations (read only by that format) and their documents. */
export type ExportSource = FtmSource & { view: NetworkView };

/**
 * Writes the export to `out`, a file for GEXF, GraphML and FtM, a directory
 * (created if needed) for CSV and Neo4j; nothing is left half-written if it fails.
 *
 * @example
 * exportNetwork("gexf", { view: networkView(network), relations: [], document: () => ({ title: "", fileName: "" }) }, "network.gexf");
 */
export function exportNetwork(format: ExportFormat, source: ExportSource, out: string): void {
  switch (format) {
    case "gexf":
      return writeFileAtomically(out, gexf(source.view));
    case "graphml":
      return writeFileAtomically(out, graphml(source.view));
    case "ftm":
      return writeFileAtomically(out, ftmLines(source));
    case "csv":
      return writeDirectoryAtomically(out, csvFiles(source.view));
    case "neo4j":
      return writeDirectoryAtomically(out, neo4jFiles(source.view));
  }
}
