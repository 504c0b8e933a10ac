import fs from 'node:fs';
import path from 'node:path';
import { SCHEMAS_DIR } from './paths';

/** Base of every schema `$id` and of the CloudEvents `dataschema` attribute. An identifier, never fetched. */
export const SCHEMA_BASE_URI = 'https://contracts.bcci.example/schemas/';
export const ENVELOPE_SCHEMA_ID = `${SCHEMA_BASE_URI}common/envelope.v1.schema.json`;
export const DEFINITIONS_SCHEMA_ID = `${SCHEMA_BASE_URI}common/definitions.v1.schema.json`;
export const KAFKA_HEADERS_SCHEMA_ID = `${SCHEMA_BASE_URI}common/kafka-headers.v1.schema.json`;
export const DEAD_LETTER_HEADERS_SCHEMA_ID = `${SCHEMA_BASE_URI}common/dead-letter-headers.v1.schema.json`;

export type JsonSchema = { $id: string; title?: string; [keyword: string]: unknown };

export interface SchemaFile {
  /** `$id` of the schema. */
  id: string;
  /** Path relative to `contracts/schemas`, with forward slashes, e.g. `intake/dossier-registered.v1.schema.json`. */
  relativePath: string;
  schema: JsonSchema;
}

let cache: SchemaFile[] | undefined;

/** Every JSON Schema under `contracts/schemas`, sorted by path. Read once per process. */
export function loadSchemaFiles(): SchemaFile[] {
  if (!cache) cache = readSchemaFiles(SCHEMAS_DIR);
  return cache;
}

export function readSchemaFiles(dir: string): SchemaFile[] {
  const files: SchemaFile[] = [];
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.schema.json')) {
        const relativePath = path.relative(dir, full).split(path.sep).join('/');
        const schema = JSON.parse(fs.readFileSync(full, 'utf8')) as JsonSchema;
        const expectedId = SCHEMA_BASE_URI + relativePath;
        if (schema.$id !== expectedId) {
          throw new Error(`schema ${relativePath} has $id ${String(schema.$id)}, expected ${expectedId}`);
        }
        files.push({ id: schema.$id, relativePath, schema });
      }
    }
  };
  walk(dir);
  return files;
}

/** `dataschema` URI of an event type, e.g. `bcci.intake.dossier-registered.v1` → `…/intake/dossier-registered.v1.schema.json`. */
export function dataSchemaUriFor(eventType: string): string {
  const match = /^bcci\.([a-z][a-z-]*)\.([a-z][a-z-]*)\.(v[1-9][0-9]*)$/.exec(eventType);
  if (!match) throw new Error(`not a BCCI event type: ${eventType}`);
  const [, producer, name, version] = match;
  return `${SCHEMA_BASE_URI}${producer}/${name}.${version}.schema.json`;
}
