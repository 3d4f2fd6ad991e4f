/**
 * The server's hold on one archive: a long-lived read-only connection for the
 * routes, and a writer opened only while an upload is being ingested, so that
 * the server never keeps the archive locked while idle and a `trove ingest`
 * from the terminal can run beside it.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";

export class ArchiveAccess {
  /** The archive file, absolute. */
  readonly location: string;
  /** True when the archive did not exist and was created empty. */
  readonly created: boolean;
  private readonly readerStore: SqliteStore;

  private constructor(location: string, created: boolean) {
    this.location = location;
    this.created = created;
    this.readerStore = SqliteStore.open(location, { readonly: true });
  }

  /**
   * Opens the archive at `file`, creating an empty one when there is none (so
   * that files can be uploaded into it) and bringing an older one up to the
   * current schema, as any ingest would. An archive that cannot be opened for
   * writing (a read-only copy) is still served for reading.
   */
  static open(file: string): ArchiveAccess {
    const location = path.resolve(file);
    const created = !existsSync(location);
    try {
      SqliteStore.open(location).close();
    } catch (error) {
      if (created) throw error;
    }
    return new ArchiveAccess(location, created);
  }

  /** The folder that holds the archive file, and the uploads beside it. */
  get folder(): string {
    return path.dirname(this.location);
  }

  /** The read-only connection every route reads through; it sees each batch a writer commits. */
  get reader(): SqliteStore {
    return this.readerStore;
  }

  /**
   * A number that changes whenever anything is committed to the archive by
   * another connection: this server's uploads, a `trove ingest` or an entity
   * merge from the terminal. SQLite's `data_version`: one cheap read, where
   * counting rows would cost a scan.
   */
  get version(): number {
    return this.readerStore.database.pragma("data_version", { simple: true }) as number;
  }

  /** A writable connection; the caller closes it when its job is done. */
  openWriter(): SqliteStore {
    return SqliteStore.open(this.location);
  }

  close(): void {
    this.readerStore.close();
  }
}
