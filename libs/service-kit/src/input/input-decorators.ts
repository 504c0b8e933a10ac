import { Transform } from 'class-transformer';
import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

/** Text with at least one visible character: `"   "` is no reason, no description, no code. */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.trim() !== '',
        defaultMessage: () => '$property must not be blank',
      },
    },
    options,
  );
}

/**
 * Like `@IsOptional()` but only for a missing field: `null` is validated (and refused by the type check
 * that follows). `@IsOptional()` lets `"reason": null` through to code that expects a string.
 */
export function IsOmittable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined, options);
}

/** Digits only, at most 15 of them (safe integers): `1e308`, `0x10`, ` 5`, `` and 20 nines stay strings and fail `@IsInt()`. */
const QUERY_INTEGER = /^-?\d{1,15}$/;

/**
 * A query parameter read as an integer, strictly. `@Type(() => Number)` turned `1e308` and
 * `99999999999999999999` into integers that PostgreSQL then refused (a 500), and `''` into 0.
 */
export function QueryInt(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' && QUERY_INTEGER.test(value) ? Number(value) : value));
}

/** A query parameter read as a boolean: exactly `true` or `false`; anything else fails `@IsBoolean()`. */
export function QueryBoolean(): PropertyDecorator {
  return Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));
}
