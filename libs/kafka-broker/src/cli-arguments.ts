import { FSYNC_POLICIES, type FsyncPolicy } from './log/fsync-policy';
import type { BrokerOptions } from './broker-options';
import { LOG_LEVELS, type LogLevel } from './server/logger';

export const USAGE = `usage: npm run broker -- [options]
  --data-dir DIR                 where topics, logs and group state live (default .data/kafka)
  --host HOST                    interface to bind (default 127.0.0.1)
  --port N                       port to listen on, 0 for any free port (default 9092)
  --advertised-host HOST         host clients dial, if not the bind host
  --metrics-port N               serve Prometheus metrics at http://HOST:N/metrics
  --fsync always|interval|never  when appended data is forced to disk (default interval)
  --default-partitions N         partitions of auto-created topics (default 1)
  --no-auto-create-topics        refuse unknown topics instead of creating them
  --min-session-timeout-ms N     lowest consumer session timeout accepted (default 6000)
  --retention-ms N               default topic retention by age (default 7 days)
  --retention-bytes N            default topic retention by size per partition (default unlimited)
  --max-request-bytes N          largest request accepted (default 104857600)
  --clamp-replication-factor     accept replication factors above 1 and store 1
  --log-level error|warn|info|debug|trace   trace prints every request
  --help`;

export class CliArgumentError extends Error {}

function integer(flag: string, value: string | undefined, min: number): number {
  const parsed = Number(value);
  if (value === undefined || !Number.isSafeInteger(parsed) || parsed < min) {
    throw new CliArgumentError(`${flag} needs a whole number ≥ ${min}, got ${value ?? 'nothing'}`);
  }
  return parsed;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new CliArgumentError(`${flag} must be one of ${allowed.join(', ')}, got ${value ?? 'nothing'}`);
  return value as T;
}

/** Parses the broker's command line; throws CliArgumentError with a message meant for the user. */
export function parseCliArguments(argv: readonly string[]): BrokerOptions | 'help' {
  const options: { -readonly [K in keyof BrokerOptions]: BrokerOptions[K] } = { dataDir: '.data/kafka' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i];
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--data-dir': options.dataDir = value() ?? ''; if (!options.dataDir) throw new CliArgumentError('--data-dir needs a directory'); break;
      case '--host': options.host = value(); break;
      case '--port': options.port = integer(flag, value(), 0); break;
      case '--advertised-host': options.advertisedHost = value(); break;
      case '--metrics-port': options.metricsPort = integer(flag, value(), 0); break;
      case '--fsync': options.fsync = oneOf<FsyncPolicy>(flag, value(), FSYNC_POLICIES); break;
      case '--default-partitions': options.defaultPartitions = integer(flag, value(), 1); break;
      case '--no-auto-create-topics': options.autoCreateTopics = false; break;
      case '--min-session-timeout-ms': options.minSessionTimeoutMs = integer(flag, value(), 1); break;
      case '--retention-ms': options.retentionMs = integer(flag, value(), -1); break;
      case '--retention-bytes': options.retentionBytes = integer(flag, value(), -1); break;
      case '--max-request-bytes': options.maxRequestBytes = integer(flag, value(), 1024); break;
      case '--clamp-replication-factor': options.clampReplicationFactor = true; break;
      case '--log-level': options.logLevel = oneOf<LogLevel>(flag, value(), LOG_LEVELS); break;
      default:
        throw new CliArgumentError(`unknown option ${flag}`);
    }
  }
  return options;
}
