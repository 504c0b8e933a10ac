import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findFreePorts } from '@bcci/persistence';
import { HttpBalancer } from './http-balancer';

/** A stand-in instance: answers with its name and what it received, counting the requests it saw. */
async function instance(name: string, behaviour: 'answer' | 'drop-connection' = 'answer'): Promise<{ server: Server; port: number; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      seen.push(`${request.method} ${request.url} ${body}`);
      if (behaviour === 'drop-connection') return void request.socket.destroy();
      response.writeHead(201, { 'content-type': 'application/json', 'x-instance': name });
      response.end(JSON.stringify({ name, body, forwardedFor: request.headers['x-forwarded-for'], key: request.headers['idempotency-key'] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

describe('HttpBalancer (npm start -- --instances N)', () => {
  const servers: Server[] = [];
  const balancers: HttpBalancer[] = [];
  afterEach(async () => {
    await Promise.all(balancers.splice(0).map((balancer) => balancer.close()));
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  async function front(instances: Array<{ name: string; port: number }>): Promise<string> {
    const balancer = new HttpBalancer('intake', instances);
    balancers.push(balancer);
    const [port] = await findFreePorts(1);
    return `http://127.0.0.1:${await balancer.listen(port!)}`;
  }

  it('passes each request, over one kept-alive connection too, to the next instance, with its body, headers and answer intact', async () => {
    const one = await instance('intake#1');
    const two = await instance('intake#2');
    servers.push(one.server, two.server);
    const url = await front([{ name: 'intake#1', port: one.port }, { name: 'intake#2', port: two.port }]);

    const answers = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${url}/dossiers?n=${i}`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `k-${i}` }, body: `{"n":${i}}` });
      answers.push({ status: response.status, instance: response.headers.get('x-instance'), body: await response.json() });
    }
    expect(answers.map((a) => a.instance)).toEqual(['intake#1', 'intake#2', 'intake#1', 'intake#2']);
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(answers[3]!.body).toMatchObject({ body: '{"n":3}', key: 'k-3', forwardedFor: '127.0.0.1' });
    expect(one.seen).toEqual(['POST /dossiers?n=0 {"n":0}', 'POST /dossiers?n=2 {"n":2}']);
  });

  it('sends a request to the next instance when one is not listening (restarting), so the client never sees it', async () => {
    const alive = await instance('intake#2');
    servers.push(alive.server);
    const [downPort] = await findFreePorts(1);
    const url = await front([{ name: 'intake#1', port: downPort! }, { name: 'intake#2', port: alive.port }]);

    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${url}/ready`)).status);
    expect(statuses).toEqual([201, 201, 201]);
    expect(alive.seen).toHaveLength(3);
  });

  it('answers 502 with a reason, and does not try another instance, when an instance may have received the request', async () => {
    const dropping = await instance('intake#1', 'drop-connection');
    const other = await instance('intake#2');
    servers.push(dropping.server, other.server);
    const url = await front([{ name: 'intake#1', port: dropping.port }, { name: 'intake#2', port: other.port }]);

    const response = await fetch(`${url}/dossiers`, { method: 'POST', body: '{"n":1}', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(502);
    expect(((await response.json()) as { message: string }).message).toMatch(/intake#1 failed while answering .*may or may not have been applied/);
    // Sent once: a registration is never applied twice by the balancer.
    expect(dropping.seen).toHaveLength(1);
    expect(other.seen).toHaveLength(0);
  });

  it('answers 502 naming the service when no instance listens', async () => {
    const [a, b] = await findFreePorts(2);
    const url = await front([{ name: 'intake#1', port: a! }, { name: 'intake#2', port: b! }]);
    const response = await fetch(`${url}/procedures`);
    expect(response.status).toBe(502);
    expect(((await response.json()) as { message: string }).message).toMatch(/no instance of intake could take the request .*ECONNREFUSED.*restarting/);
  });
});
