import { ConfigError } from './config-error';

/** Reads one variable: gets its raw value (undefined when unset or blank) and returns the typed value or throws ConfigError. */
export type EnvReader<T> = (raw: string | undefined, variable: string) => T;

function required(raw: string | undefined, variable: string): string {
  if (raw === undefined) throw new ConfigError(variable, 'is required but not set');
  return raw;
}

export function envString(options: { default?: string; optional?: boolean; pattern?: RegExp; hint?: string } = {}): EnvReader<string> {
  return (raw, variable) => {
    const value = raw ?? options.default;
    if (value === undefined) {
      if (options.optional) return undefined as unknown as string;
      return required(value, variable);
    }
    if (options.pattern && !options.pattern.test(value)) {
      throw new ConfigError(variable, `must match ${options.hint ?? options.pattern.source}`);
    }
    return value;
  };
}

export function envOptionalString(): EnvReader<string | undefined> {
  return (raw) => raw;
}

export function envInt(options: { default?: number; min?: number; max?: number } = {}): EnvReader<number> {
  return (raw, variable) => {
    if (raw === undefined) {
      if (options.default !== undefined) return options.default;
      return Number(required(raw, variable));
    }
    if (!/^-?\d+$/.test(raw)) throw new ConfigError(variable, `must be an integer, got "${raw}"`);
    const value = Number(raw);
    if (options.min !== undefined && value < options.min) throw new ConfigError(variable, `must be at least ${options.min}, got ${value}`);
    if (options.max !== undefined && value > options.max) throw new ConfigError(variable, `must be at most ${options.max}, got ${value}`);
    return value;
  };
}

export function envBool(options: { default?: boolean } = {}): EnvReader<boolean> {
  return (raw, variable) => {
    if (raw === undefined) {
      if (options.default !== undefined) return options.default;
      required(raw, variable);
    }
    if (/^(1|true|yes|on)$/i.test(raw!)) return true;
    if (/^(0|false|no|off)$/i.test(raw!)) return false;
    throw new ConfigError(variable, `must be true or false, got "${raw}"`);
  };
}

export function envEnum<const T extends string>(values: readonly T[], options: { default?: T } = {}): EnvReader<T> {
  return (raw, variable) => {
    const value = raw ?? options.default;
    if (value === undefined) return required(value, variable) as T;
    if (!(values as readonly string[]).includes(value)) throw new ConfigError(variable, `must be one of ${values.join(', ')}, got "${value}"`);
    return value as T;
  };
}

/** Comma-separated list, trimmed, empty items dropped. */
export function envList(options: { default?: string[]; itemPattern?: RegExp; hint?: string } = {}): EnvReader<string[]> {
  return (raw, variable) => {
    if (raw === undefined) {
      if (options.default) return options.default;
      required(raw, variable);
    }
    const items = raw!.split(',').map((item) => item.trim()).filter(Boolean);
    if (items.length === 0) throw new ConfigError(variable, 'must list at least one value');
    for (const item of items) {
      if (options.itemPattern && !options.itemPattern.test(item)) {
        throw new ConfigError(variable, `has a bad item "${item}" (expected ${options.hint ?? options.itemPattern.source})`);
      }
    }
    return items;
  };
}
