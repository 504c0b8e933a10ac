#!/usr/bin/env node
// `npm run api:client`: refreshes the services' OpenAPI documents (contracts/openapi/<service>.openapi.json)
// from a running stack, then the web app's typed clients (web/src/api/generated/<service>.ts) from them.
// Run it after changing a service's HTTP API, with `npm start` running (or BCCI_STACK_URLS=name=url,...).
// The post office app's browser test fails when a running service's document differs from the committed one.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const SERVICES = { intake: 3001, digitization: 3002, forwarding: 3003, 'agency-gateway': 3004, returns: 3005, tracking: 3006 };
const overrides = Object.fromEntries((process.env.BCCI_STACK_URLS ?? '').split(',').filter(Boolean).map((pair) => pair.split('=')));

for (const [service, port] of Object.entries(SERVICES)) {
  const base = overrides[service] ?? `http://127.0.0.1:${port}`;
  let document;
  try {
    const response = await fetch(`${base}/docs-json`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = await response.json();
  } catch (error) {
    console.error(`✘ ${service}: no OpenAPI document at ${base}/docs-json (${error.message}). Is the stack running (npm start)?`);
    process.exit(1);
  }
  const documentFile = path.join(root, 'contracts', 'openapi', `${service}.openapi.json`);
  writeFileSync(documentFile, `${JSON.stringify(document, null, 2)}\n`);
  const clientFile = path.join(root, 'services', 'post-office-app', 'web', 'src', 'api', 'generated', `${service}.ts`);
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'), documentFile, '-o', clientFile], { stdio: 'ignore' });
  console.log(`✔ ${service}: ${path.relative(root, documentFile)} → ${path.relative(root, clientFile)}`);
}
