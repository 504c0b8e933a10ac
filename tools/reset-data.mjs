#!/usr/bin/env node
// `npm run reset`: deletes the embedded stack's data directory (.data/, or BCCI_DATA_DIR): PostgreSQL
// cluster, broker logs, service logs, development secrets. Refuses while a stack is using it.
// As root, .data/postgres may be a link to a cluster relocated where the `postgres` user can reach it
// (libs/persistence/src/embedded/cluster-location.ts); that cluster goes too when its record names us.
import { existsSync, lstatSync, readFileSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(root, process.env.BCCI_DATA_DIR?.trim() || '.data');

function alive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function firstLine(file) {
  try {
    return readFileSync(file, 'utf8').split('\n')[0].trim();
  } catch {
    return undefined;
  }
}

function firstLineNumber(file) {
  try {
    return Number(readFileSync(file, 'utf8').split('\n')[0].trim());
  } catch {
    return NaN;
  }
}

if (!existsSync(dataDir)) {
  console.log(`nothing to reset: ${dataDir} does not exist`);
  process.exit(0);
}

// Whoever still holds the data: the launcher (stack.json), the broker (broker.lock), PostgreSQL (postmaster.pid).
const holders = [];
try {
  const state = JSON.parse(readFileSync(path.join(dataDir, 'stack.json'), 'utf8'));
  if (alive(state.pid)) holders.push(`the stack launcher (pid ${state.pid})`);
  for (const service of state.services ?? []) if (alive(service.pid)) holders.push(`${service.name} (pid ${service.pid})`);
} catch {
  // no stack.json: no stack was running, or it stopped cleanly
}
const brokerPid = firstLineNumber(path.join(dataDir, 'kafka', 'broker.lock'));
if (alive(brokerPid) && brokerPid !== process.pid) holders.push(`the Kafka broker (pid ${brokerPid})`);
const postgresPid = firstLineNumber(path.join(dataDir, 'postgres', 'postmaster.pid'));
if (alive(postgresPid)) holders.push(`PostgreSQL (pid ${postgresPid})`);

if (holders.length > 0) {
  console.error(`refusing to reset ${dataDir}: still in use by ${[...new Set(holders)].join(', ')}.`);
  console.error('Stop the stack first (Ctrl-C in the terminal running npm start), then run npm run reset again.');
  process.exit(1);
}
const clusterLink = path.join(dataDir, 'postgres');
let relocated;
try {
  if (lstatSync(clusterLink).isSymbolicLink()) relocated = readlinkSync(clusterLink);
} catch {
  // no cluster yet
}
if (relocated) {
  const owner = firstLine(`${relocated}.data-dir`);
  if (owner === path.join(realpathSync(dataDir), 'postgres')) {
    rmSync(relocated, { recursive: true, force: true });
    rmSync(`${relocated}.data-dir`, { force: true });
    console.log(`removed the PostgreSQL cluster ${relocated} (relocated there because the postgres user cannot enter ${dataDir})`);
  } else if (existsSync(relocated)) {
    console.log(`kept ${relocated}: .data/postgres pointed at it, but it belongs to ${owner ?? 'no recorded checkout'}`);
  }
}
rmSync(dataDir, { recursive: true, force: true });
console.log(`removed ${dataDir}: the next npm start begins from scratch (new database, topics, secrets)`);
