import { createServer } from 'node:net';
import { findFreePorts } from '@bcci/persistence';

// A BCCI_FREE_PORTS=1 stack once gave tracking and agency-simulator the same port: ports asked one by
// one can come back twice.
describe('findFreePorts', () => {
  it('answers distinct ports that can be bound', async () => {
    const ports = await findFreePorts(20);
    expect(new Set(ports).size).toBe(20);
    for (const port of ports.slice(0, 3)) {
      const server = createServer();
      await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
