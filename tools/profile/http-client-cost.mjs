#!/usr/bin/env node
/**
 * What one HTTP call costs its client in CPU: fetch (undici) against node:http with a kept-alive agent,
 * each sending the same small JSON POST to a local server in another process, N calls, C at a time,
 * after as many unmeasured. The benchmark's client runs on the machine it measures, so its cost per call
 * matters (docs/benchmarks.md, seventh session).
 *   node tools/profile/http-client-cost.mjs [calls, default 6000] [concurrency, default 16]
 */
import { fork } from 'node:child_process';
import http from 'node:http';

if (process.argv[2] === '--serve') {
  const answer = JSON.stringify({ id: 'x'.repeat(36), status: 'OK', items: Array.from({ length: 5 }, (_, i) => ({ i, name: `component ${i}` })) });
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(answer);
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => process.send(server.address().port));
} else {
  const calls = Number(process.argv[2] ?? 6000);
  const concurrency = Number(process.argv[3] ?? 16);
  const server = fork(new URL(import.meta.url).pathname, ['--serve']);
  const port = await new Promise((resolve) => server.once('message', resolve));
  const url = `http://127.0.0.1:${port}/calls`;
  const body = JSON.stringify({ kind: 'DISPATCHED', postalCode: '33100', at: new Date().toISOString() });
  const headers = { 'content-type': 'application/json', authorization: 'Bearer token' };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const clients = {
    fetch: async () => JSON.parse(await (await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(30_000) })).text()),
    'node:http': () =>
      new Promise((resolve, reject) => {
        const request = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        });
        request.on('error', reject);
        request.end(body);
      }),
  };
  const run = async (client) => {
    let sent = 0;
    const worker = async () => {
      while (sent++ < calls) await client();
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };
  for (const [name, client] of Object.entries(clients)) {
    await run(client);
    const before = process.cpuUsage();
    const started = performance.now();
    await run(client);
    const used = process.cpuUsage(before);
    const seconds = (performance.now() - started) / 1000;
    console.log(`${name.padEnd(9)} client CPU ${((used.user + used.system) / calls).toFixed(0)} µs per call (user ${(used.user / calls).toFixed(0)}, system ${(used.system / calls).toFixed(0)}), ${(calls / seconds).toFixed(0)} calls/s`);
  }
  server.kill();
}
