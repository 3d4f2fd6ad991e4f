/**
 * What every part of the SQLite store shares: the connection, the store's
 * transaction, and prepared statements kept for reuse, because preparing
 * costs more than running most of them.
 */
import type Database from "better-sqlite3";
import { NotFoundError } from "../../errors.js";

export abstract class SqlitePart {
  private readonly statements = new Map<string, Database.Statement>();

  /** `inTransaction` runs work inside the store's transaction, opening one when none is open. */
  constructor(
    protected readonly database: Database.Database,
    protected readonly inTransaction: <T>(work: () => T) => T,
  ) {}

  protected statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.database.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /** The entity an id lives on as, after merges. */
  protected currentEntity(id: number): number {
    const row = this.statement("SELECT coalesce(merged_into, id) AS id FROM entities WHERE id = ?").get(id) as { id: number } | undefined;
    if (!row) throw new NotFoundError(`no entity with id ${id} in this archive; list them with: trove entities`);
    return row.id;
  }
}
