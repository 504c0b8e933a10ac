// @bcci/contracts: the event contracts of BCCI Channel (schemas, topics, generated types, validation).
export * from './generated/common';
export * from './generated/envelope';
export * from './generated/intake';
export * from './generated/digitization';
export * from './generated/forwarding';
export * from './generated/agency-gateway';
export * from './generated/returns';
export * from './generated/tracking';
export * from './generated/event-types';
export * from './envelope';
export * from './catalog';
export * from './topics';
export * from './validation';
export * from './build-event';
export {
  SCHEMA_BASE_URI,
  ENVELOPE_SCHEMA_ID,
  DEFINITIONS_SCHEMA_ID,
  KAFKA_HEADERS_SCHEMA_ID,
  DEAD_LETTER_HEADERS_SCHEMA_ID,
  dataSchemaUriFor,
  loadSchemaFiles,
  type SchemaFile,
  type JsonSchema,
} from './schemas';
export { CONTRACTS_ROOT, SCHEMAS_DIR, EXAMPLES_DIR, ASYNCAPI_DIR, TOPICS_FILE } from './paths';
