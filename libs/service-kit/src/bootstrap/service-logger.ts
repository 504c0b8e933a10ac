import { ConsoleLogger, type LogLevel as NestLogLevel } from '@nestjs/common';

/** Nest's start-up chatter (one line per module and route): shown at LOG_LEVEL=debug only. */
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/**
 * Console logger of a service: the levels of LOG_LEVEL, without framework chatter at `info`, so the
 * embedded stack's terminal shows what matters (the `<service> ready at …` line is printed apart).
 */
export class ServiceLogger extends ConsoleLogger {
  constructor(
    serviceName: string,
    private readonly levels: NestLogLevel[],
  ) {
    super(serviceName, { logLevels: levels });
  }

  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (!this.levels.includes('debug') && typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context)) return;
    super.log(message, ...(rest as [string?]));
  }
}
