// Writes contracts/src/generated/*.ts from the JSON Schemas and topics.json.
// Usage (from the repository root): node tools/run-ts.mjs contracts/scripts/generate-types.ts
import fs from 'node:fs';
import path from 'node:path';
import { CONTRACTS_ROOT } from '../src/paths';
import { generateTypeFiles } from './codegen';

async function main(): Promise<void> {
  const files = await generateTypeFiles();
  const generatedDir = path.join(CONTRACTS_ROOT, 'src', 'generated');
  for (const existing of fs.readdirSync(generatedDir)) {
    if (!(`src/generated/${existing}` in files)) fs.rmSync(path.join(generatedDir, existing));
  }
  for (const [relative, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(CONTRACTS_ROOT, relative), content);
    console.log(`wrote contracts/${relative}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
