// Writes contracts/asyncapi/<service>.asyncapi.yaml from topics.json, the schemas and the examples.
// Usage (from the repository root): node tools/run-ts.mjs contracts/scripts/generate-asyncapi.ts
import fs from 'node:fs';
import path from 'node:path';
import { CONTRACTS_ROOT } from '../src/paths';
import { generateAsyncApiFiles } from './asyncapi';

for (const [relative, content] of Object.entries(generateAsyncApiFiles())) {
  fs.mkdirSync(path.dirname(path.join(CONTRACTS_ROOT, relative)), { recursive: true });
  fs.writeFileSync(path.join(CONTRACTS_ROOT, relative), content);
  console.log(`wrote contracts/${relative}`);
}
