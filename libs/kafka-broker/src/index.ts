export { startBroker, type RunningBroker } from './start-broker';
export type { BrokerOptions } from './broker-options';
export type { FsyncPolicy } from './log/fsync-policy';
export type { LogLevel } from './server/logger';
export { SUPPORTED_VERSIONS, ApiKey } from './protocol/api-keys';
