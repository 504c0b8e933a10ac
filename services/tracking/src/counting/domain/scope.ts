/**
 * What a report covers. Counts carry the keys of the dossier's postal point (commune and province as
 * they stood on the counted day), its agency and its procedure, so any of them can scope a query.
 */
export const SCOPE_KINDS = ['all', 'province', 'commune', 'postal-point', 'agency', 'procedure'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface Scope {
  readonly kind: ScopeKind;
  /** The unit, postal point, agency or procedure code; empty for `all`. */
  readonly code: string;
}

export class ScopeFormatError extends Error {
  constructor(readonly input: string, reason: string) {
    super(`Bad scope "${input}": ${reason}`);
    this.name = 'ScopeFormatError';
  }
}

const CODE_PATTERNS: Readonly<Record<Exclude<ScopeKind, 'all'>, RegExp>> = {
  province: /^\d{2}$/,
  commune: /^\d{5}$/,
  'postal-point': /^\d{5}$/,
  agency: /^[0-9A-Z.]{1,35}$/,
  procedure: /^\d{1,2}\.\d{6}(\.[0-9A-Z][0-9A-Z.]{0,34})?$/,
};

/** `all`, `province:15`, `commune:04249`, `postal-point:33100`, `agency:000.00.13.H65`, `procedure:2.000488`. */
export function parseScope(input: string | undefined): Scope {
  const text = (input ?? 'all').trim();
  if (text === '' || text === 'all') return { kind: 'all', code: '' };
  const colon = text.indexOf(':');
  if (colon < 0) throw new ScopeFormatError(text, 'expected kind:code, e.g. province:15');
  const kind = text.slice(0, colon) as ScopeKind;
  const code = text.slice(colon + 1);
  if (kind === 'all' || !(kind in CODE_PATTERNS)) throw new ScopeFormatError(text, `unknown kind; one of ${SCOPE_KINDS.join(', ')}`);
  if (!CODE_PATTERNS[kind as Exclude<ScopeKind, 'all'>].test(code)) throw new ScopeFormatError(text, `bad ${kind} code "${code}"`);
  return { kind, code };
}

export function formatScope(scope: Scope): string {
  return scope.kind === 'all' ? 'all' : `${scope.kind}:${scope.code}`;
}

/** The keys a count row carries (empty string = unknown, e.g. an event that arrived before intake). */
export interface ScopeKeys {
  readonly provinceCode: string;
  readonly communeCode: string;
  readonly postalCode: string;
  readonly agencyId: string;
  readonly procedureCode: string;
}

export function keysMatchScope(keys: ScopeKeys, scope: Scope): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'province':
      return keys.provinceCode === scope.code;
    case 'commune':
      return keys.communeCode === scope.code;
    case 'postal-point':
      return keys.postalCode === scope.code;
    case 'agency':
      return keys.agencyId === scope.code;
    case 'procedure':
      return keys.procedureCode === scope.code;
  }
}

/**
 * Denominators come per agency and procedure (with the import's province): a commune or a postal
 * point has no all-channel total, so ratios there are "not computable".
 */
export function scopeHasDenominators(scope: Scope): boolean {
  return scope.kind !== 'commune' && scope.kind !== 'postal-point';
}
