// Generates the TypeScript types of `contracts/src/generated/` from the JSON Schemas, in memory.
// `generate-types.ts` writes the result; the contract test regenerates it and compares.
import { compile } from 'json-schema-to-typescript';
import { DEFINITIONS_SCHEMA_ID, loadSchemaFiles, type JsonSchema, type SchemaFile } from '../src/schemas';
import { TOPICS, TOPIC_PATTERNS } from '../src/topics';

const BANNER = [
  '/* eslint-disable */',
  '// GENERATED FILE: do not edit. Source: contracts/schemas (JSON Schema 2020-12).',
  '// Regenerate with `node tools/run-ts.mjs contracts/scripts/generate-types.ts`.',
].join('\n');

const OPTIONS = {
  bannerComment: '',
  additionalProperties: false,
  declareExternallyReferenced: true,
  unreachableDefinitions: false,
  strictIndexSignatures: true,
  unknownAny: true,
  format: true,
  style: { singleQuote: true, printWidth: 120, trailingComma: 'all' as const },
};

/** Keywords that only constrain values at runtime and would produce awkward types. */
const RUNTIME_ONLY = new Set(['if', 'then', 'else', 'dependentRequired', '$schema', '$id', 'examples']);
const DEFINITION_REF = /^(?:\.\.\/common\/definitions\.v1\.schema\.json|https:\/\/contracts\.bcci\.example\/schemas\/common\/definitions\.v1\.schema\.json)#\/\$defs\/([A-Za-z0-9]+)$/;

/**
 * Replaces each `$ref` to a shared definition by a named TypeScript type (`tsType`), keeping the
 * property's own description, so that every shared type is declared once in `common.ts`.
 */
function toCodegenSchema(node: unknown, used: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((item) => toCodegenSchema(item, used));
  if (!node || typeof node !== 'object') return node;
  const source = node as Record<string, unknown>;
  if (typeof source.$ref === 'string') {
    const match = DEFINITION_REF.exec(source.$ref);
    if (!match) throw new Error(`unsupported $ref ${source.$ref}: refer to common/definitions.v1.schema.json#/$defs/<Name>`);
    used.add(match[1]);
    return { tsType: match[1], ...(typeof source.description === 'string' ? { description: source.description } : {}) };
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (RUNTIME_ONLY.has(key)) continue;
    if (key === 'allOf' && Array.isArray(value) && value.every((s) => isConditionalOnly(s))) continue;
    if (key === 'properties' || key === '$defs') {
      out[key] = Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, toCodegenSchema(v, used)]));
    } else {
      out[key] = toCodegenSchema(value, used);
    }
  }
  return out;
}

function isConditionalOnly(schema: unknown): boolean {
  return !!schema && typeof schema === 'object' && Object.keys(schema).every((k) => k === 'if' || k === 'then' || k === 'else');
}

async function compileOne(schema: unknown, name: string): Promise<string> {
  return (await compile(schema as Parameters<typeof compile>[0], name, OPTIONS)).trim();
}

function importStatement(names: Iterable<string>, from: string): string {
  const sorted = [...names].sort();
  const oneLine = `import type { ${sorted.join(', ')} } from '${from}';`;
  if (oneLine.length <= 120) return oneLine;
  return `import type {\n${sorted.map((n) => `  ${n},`).join('\n')}\n} from '${from}';`;
}

function importLine(names: Set<string>, from: string): string {
  return names.size ? `${importStatement(names, from)}\n\n` : '';
}

/** json-schema-to-typescript declares a titled sub-schema where it meets it: a title used twice means two declarations. */
function assertUniqueDeclarations(files: Record<string, string>): void {
  const seen = new Map<string, string>();
  for (const [file, content] of Object.entries(files)) {
    for (const match of content.matchAll(/^export (?:interface|type|const) ([A-Za-z0-9_]+)/gm)) {
      const previous = seen.get(match[1]);
      if (previous) throw new Error(`type ${match[1]} is declared in ${previous} and ${file}: move it to common/definitions.v1.schema.json`);
      seen.set(match[1], file);
    }
  }
}

function pascal(kebab: string): string {
  return kebab.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}

interface EventSchemaInfo {
  type: string;
  producer: string;
  name: string;
  constantName: string;
  dataTypeName: string;
  file: SchemaFile;
}

/** Event schemas are every schema outside `common/`, mapped to their event type. */
export function eventSchemas(): EventSchemaInfo[] {
  return loadSchemaFiles()
    .filter((f) => !f.relativePath.startsWith('common/'))
    .map((file) => {
      const match = /^([a-z-]+)\/([a-z-]+)\.(v[1-9][0-9]*)\.schema\.json$/.exec(file.relativePath);
      if (!match) throw new Error(`bad schema file name ${file.relativePath}: <producer>/<event-name>.v<major>.schema.json`);
      const [, producer, name, version] = match;
      if (!file.schema.title) throw new Error(`schema ${file.relativePath} needs a title (the generated type name)`);
      const suffix = version === 'v1' ? '' : version.toUpperCase();
      return {
        type: `bcci.${producer}.${name}.${version}`,
        producer,
        name,
        constantName: pascal(name) + suffix,
        dataTypeName: file.schema.title,
        file,
      };
    });
}

export async function generateTypeFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const schemas = loadSchemaFiles();

  // common.ts: one declaration per shared definition.
  const definitions = schemas.find((s) => s.id === DEFINITIONS_SCHEMA_ID);
  if (!definitions) throw new Error('common/definitions.v1.schema.json is missing');
  const defs = definitions.schema.$defs as Record<string, JsonSchema>;
  const commonParts: string[] = [];
  for (const name of Object.keys(defs).sort()) {
    const used = new Set<string>();
    const schema = toCodegenSchema({ ...defs[name], title: name }, used);
    commonParts.push(await compileOne(schema, name));
  }
  files['src/generated/common.ts'] = `${BANNER}\n\n${commonParts.join('\n\n')}\n`;

  // envelope.ts: the CloudEvents envelope and the Kafka headers.
  const envelopeParts: string[] = [];
  for (const relativePath of ['common/envelope.v1.schema.json', 'common/kafka-headers.v1.schema.json', 'common/dead-letter-headers.v1.schema.json']) {
    const file = schemas.find((s) => s.relativePath === relativePath);
    if (!file) throw new Error(`${relativePath} is missing`);
    envelopeParts.push(await compileOne(toCodegenSchema(file.schema, new Set()), file.schema.title ?? relativePath));
  }
  files['src/generated/envelope.ts'] = `${BANNER}\n\n${envelopeParts.join('\n\n')}\n`;

  // <producer>.ts: the data of each event.
  const events = eventSchemas();
  for (const producer of [...new Set(events.map((e) => e.producer))].sort()) {
    const used = new Set<string>();
    const parts: string[] = [];
    for (const event of events.filter((e) => e.producer === producer).sort((a, b) => a.name.localeCompare(b.name))) {
      parts.push(await compileOne(toCodegenSchema(event.file.schema, used), event.dataTypeName));
    }
    files[`src/generated/${producer}.ts`] = `${BANNER}\n\n${importLine(used, './common')}${parts.join('\n\n')}\n`;
  }

  files['src/generated/event-types.ts'] = eventTypesFile(events);
  assertUniqueDeclarations(files);
  return files;
}

function eventTypesFile(events: EventSchemaInfo[]): string {
  const byType = [...events].sort((a, b) => a.type.localeCompare(b.type));
  const lines: string[] = [BANNER, ''];
  for (const producer of [...new Set(byType.map((e) => e.producer))].sort()) {
    const names = byType.filter((e) => e.producer === producer).map((e) => e.dataTypeName);
    lines.push(importStatement(names, `./${producer}`));
  }
  lines.push('', '/** Every event type of BCCI Channel, by name. */', 'export const EventType = {');
  for (const e of byType) lines.push(`  ${e.constantName}: '${e.type}',`);
  lines.push('} as const;', '', 'export type EventTypeName = (typeof EventType)[keyof typeof EventType];', '');
  lines.push('/** The `data` type of each event type. */', 'export interface EventDataMap {');
  for (const e of byType) lines.push(`  '${e.type}': ${e.dataTypeName};`);
  lines.push('}', '');
  lines.push('/** Producer (CloudEvents `source` = `/bcci/<producer>`) and Kafka topic of each event type. */');
  lines.push('export const EVENT_ROUTES = {');
  for (const e of byType) {
    const topic = TOPICS.find((t) => t.eventTypes.includes(e.type));
    if (!topic) throw new Error(`event type ${e.type} has a schema but no topic in topics.json`);
    const agencyTopic = TOPIC_PATTERNS.some((p) => p.eventTypes.includes(e.type));
    lines.push(`  '${e.type}': { producer: '${e.producer}', topic: '${topic.name}', alsoOnAgencyTopic: ${agencyTopic} },`);
  }
  lines.push('} as const;', '');
  return lines.join('\n');
}
