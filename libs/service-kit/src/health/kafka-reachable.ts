import net from 'node:net';

/** True when a TCP connection to any of the brokers opens within the timeout (client-agnostic, cheap). */
export async function kafkaReachable(brokers: string[], timeoutMs = 1000): Promise<boolean> {
  const attempts = brokers.map(
    (broker) =>
      new Promise<boolean>((resolve) => {
        const separator = broker.lastIndexOf(':');
        const socket = net.connect({ host: broker.slice(0, separator), port: Number(broker.slice(separator + 1)) });
        const done = (ok: boolean) => {
          socket.destroy();
          resolve(ok);
        };
        socket.setTimeout(timeoutMs, () => done(false));
        socket.once('connect', () => done(true));
        socket.once('error', () => done(false));
      }),
  );
  return (await Promise.all(attempts)).some(Boolean);
}
