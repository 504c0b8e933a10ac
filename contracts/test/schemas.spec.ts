import { contractsAjv, ENVELOPE_SCHEMA_ID, loadSchemaFiles } from '../src';

/** Property names that would carry personal data in clear (architecture.md §2.6). */
const PERSONAL_DATA_NAMES = /^(?:citizen(?:id|number)?|cccd|cmnd|idnumber|identitynumber|passport(?:number)?|(?:full|first|last|given|family)?name|phone(?:number)?|mobile|email|address|street|birth(?:date|day)?|dateofbirth|dob)$/i;

function walk(node: unknown, visit: (schema: Record<string, unknown>, pointer: string) => void, pointer = ''): void {
  if (Array.isArray(node)) node.forEach((item, i) => walk(item, visit, `${pointer}/${i}`));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>, pointer);
    for (const [k, v] of Object.entries(node)) walk(v, visit, `${pointer}/${k}`);
  }
}

describe('JSON Schemas', () => {
  const files = loadSchemaFiles();

  it('are all present: envelope, definitions, headers and one schema per event', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files.map((f) => f.id)).toContain(ENVELOPE_SCHEMA_ID);
  });

  it.each(files.map((f) => [f.relativePath, f]))('%s compiles under draft 2020-12 in strict mode', (_, file) => {
    expect(file.schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const validate = contractsAjv().getSchema(file.id);
    expect(typeof validate).toBe('function');
  });

  it('close every object: additionalProperties false (except Kafka header maps)', () => {
    const open: string[] = [];
    for (const file of files.filter((f) => !f.relativePath.includes('headers'))) {
      walk(file.schema, (schema, pointer) => {
        if (schema.type === 'object' && schema.additionalProperties !== false && pointer !== '/properties/data') {
          open.push(`${file.relativePath}#${pointer}`);
        }
      });
    }
    expect(open).toEqual([]);
  });

  it('declare no property that names personal data', () => {
    const offending: string[] = [];
    for (const file of files) {
      walk(file.schema, (schema, pointer) => {
        if (schema.properties && typeof schema.properties === 'object') {
          for (const name of Object.keys(schema.properties)) {
            if (PERSONAL_DATA_NAMES.test(name)) offending.push(`${file.relativePath}#${pointer}/properties/${name}`);
          }
        }
      });
    }
    expect(offending).toEqual([]);
  });

  it('give every event schema a title (the generated type name) and a description', () => {
    const missing = files
      .filter((f) => !f.relativePath.startsWith('common/'))
      .filter((f) => typeof f.schema.title !== 'string' || typeof f.schema.description !== 'string')
      .map((f) => f.relativePath);
    expect(missing).toEqual([]);
  });

  it('use integer VND amounts only', () => {
    const definitions = files.find((f) => f.relativePath === 'common/definitions.v1.schema.json')!;
    const vnd = (definitions.schema.$defs as Record<string, Record<string, unknown>>).Vnd;
    expect(vnd.type).toBe('integer');
    expect(vnd.minimum).toBe(0);
  });
});
