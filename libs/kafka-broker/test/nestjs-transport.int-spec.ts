import 'reflect-metadata';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientKafka, EventPattern, MessagePattern, Payload, Transport, type KafkaOptions } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { eventually, startTestBroker, type BrokerFixture } from './support/broker-fixture';

const received: { instance: string; id: number }[] = [];

function buildModule(instance: string) {
  @Controller()
  class DossierController {
    @MessagePattern('bcci.test.lookup')
    lookup(@Payload() request: { dossierId: string }) {
      return { dossierId: request.dossierId, status: 'received', answeredBy: instance };
    }

    @EventPattern('bcci.test.dossier-events')
    onEvent(@Payload() event: { id: number }) {
      received.push({ instance, id: event.id });
    }
  }
  @Module({ controllers: [DossierController] })
  class DossierModule {}
  return DossierModule;
}

describe('@nestjs/microservices Kafka transport on the broker', () => {
  let fixture: BrokerFixture;
  const apps: INestMicroservice[] = [];
  let client: ClientKafka;

  const kafkaOptions = (clientId: string): KafkaOptions['options'] => ({
    client: { clientId, brokers: [fixture.broker.bootstrap], retry: { retries: 5, initialRetryTime: 50 } },
    consumer: { groupId: 'bcci-test', sessionTimeout: 6000, heartbeatInterval: 500, maxWaitTimeInMs: 100 },
    subscribe: { fromBeginning: true },
  });

  async function startInstance(name: string): Promise<void> {
    const app = await NestFactory.createMicroservice(buildModule(name), { transport: Transport.KAFKA, options: kafkaOptions(name), logger: false });
    await app.listen();
    apps.push(app);
  }

  beforeAll(async () => {
    fixture = await startTestBroker({ defaultPartitions: 2 });
    const admin = fixture.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'bcci.test.dossier-events', numPartitions: 2 }] });
    await admin.disconnect();
    await startInstance('server-a');
    client = new ClientKafka({ ...kafkaOptions('bcci-test-client'), consumer: { groupId: 'bcci-test', maxWaitTimeInMs: 100 } });
    client.subscribeToResponseOf('bcci.test.lookup');
    await client.connect();
  });

  afterAll(async () => {
    await client?.close();
    for (const app of apps) await app.close();
    await fixture.stop();
  });

  it('answers a send (request/response over a reply topic)', async () => {
    const reply = await lastValueFrom(client.send('bcci.test.lookup', { dossierId: 'D-1' }));
    expect(reply).toEqual({ dossierId: 'D-1', status: 'received', answeredBy: 'server-a' });
  });

  it('delivers emitted events once each, shared between two server instances of one group', async () => {
    await startInstance('server-b');
    const admin = fixture.kafka().admin();
    await admin.connect();
    const stableWithTwo = async () => {
      const { groups } = await admin.describeGroups(['bcci-test-server']);
      return groups[0].state === 'Stable' && groups[0].members.length === 2;
    };
    let ready = false;
    const deadline = Date.now() + 60_000;
    while (!ready && Date.now() < deadline) {
      ready = await stableWithTwo();
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await admin.disconnect();
    expect(ready).toBe(true);

    for (let id = 0; id < 40; id++) await lastValueFrom(client.emit('bcci.test.dossier-events', { key: `dossier-${id}`, value: { id } }));
    await eventually('all 40 events', () => new Set(received.map((r) => r.id)).size === 40);
    expect(received).toHaveLength(40);
    expect(new Set(received.map((r) => r.instance))).toEqual(new Set(['server-a', 'server-b']));
  });
});
