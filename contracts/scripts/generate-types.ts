// Writes contracts/src/generated/*.ts from the JSON Schemas and topics.json.
// Usage (from the repository root): node tools/run-ts.mjs contracts/scripts/generate-types.ts [--check | --json]
//   --check  writes nothing, exits 1 listing the files that are out of date
//   --json   writes nothing, prints { "<path relative to contracts/>": "<content>" } (used by the contract test,
//            since prettier, which formats the output, cannot be loaded inside Jest's module sandbox)
import fs from 'node:fs';
import path from 'node:path';
import { CONTRACTS_ROOT } from '../src/paths';
import { generateTypeFiles } from './codegen';

const GENERATED_DIR = path.join(CONTRACTS_ROOT, 'src', 'generated');

function outOfDate(files: Record<string, string>): string[] {
  const stale = Object.entries(files)
    .filter(([relative, content]) => {
      const file = path.join(CONTRACTS_ROOT, relative);
      return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== content;
    })
    .map(([relative]) => relative);
  const extra = fs.readdirSync(GENERATED_DIR).map((f) => `src/generated/${f}`).filter((f) => !(f in files));
  return [...stale, ...extra];
}

async function main(): Promise<void> {
  const files = await generateTypeFiles();
  const mode = process.argv[2];
  if (mode === '--json') {
    process.stdout.write(JSON.stringify(files));
    return;
  }
  if (mode === '--check') {
    const stale = outOfDate(files);
    if (stale.length) {
      console.error(`out of date: ${stale.map((f) => `contracts/${f}`).join(', ')}`);
      process.exit(1);
    }
    console.log('contracts/src/generated is up to date');
    return;
  }
  fs.mkdirSync(GENERATED_DIR, { recursive: true });
  for (const existing of fs.readdirSync(GENERATED_DIR)) {
    if (!(`src/generated/${existing}` in files)) fs.rmSync(path.join(GENERATED_DIR, existing));
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
