import fs from 'node:fs';
import path from 'node:path';
import { CONTRACTS_ROOT, EVENT_CATALOG } from '../src';
import { buildAsyncApiDocument, generateAsyncApiFiles, PRODUCERS } from '../scripts/asyncapi';
import { execFileSync } from 'node:child_process';

// js-yaml comes with json-schema-to-typescript (a root devDependency); resolve it from there.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require(require.resolve('js-yaml', { paths: [path.dirname(require.resolve('json-schema-to-typescript'))] })) as {
  load(text: string): unknown;
};

const REGENERATE = 'run `node tools/run-ts.mjs contracts/scripts/generate-types.ts` and commit the result';

describe('generated TypeScript types', () => {
  it('are up to date with the schemas', () => {
    // Regenerated in memory by the generator itself, in a plain Node process (prettier needs real dynamic import).
    const repoRoot = path.resolve(CONTRACTS_ROOT, '..');
    const output = execFileSync(
      process.execPath,
      ['-r', path.join(repoRoot, 'tools/register-ts.cjs'), path.join(CONTRACTS_ROOT, 'scripts/generate-types.ts'), '--json'],
      { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const expected = JSON.parse(output) as Record<string, string>;
    const generatedDir = path.join(CONTRACTS_ROOT, 'src', 'generated');
    const onDisk = fs.readdirSync(generatedDir).map((f) => `src/generated/${f}`).sort();
    expect({ files: onDisk, hint: REGENERATE }).toEqual({ files: Object.keys(expected).sort(), hint: REGENERATE });
    for (const [relative, content] of Object.entries(expected)) {
      const actual = fs.readFileSync(path.join(CONTRACTS_ROOT, relative), 'utf8');
      if (actual !== content) throw new Error(`contracts/${relative} is out of date: ${REGENERATE}`);
    }
  }, 30000);
});

describe('AsyncAPI documents', () => {
  it('are up to date with topics.json, the schemas and the examples', () => {
    for (const [relative, content] of Object.entries(generateAsyncApiFiles())) {
      const actual = fs.readFileSync(path.join(CONTRACTS_ROOT, relative), 'utf8');
      if (actual !== content) {
        throw new Error(`contracts/${relative} is out of date: run \`node tools/run-ts.mjs contracts/scripts/generate-asyncapi.ts\``);
      }
    }
  });

  it.each(PRODUCERS.map((p) => [p]))('%s.asyncapi.yaml is AsyncAPI 3 YAML whose references resolve', (producer) => {
    const file = path.join(CONTRACTS_ROOT, 'asyncapi', `${producer}.asyncapi.yaml`);
    const parsed = yaml.load(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(parsed).toEqual(buildAsyncApiDocument(producer));
    expect(parsed.asyncapi).toBe('3.0.0');
    const refs: string[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === '$ref') refs.push(v as string);
          else collect(v);
        }
      }
    };
    collect(parsed);
    for (const ref of refs) {
      const [target, pointer] = ref.split('#');
      const document = target ? (target.endsWith('.yaml') ? yaml.load(fs.readFileSync(path.resolve(path.dirname(file), target), 'utf8')) : JSON.parse(fs.readFileSync(path.resolve(path.dirname(file), target), 'utf8'))) : parsed;
      const resolved = (pointer ?? '')
        .split('/')
        .filter(Boolean)
        .reduce<unknown>((node, segment) => (node as Record<string, unknown> | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')], document);
      expect({ ref, resolved: resolved !== undefined }).toEqual({ ref, resolved: true });
    }
  });

  it('documents every event type as a message of its producer', () => {
    for (const descriptor of EVENT_CATALOG) {
      const doc = buildAsyncApiDocument(descriptor.producer) as { components: { messages: Record<string, { name: string }> } };
      expect(Object.values(doc.components.messages).map((m) => m.name)).toContain(descriptor.type);
    }
  });

  it('documents the W3C traceparent header', () => {
    const headers = JSON.parse(fs.readFileSync(path.join(CONTRACTS_ROOT, 'schemas/common/kafka-headers.v1.schema.json'), 'utf8'));
    expect(headers.required).toContain('traceparent');
  });
});
