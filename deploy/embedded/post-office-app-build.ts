import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const APP_DIR = path.join('services', 'post-office-app');
const BUILD_RECIPE = 2;
/** Builds kept side by side, so a stack still serving an older build is not pulled from under it. */
const BUILDS_KEPT = 3;

/** Every file the build reads from us, in a stable order (the web sources, the config, the lock). */
function buildInputs(rootDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(rootDir, APP_DIR, 'web'));
  return [...files, path.join(rootDir, APP_DIR, 'vite.config.mts'), path.join(rootDir, 'package-lock.json')];
}

/** A short hash of the build's inputs: the same sources give the same directory name. */
export function postOfficeAppBuildId(rootDir: string): string {
  const hash = createHash('sha256');
  // The recipe's version: bumped when the way of building changes (2: always NODE_ENV=production).
  hash.update(`recipe ${BUILD_RECIPE}\0`);
  for (const file of buildInputs(rootDir)) hash.update(path.relative(rootDir, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 12);
}

/**
 * Builds the web app with Vite unless a build of exactly these sources is already there, and tells the
 * app's server where it is (WEB_DIST_DIR). Each build goes to its own directory named by the sources'
 * hash, written elsewhere first and renamed into place, so two stacks starting at once (parallel test
 * suites) never serve a half-written build.
 */
export async function buildPostOfficeAppIfStale(rootDir: string, step: (message: string) => void): Promise<Record<string, string>> {
  const distDir = path.join(rootDir, APP_DIR, 'dist');
  const buildId = postOfficeAppBuildId(rootDir);
  const target = path.join(distDir, `web-${buildId}`);
  if (existsSync(path.join(target, 'index.html'))) {
    step(`post-office-app: web app built already (${buildId})`);
    return { WEB_DIST_DIR: target };
  }
  mkdirSync(distDir, { recursive: true });
  const scratch = path.join(distDir, `.building-${process.pid}-${Date.now()}`);
  const startedAt = Date.now();
  step('post-office-app: building the web app with Vite…');
  await runVite(rootDir, scratch);
  try {
    renameSync(scratch, target);
  } catch (error) {
    // Another stack finished the same build first: theirs is identical, ours goes.
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(path.join(target, 'index.html'))) throw error;
  }
  removeOldBuilds(distDir, target);
  step(`post-office-app: web app built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (${buildId})`);
  return { WEB_DIST_DIR: target };
}

function runVite(rootDir: string, outDir: string): Promise<void> {
  const vite = path.join(rootDir, 'node_modules', 'vite', 'bin', 'vite.js');
  const config = path.join(rootDir, APP_DIR, 'vite.config.mts');
  return new Promise((resolve, reject) => {
    // --bypass-lock: Vite refuses a second build of the same project while one runs, but two stacks starting
    // at once (parallel test suites) each build into their own scratch directory, so they cannot collide.
    const child = spawn(process.execPath, [vite, 'build', '--config', config, '--outDir', outDir, '--emptyOutDir', '--bypass-lock', '--logLevel', 'warn'], {
      cwd: rootDir,
      // Always the production build (React's production mode, the service worker registered): Vite follows
      // NODE_ENV, which a test runner sets to "test" in the launcher's environment.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) return resolve();
      rmSync(outDir, { recursive: true, force: true });
      reject(new Error(`the post office app's build failed (vite exit ${code}):\n${output.trim().split('\n').slice(-30).join('\n')}`));
    });
  });
}

function removeOldBuilds(distDir: string, keep: string): void {
  const builds = readdirSync(distDir)
    .filter((name) => name.startsWith('web-'))
    .map((name) => path.join(distDir, name))
    .filter((dir) => dir !== keep)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const old of builds.slice(BUILDS_KEPT - 1)) rmSync(old, { recursive: true, force: true });
}
