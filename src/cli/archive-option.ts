/** The `--archive` option every command shares, and opening the archive it names. */
import { Option } from "commander";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";

export const DEFAULT_ARCHIVE = "./trove-data/archive.db";

export function archiveOption(): Option {
  return new Option("-a, --archive <file>", "the archive file (SQLite)").env("TROVE_ARCHIVE").default(DEFAULT_ARCHIVE);
}

export function openArchiveForReading(file: string): SqliteStore {
  return SqliteStore.open(file, { readonly: true });
}
