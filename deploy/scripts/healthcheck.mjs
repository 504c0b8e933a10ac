#!/usr/bin/env node
// Container health check (Dockerfile HEALTHCHECK): GET /health of the service in this container.
// node:24-slim has no curl; Node's fetch does the job. Port: PORT, else the service's default port
// (docs/architecture.md §3), chosen by SERVICE.
const DEFAULT_PORTS = {
  intake: 3001,
  digitization: 3002,
  forwarding: 3003,
  'agency-gateway': 3004,
  returns: 3005,
  tracking: 3006,
  'agency-simulator': 3007,
};
const port = process.env.PORT ?? DEFAULT_PORTS[process.env.SERVICE ?? ''];
if (!port) {
  console.error('healthcheck: set PORT or SERVICE');
  process.exit(1);
}
const timeout = AbortSignal.timeout(4000);
fetch(`http://127.0.0.1:${port}/health`, { signal: timeout }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  (error) => {
    console.error(`healthcheck: ${error.message}`);
    process.exit(1);
  },
);
