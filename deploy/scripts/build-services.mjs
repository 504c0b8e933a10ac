#!/usr/bin/env node
// Compiles every service under services/* and the workspace packages they import (transitively) from
// TypeScript to CommonJS with the root .swcrc, into dist/ with the same relative paths, so that the
// production image runs plain JavaScript (no require hook, no TypeScript at runtime).
//
//   node deploy/scripts/build-services.mjs [--out dist] [--service intake ...]
//
// Workspace packages point their "main"/"exports" at src/index.ts, so the npm workspace links cannot
// serve compiled code as they are. The build therefore writes, next to each compiled package, a
// package.json whose entry points are the .js files, and under dist/node_modules/@bcci/<name> a small
// package that re-exports it: Node's resolution from anywhere in dist/ finds dist/node_modules first.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFileSync } from '@swc/core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SKIPPED_SOURCE = /\.(spec|int-spec|e2e-spec|d)\.ts$/;
// Data read at runtime from outside src/ (paths relative to the package directory).
const PACKAGE_DATA = { '@bcci/contracts': ['schemas', 'topics.json'], '@bcci/catalog': ['data'] };

function parseArgs(argv) {
  const options = { out: path.join(ROOT, 'dist'), services: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') options.out = path.resolve(argv[++i]);
    else if (argv[i] === '--service') options.services.push(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]} (usage: build-services.mjs [--out dir] [--service name ...])`);
  }
  return options;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** name → { name, dir (relative to ROOT), isService } for every workspace package with a src/ folder. */
function workspacePackages() {
  const dirs = ['contracts'];
  for (const group of ['libs', 'services']) {
    const base = path.join(ROOT, group);
    if (!fs.existsSync(base)) continue;
    for (const entry of fs.readdirSync(base, { withFileTypes: true })) {
      if (entry.isDirectory()) dirs.push(`${group}/${entry.name}`);
    }
  }
  const packages = new Map();
  for (const dir of dirs) {
    const manifest = path.join(ROOT, dir, 'package.json');
    if (!fs.existsSync(manifest) || !fs.existsSync(path.join(ROOT, dir, 'src'))) continue;
    const { name } = readJson(manifest);
    packages.set(name, { name, dir, isService: dir.startsWith('services/') });
  }
  return packages;
}

function sourceFiles(dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else files.push(full);
  }
  return files;
}

const IMPORT = /(?:from\s+|require\(\s*|import\(\s*)['"](@bcci\/[a-z0-9-]+)['"]/g;

function importedPackages(pkg) {
  const found = new Set();
  for (const file of sourceFiles(path.join(ROOT, pkg.dir, 'src'))) {
    if (!file.endsWith('.ts') || SKIPPED_SOURCE.test(file)) continue;
    for (const match of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) found.add(match[1]);
  }
  return found;
}

/** The services asked for (default: all) and every package they reach through @bcci/* imports. */
function closure(packages, serviceNames) {
  const services = [...packages.values()].filter((p) => p.isService);
  const roots = serviceNames.length ? services.filter((s) => serviceNames.includes(s.dir.slice('services/'.length))) : services;
  for (const wanted of serviceNames) {
    if (!roots.some((s) => s.dir === `services/${wanted}`)) throw new Error(`no service services/${wanted}`);
  }
  const selected = new Map();
  const queue = [...roots];
  while (queue.length) {
    const pkg = queue.shift();
    if (selected.has(pkg.name)) continue;
    selected.set(pkg.name, pkg);
    for (const name of importedPackages(pkg)) {
      const dependency = packages.get(name);
      if (!dependency) throw new Error(`${pkg.name} imports ${name}, which is not a workspace package`);
      if (dependency.isService) throw new Error(`${pkg.name} imports the service ${name}: services never import services`);
      queue.push(dependency);
    }
  }
  return [...selected.values()];
}

function swcOptions() {
  const options = readJson(path.join(ROOT, '.swcrc'));
  delete options.$schema;
  return options;
}

function copy(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.cpSync(from, to, { recursive: true });
}

function compilePackage(pkg, out, options) {
  let compiled = 0;
  for (const file of sourceFiles(path.join(ROOT, pkg.dir, 'src'))) {
    const relative = path.relative(ROOT, file);
    if (file.endsWith('.ts')) {
      if (SKIPPED_SOURCE.test(file)) continue;
      const { code } = transformFileSync(file, { ...options, swcrc: false, filename: file, sourceFileName: relative });
      const target = path.join(out, relative.replace(/\.ts$/, '.js'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, code);
      compiled++;
    } else {
      // JSON data imported by the sources, runner scripts (.mjs) and other assets next to the code.
      copy(file, path.join(out, relative));
    }
  }
  for (const data of PACKAGE_DATA[pkg.name] ?? []) {
    const from = path.join(ROOT, pkg.dir, data);
    if (fs.existsSync(from)) copy(from, path.join(out, pkg.dir, data));
  }
  for (const data of ['data', 'assets']) {
    const from = path.join(ROOT, pkg.dir, data);
    if (!PACKAGE_DATA[pkg.name] && fs.existsSync(from)) copy(from, path.join(out, pkg.dir, data));
  }
  writeManifests(pkg, out);
  return compiled;
}

function writeManifests(pkg, out) {
  const manifest = readJson(path.join(ROOT, pkg.dir, 'package.json'));
  const entry = pkg.isService ? './src/main.js' : './src/index.js';
  const compiledManifest = { name: manifest.name, version: manifest.version, private: true, main: entry };
  if (!pkg.isService) compiledManifest.exports = { '.': entry };
  fs.writeFileSync(path.join(out, pkg.dir, 'package.json'), `${JSON.stringify(compiledManifest, null, 2)}\n`);
  if (pkg.isService) return;
  const shim = path.join(out, 'node_modules', pkg.name);
  fs.mkdirSync(shim, { recursive: true });
  const target = path.relative(shim, path.join(out, pkg.dir, 'src', 'index.js')).split(path.sep).join('/');
  fs.writeFileSync(path.join(shim, 'package.json'), `${JSON.stringify({ name: pkg.name, private: true, main: 'index.js' }, null, 2)}\n`);
  fs.writeFileSync(path.join(shim, 'index.js'), `// Generated by deploy/scripts/build-services.mjs.\nmodule.exports = require('${target}');\n`);
}

function main() {
  const { out, services } = parseArgs(process.argv.slice(2));
  const packages = closure(workspacePackages(), services);
  if (!packages.some((p) => p.isService)) throw new Error('no service to build under services/*');
  fs.rmSync(out, { recursive: true, force: true });
  const options = swcOptions();
  for (const pkg of packages) {
    const count = compilePackage(pkg, out, options);
    console.log(`${pkg.name.padEnd(32)} ${String(count).padStart(4)} files  ${path.relative(ROOT, path.join(out, pkg.dir))}`);
  }
  fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify({ private: true, type: 'commonjs' }, null, 2)}\n`);
  console.log(`built ${packages.filter((p) => p.isService).length} service(s) into ${path.relative(ROOT, out) || out}`);
}

try {
  main();
} catch (error) {
  console.error(`build failed: ${error.message}`);
  process.exit(1);
}
