import fs from 'node:fs';
import path from 'node:path';
import { EXAMPLES_DIR } from '../src/paths';

export interface ExampleFile {
  relativePath: string;
  event: Record<string, unknown> & { type: string; data: Record<string, unknown> };
}

export function loadExamples(): ExampleFile[] {
  const out: ExampleFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.example.json')) {
        out.push({ relativePath: path.relative(EXAMPLES_DIR, full).split(path.sep).join('/'), event: JSON.parse(fs.readFileSync(full, 'utf8')) });
      }
    }
  };
  walk(EXAMPLES_DIR);
  return out.sort((a, b) => a.relativePath.localeCompare(b.relativePath));
}

/** A deep copy of an example of the given type. */
export function exampleOf(type: string): ExampleFile['event'] {
  const found = loadExamples().find((e) => e.event.type === type);
  if (!found) throw new Error(`no example for ${type}`);
  return structuredClone(found.event);
}
