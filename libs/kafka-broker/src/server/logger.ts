/** Levels of the broker's log; `trace` prints every request (API, version, client) for protocol debugging. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug' | 'trace';

export const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug', 'trace'];

export interface BrokerLogger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
  trace(message: string): void;
  isEnabled(level: LogLevel): boolean;
}

/** One line per event on stderr (stdout stays free for the "listening" line a supervisor waits for). */
export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): BrokerLogger {
  const threshold = LOG_LEVELS.indexOf(level);
  const at = (name: LogLevel) => (message: string) => {
    if (LOG_LEVELS.indexOf(name) <= threshold) write(`${new Date().toISOString()} ${name.toUpperCase()} kafka-broker ${message}`);
  };
  return {
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    trace: at('trace'),
    isEnabled: (name) => LOG_LEVELS.indexOf(name) <= threshold,
  };
}
