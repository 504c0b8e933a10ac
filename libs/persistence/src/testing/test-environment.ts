// Names of the environment variables through which the test harness finds its servers.

/** External PostgreSQL chosen by the person running the tests; the harness then starts none. */
export const EXTERNAL_PG_URL_ENV = 'PG_URL';
/** Set by the Jest global setup: admin URL of the PostgreSQL it started for the whole run. */
export const TEST_PG_ADMIN_URL_ENV = 'BCCI_TEST_PG_ADMIN_URL';
/** Set by the Jest global setup: bootstrap address (host:port) of the broker it started. */
/** External Kafka chosen by the person running the tests (comma-separated host:port list). */
export const EXTERNAL_KAFKA_BROKERS_ENV = 'KAFKA_BROKERS';
/** Set by the Jest global setup: JSON file with the same facts, for processes that do not inherit env. */
export const TEST_SERVERS_FILE_ENV = 'BCCI_TEST_SERVERS_FILE';

export interface TestServersFile {
  pgAdminUrl: string;
  kafkaBrokers?: string;
}
