import path from 'node:path';
import { DEFAULT_KAFKA_PORT, DEFAULT_POSTGRES_PORT, REPOSITORY_ROOT, stackOptionsFromEnvironment, StackOptionsError } from './stack-options';

describe('stackOptionsFromEnvironment', () => {
  it('defaults to the embedded servers on fixed ports with data in .data/', () => {
    const options = stackOptionsFromEnvironment({});
    expect(options).toMatchObject({
      dataDir: path.join(REPOSITORY_ROOT, '.data'),
      freePorts: false,
      kafkaPort: DEFAULT_KAFKA_PORT,
      postgresPort: DEFAULT_POSTGRES_PORT,
      serviceLogLevel: 'info',
      verbose: false,
      instances: 1,
    });
    expect(options.externalPostgresAdminUrl).toBeUndefined();
    expect(options.externalKafkaBrokers).toBeUndefined();
    expect(options.replicationFactor).toBeUndefined();
  });

  it('uses external PostgreSQL and Kafka from DATABASE_ADMIN_URL and KAFKA_BROKERS', () => {
    const options = stackOptionsFromEnvironment({
      DATABASE_ADMIN_URL: 'postgres://bcci:secret@db.internal:5432/postgres',
      KAFKA_BROKERS: 'kafka-0:9092, kafka-1:9092',
      KAFKA_REPLICATION_FACTOR: '2',
    });
    expect(options.externalPostgresAdminUrl).toBe('postgres://bcci:secret@db.internal:5432/postgres');
    expect(options.externalKafkaBrokers).toEqual(['kafka-0:9092', 'kafka-1:9092']);
    expect(options.replicationFactor).toBe(2);
  });

  it('reads the data directory, ports, service subset and --verbose', () => {
    const options = stackOptionsFromEnvironment(
      { BCCI_DATA_DIR: '/tmp/x', BCCI_FREE_PORTS: '1', BCCI_KAFKA_PORT: '19092', BCCI_SERVICES: 'intake, tracking', LOG_LEVEL: 'debug' },
      ['--verbose'],
    );
    expect(options).toMatchObject({ dataDir: '/tmp/x', freePorts: true, kafkaPort: 19092, onlyServices: ['intake', 'tracking'], serviceLogLevel: 'debug', verbose: true });
  });

  it.each([
    [{ KAFKA_BROKERS: 'localhost' }, /host:port/],
    [{ DATABASE_ADMIN_URL: 'mysql://x@y/z' }, /postgres:\/\//],
    [{ DATABASE_ADMIN_URL: 'not a url' }, /must be a URL/],
    [{ KAFKA_REPLICATION_FACTOR: '0' }, /positive integer/],
    [{ BCCI_KAFKA_PORT: '70000' }, /TCP port/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => stackOptionsFromEnvironment(env)).toThrow(StackOptionsError);
    expect(() => stackOptionsFromEnvironment(env)).toThrow(message);
  });

  it('runs N instances of each service from --instances N, --instances=N or BCCI_INSTANCES (the argument wins)', () => {
    expect(stackOptionsFromEnvironment({}, ['--instances', '2']).instances).toBe(2);
    expect(stackOptionsFromEnvironment({}, ['--verbose', '--instances=3']).instances).toBe(3);
    expect(stackOptionsFromEnvironment({ BCCI_INSTANCES: '4' }).instances).toBe(4);
    expect(stackOptionsFromEnvironment({ BCCI_INSTANCES: '4' }, ['--instances', '2']).instances).toBe(2);
  });

  it.each([[['--instances']], [['--instances', '0']], [['--instances', 'two']], [['--instances=9']]])('refuses %j with a message saying what is expected', (argv) => {
    expect(() => stackOptionsFromEnvironment({}, argv)).toThrow(StackOptionsError);
    expect(() => stackOptionsFromEnvironment({}, argv)).toThrow(/--instances/);
  });

  it('refuses unknown arguments', () => {
    expect(() => stackOptionsFromEnvironment({}, ['--fast'])).toThrow(/unknown argument/);
  });
});
