import { scryptSync, timingSafeEqual } from 'node:crypto';
import { isRole, type Role } from '@bcci/auth';

/** One member of the post office's staff who may sign in to the app. */
export interface StaffAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** Postal point (5 digits) for clerks, digitization operators and couriers. */
  readonly postalCode?: string;
  /** `scrypt$<salt hex>$<key hex>` (N=16384, r=8, p=1, 32-byte key). */
  readonly passwordHash: string;
}

/** The roles that work in the post office; others (agency, operations, auditor) have their own tools. */
export const POST_OFFICE_ROLES: readonly Role[] = ['clerk', 'digitization-operator', 'courier'];

export class StaffRosterError extends Error {}

/** Checks a roster file's content; every problem names the account and the field. */
export function parseStaffRoster(raw: unknown): StaffAccount[] {
  if (!Array.isArray(raw)) throw new StaffRosterError('the staff roster must be a JSON array of accounts');
  const seen = new Set<string>();
  return raw.map((entry, index) => {
    const where = `staff roster entry ${index + 1}`;
    if (typeof entry !== 'object' || entry === null) throw new StaffRosterError(`${where} is not an object`);
    const { username, displayName, role, postalCode, passwordHash } = entry as Record<string, unknown>;
    if (typeof username !== 'string' || !/^[a-z0-9._-]{3,40}$/.test(username)) throw new StaffRosterError(`${where}: username must be 3-40 of a-z 0-9 . _ -`);
    if (seen.has(username)) throw new StaffRosterError(`${where}: username ${username} appears twice`);
    seen.add(username);
    if (typeof displayName !== 'string' || displayName.trim() === '') throw new StaffRosterError(`${where} (${username}): displayName is required`);
    if (!isRole(role) || !POST_OFFICE_ROLES.includes(role)) throw new StaffRosterError(`${where} (${username}): role must be one of ${POST_OFFICE_ROLES.join(', ')}`);
    if (typeof postalCode !== 'string' || !/^\d{5}$/.test(postalCode)) throw new StaffRosterError(`${where} (${username}): postalCode must be 5 digits`);
    if (typeof passwordHash !== 'string' || !/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/.test(passwordHash)) {
      throw new StaffRosterError(`${where} (${username}): passwordHash must be scrypt$<salt>$<key> (npm run -s staff:hash-password)`);
    }
    return { username, displayName: displayName.trim(), role, postalCode, passwordHash };
  });
}

export function hashStaffPassword(password: string, salt: Buffer): string {
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`;
}

/** Constant-time comparison; a wrong password and an unknown user cost the same. */
export function passwordMatches(password: string, passwordHash: string): boolean {
  const [, saltHex, keyHex] = passwordHash.split('$');
  const expected = Buffer.from(keyHex!, 'hex');
  const actual = scryptSync(password, Buffer.from(saltHex!, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}
