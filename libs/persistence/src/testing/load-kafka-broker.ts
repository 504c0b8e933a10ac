import path from 'node:path';

type KafkaBrokerModule = typeof import('@bcci/kafka-broker');

/**
 * Loads @bcci/kafka-broker for the Jest global setup. There, unlike in test files, Jest's
 * moduleNameMapper does not apply: Node resolves `@bcci/*` only once `npm install` has linked the
 * workspaces, so we fall back to the library's source. Call it while the global-setup module itself
 * is being loaded (top level): Jest's TypeScript require hook is only active during that load.
 */
export function loadKafkaBroker(): KafkaBrokerModule {
  try {
    return require('@bcci/kafka-broker') as KafkaBrokerModule;
  } catch {
    return require(path.resolve(__dirname, '../../../kafka-broker/src/index.ts')) as KafkaBrokerModule;
  }
}
