import type { LogLevel as NestLogLevel } from '@nestjs/common';
import type { LogLevel } from '../config/service-config';

export function nestLogLevels(level: LogLevel): NestLogLevel[] {
  switch (level) {
    case 'error':
      return ['fatal', 'error'];
    case 'warn':
      return ['fatal', 'error', 'warn'];
    case 'info':
      return ['fatal', 'error', 'warn', 'log'];
    case 'debug':
      return ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  }
}
