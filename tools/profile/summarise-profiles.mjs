#!/usr/bin/env node
/**
 * Summarises the .cpuprofile files that cpu-profile.cjs wrote: for each process, its busy time split by
 * where the code comes from (a package under node_modules, the project's own code, Node's internals,
 * native calls such as writev, garbage collection), then its costliest functions by self time.
 *   node tools/profile/summarise-profiles.mjs /tmp/prof [--top 15] [--last 60]
 * `--last S` counts only each profile's final S seconds: a profile covers the process's whole life, and
 * start-up (module loading, TypeScript compilation, migrations) otherwise hides what a phase costs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const directory = process.argv[2];
if (!directory) {
  console.error('usage: summarise-profiles.mjs <directory of .cpuprofile files> [--top N]');
  process.exit(2);
}
const topIndex = process.argv.indexOf('--top');
const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 15;
const lastIndex = process.argv.indexOf('--last');
const lastMicroseconds = lastIndex > 0 ? Number(process.argv[lastIndex + 1]) * 1e6 : Infinity;

function origin(node) {
  const { url, functionName } = node.callFrame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'gc';
    if (functionName === '(program)') return 'program';
    return `native ${functionName || '(anonymous)'}`;
  }
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return packageMatch[1];
  if (url.startsWith('node:')) return 'node internals';
  const project = /\/(services\/[^/]+|libs\/[^/]+|contracts|tests|deploy|tools)\//.exec(url);
  return project ? project[1] : url;
}

for (const file of readdirSync(directory).filter((name) => name.endsWith('.cpuprofile')).sort()) {
  const profile = JSON.parse(readFileSync(path.join(directory, file), 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicroseconds = new Map();
  const windowStart = profile.endTime - lastMicroseconds;
  let sampledAt = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    sampledAt += profile.timeDeltas[i] ?? 0;
    if (sampledAt < windowStart) continue;
    const delta = profile.timeDeltas[i + 1] ?? 0;
    selfMicroseconds.set(profile.samples[i], (selfMicroseconds.get(profile.samples[i]) ?? 0) + delta);
  }
  const byOrigin = new Map();
  const byFunction = new Map();
  let busy = 0;
  for (const [id, micros] of selfMicroseconds) {
    const node = nodes.get(id);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    busy += micros;
    const where = origin(node);
    byOrigin.set(where, (byOrigin.get(where) ?? 0) + micros);
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/(node_modules|services|libs)\//, '$1/')}:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  }
  const share = (micros) => `${((100 * micros) / busy).toFixed(1).padStart(5)} %`;
  console.log(`\n${file}: ${(busy / 1e6).toFixed(2)} s busy`);
  for (const [where, micros] of [...byOrigin].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${share(micros)}  ${where}`);
  console.log('  costliest functions (self time):');
  for (const [key, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${share(micros)}  ${key}`);
}
