import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';

/** An instant with its zone (RFC 3339), as couriers' devices report it. */
export function IsZonedTimestamp(what: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ format: 'date-time', example: '2025-04-04T10:15:00+07:00', description: what }),
    IsISO8601({ strict: true }, { context: { messageVi: `${what} phải theo định dạng ISO 8601` } }),
    Matches(/(Z|[+-]\d{2}:\d{2})$/, { context: { messageVi: `${what} phải có múi giờ` } }),
  );
}
