import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from "kysely";

/**
 * SQLite can roll back DDL, but Kysely's adapter says it cannot, so its Migrator would run each migration outside a
 * transaction and a crash mid-migration would leave half a schema. Claiming support makes a migration all-or-nothing.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * Every transaction here writes. A plain BEGIN takes the write lock only at the first write, and when another
 * process committed in between SQLite fails at once with SQLITE_BUSY instead of waiting; BEGIN IMMEDIATE takes the
 * lock up front and waits for it (busy timeout), so two processes writing or migrating one file queue up instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

/** Kysely's SQLite dialect with atomic migrations and write-locking transactions. */
export class ParallaxSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
