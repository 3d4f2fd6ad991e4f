/**
 * The server's hold on one archive: a long-lived read-only connection for the
 * routes, and a writer opened only while an upload is being ingested, so that
 * the server never keeps the archive locked while idle and a `trove ingest`
 * from the terminal can run beside it. Users, sessions and the audit trail
 * are written through a connection of their own: each of its writes is one
 * short transaction, so it holds no lock between them either.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Context } from "hono";
import { ArchiveError } from "../errors.js";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";

export class ArchiveAccess {
  /** The archive file, absolute. */
  readonly location: string;
  /** True when the archive did not exist and was created empty. */
  readonly created: boolean;
  private readonly readerStore: SqliteStore;
  /** Absent when the archive cannot be written (a read-only copy). */
  private readonly accessStore: SqliteStore | undefined;

  private constructor(location: string, created: boolean, accessStore: SqliteStore | undefined) {
    this.location = location;
    this.created = created;
    this.accessStore = accessStore;
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
    let accessStore: SqliteStore | undefined;
    try {
      accessStore = SqliteStore.open(location);
    } catch (error) {
      if (created) throw error;
    }
    return new ArchiveAccess(location, created, accessStore);
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

  /**
   * The store that users, sessions and the audit trail are read and written
   * through; on a read-only copy, the reader (which then refuses every write).
   */
  get access(): SqliteStore {
    return this.accessStore ?? this.readerStore;
  }

  /**
   * Records what the request did in the audit trail, as the signed-in user
   * (or, on an open workbench, the login that runs the server) from the
   * client's address. Any route that reads or changes something sensitive
   * calls it: `archive.audit(c, "redaction", String(id), { status })`.
   * An open workbench on a read-only copy keeps no trail, since nothing can
   * be written; a shared one refuses the request rather than go unrecorded.
   */
  audit(c: Context, action: string, target: string, detail: Record<string, unknown> | null = null): void {
    const { actor, from, mode } = c.get("identity");
    if (!this.accessStore) {
      if (mode === "open") return;
      throw new ArchiveError("the archive is read-only here, so this request cannot be recorded in its audit trail");
    }
    this.accessStore.users.appendAudit({ at: new Date().toISOString(), actor, action, target, detail, from });
  }

  close(): void {
    this.accessStore?.close();
    this.readerStore.close();
  }
}
