import path from 'node:path';

/** Root of the contracts package (holds `schemas/`, `examples/`, `asyncapi/`, `topics.json`). */
export const CONTRACTS_ROOT = path.resolve(__dirname, '..');
export const SCHEMAS_DIR = path.join(CONTRACTS_ROOT, 'schemas');
export const EXAMPLES_DIR = path.join(CONTRACTS_ROOT, 'examples');
export const ASYNCAPI_DIR = path.join(CONTRACTS_ROOT, 'asyncapi');
export const TOPICS_FILE = path.join(CONTRACTS_ROOT, 'topics.json');
