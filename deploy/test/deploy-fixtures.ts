// What the deploy/ tests compare against: docs/architecture.md §3 (ports, databases, variables), the
// services that exist under services/*, and the YAML files of deploy/ (js-yaml).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { load, loadAll } from 'js-yaml';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface DocumentedService {
  name: string;
  port: number;
  /** Undefined for a service that keeps no state (the table says `none`). */
  database?: string;
}

function architecture(): string {
  return fs.readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf8');
}

/** Rows of the "Ports and environment" table: `| intake | 3001 | \`bcci_intake\` |`, or `| name | port | none (why) |`. */
export function documentedServices(): DocumentedService[] {
  const rows = [...architecture().matchAll(/^\|\s*([a-z][a-z-]*)\s*\|\s*(\d{4,5})\s*\|\s*(?:`(bcci_[a-z_]+)`|none\b[^|]*)\s*\|\s*$/gm)];
  return rows.map((m) => ({ name: m[1], port: Number(m[2]), ...(m[3] ? { database: m[3] } : {}) }));
}

/** The databases of the documented services that keep state. */
export function documentedDatabases(): string[] {
  return documentedServices().flatMap((s) => (s.database ? [s.database] : []));
}

/**
 * The variables a service may be given: those every service reads (the table under "Every service reads
 * only these variables") and, with a service name, that service's own row of the table after it.
 */
export function documentedVariables(service?: string): string[] {
  const text = architecture();
  const start = text.indexOf('Every service reads only these variables');
  const table = text.slice(start, text.indexOf('### HTTP conventions', start));
  const common = [...table.matchAll(/^\|\s*`([A-Z_]+)`\s*\|/gm)].map((m) => m[1]);
  const ownRow = service ? new RegExp(`^\\|\\s*${service}\\s*\\|([^\\n]*)$`, 'm').exec(table)?.[1] : undefined;
  return [...common, ...[...(ownRow ?? '').matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1])];
}

/** Services that exist: directories of services/ with a package.json. */
export function existingServices(): string[] {
  const base = path.join(ROOT, 'services');
  if (!fs.existsSync(base)) return [];
  return fs
    .readdirSync(base, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(base, e.name, 'package.json')))
    .map((e) => e.name)
    .sort();
}

export function readText(relative: string): string {
  return fs.readFileSync(path.join(ROOT, relative), 'utf8');
}

/** YAML merge keys (`<<: *anchor`) as Compose applies them; js-yaml's default schema keeps them as keys. */
export function applyMergeKeys(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(applyMergeKeys);
  if (node === null || typeof node !== 'object') return node;
  const source = node as Record<string, unknown>;
  const merged: Record<string, unknown> = {};
  const bases = source['<<'] === undefined ? [] : Array.isArray(source['<<']) ? source['<<'] : [source['<<']];
  for (const base of bases) Object.assign(merged, applyMergeKeys(base) as Record<string, unknown>);
  for (const [key, value] of Object.entries(source)) if (key !== '<<') merged[key] = applyMergeKeys(value);
  return merged;
}

export function loadYaml<T = unknown>(relative: string): T {
  return applyMergeKeys(load(readText(relative))) as T;
}

export function loadYamlDocuments<T = unknown>(relative: string): T[] {
  return (loadAll(readText(relative)) as unknown[]).filter((d) => d !== null && d !== undefined).map((d) => applyMergeKeys(d) as T);
}

/** Every YAML file under a folder of the repository, relative paths. */
export function yamlFiles(relativeDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) files.push(path.relative(ROOT, full));
    }
  };
  walk(path.join(ROOT, relativeDir));
  return files.sort();
}

/** Runs one of deploy/scripts with Node, as an operator would. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'deploy', 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The databases created by a PostgreSQL init script: `for database in bcci_a bcci_b; do`. */
export function databasesOfInitScript(script: string): string[] {
  const match = /for database in ([a-z_ ]+); do/.exec(script);
  return match ? match[1].trim().split(/\s+/) : [];
}
