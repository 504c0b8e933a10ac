import * as fs from 'node:fs';

/** Replaces a small state file so that a crash leaves either the old or the new content, never half. */
export function writeFileAtomically(filePath: string, content: string): void {
  const temporary = `${filePath}.tmp`;
  const fd = fs.openSync(temporary, 'w');
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, filePath);
}

export function readJsonFile<T>(filePath: string, fallback: T): T {
  if (!fs.existsSync(filePath)) return fallback;
  return JSON.parse(fs.readFileSync(filePath, 'utf8')) as T;
}
