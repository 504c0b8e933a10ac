export { startEmbeddedPostgres, DEFAULT_POSTGRES_HOME, type EmbeddedPostgresOptions, type EmbeddedPostgresHandle } from './embedded/start-embedded-postgres';
export { assertOwnCluster, removeCluster } from './embedded/cluster-location';
export { EmbeddedPostgresSetupError } from './embedded/server-account';
export { findFreePort, findFreePorts } from './embedded/free-port';
export { ensureDatabase, dropDatabase } from './database/ensure-database';
export { withAdminClient } from './database/admin-client';
export { withDatabase, databaseOf } from './database/database-url';
export { createServiceDataSource, type ServiceDataSourceConfig } from './data-source/create-service-data-source';
export { runMigrations } from './data-source/run-migrations';
export { combineWritableStatements, type SqlStatement } from './sql/sql-statement';
export { entitiesFromJson } from './sql/entities-from-json';
export { changedColumns } from './sql/changed-columns';
export { transactionWithRetry, isRetryableTransactionError, type TransactionRetryOptions } from './transaction/transaction-with-retry';
export { GroupCommit, type GroupCommitOptions, type ItemOutcome } from './group-commit/group-commit';
// Test harness (no Jest import, so it is safe in this entry point).
export { createTestDatabase, type TestDatabase } from './testing/create-test-database';
export { acquireTestPostgres, startThrowawayPostgres, type TestPostgresLease } from './testing/test-postgres';
export * from './testing/test-environment';
export { acquireTestKafka, startTestBroker, type TestKafkaLease } from './testing/test-kafka';
