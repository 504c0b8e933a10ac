/** The roles of architecture.md §3. A token carries exactly one. */
export const ROLES = ['clerk', 'digitization-operator', 'courier', 'agency', 'operations', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Which scope a role acts within; `none` roles (auditor) read across every scope. */
export type ScopeKind = 'postal-point' | 'agency' | 'province' | 'none';

export const ROLE_SCOPE: Readonly<Record<Role, ScopeKind>> = {
  clerk: 'postal-point',
  'digitization-operator': 'postal-point',
  courier: 'postal-point',
  agency: 'agency',
  operations: 'province',
  auditor: 'none',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
