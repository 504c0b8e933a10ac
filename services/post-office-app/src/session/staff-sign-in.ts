import { issueDevToken, type Role } from '@bcci/auth';
import { passwordMatches, type StaffAccount } from './staff-roster';

/** A counter shift: the token lasts as long as the work day, the app asks again after. */
export const STAFF_SESSION_SECONDS = 10 * 3600;
/** Five wrong passwords in a row lock the username for a while (guessing from a shared counter PC). */
export const FAILURES_BEFORE_LOCK = 5;
export const LOCK_SECONDS = 60;
/** Usernames whose wrong passwords are remembered at once; the oldest is forgotten first (a flood of made-up names cannot grow memory). */
export const FAILURES_REMEMBERED = 10_000;

export interface StaffSession {
  readonly token: string;
  readonly expiresAt: string;
  readonly staff: { readonly username: string; readonly displayName: string; readonly role: Role; readonly postalCode?: string };
}

export type SignInOutcome =
  | { readonly ok: true; readonly session: StaffSession }
  | { readonly ok: false; readonly reason: 'wrong-credentials' | 'locked'; readonly retryAfterSeconds?: number };

/** Turns a roster sign-in into an access token the services accept (role and postal point in its claims). */
export class StaffSignIn {
  private readonly byUsername: Map<string, StaffAccount>;
  private readonly failures = new Map<string, { count: number; lockedUntilMs: number }>();
  // An unknown username still pays for one scrypt, so timing does not tell which usernames exist.
  private readonly decoyHash = 'scrypt$00000000000000000000000000000000$0000000000000000000000000000000000000000000000000000000000000000';

  constructor(
    roster: readonly StaffAccount[],
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {
    this.byUsername = new Map(roster.map((account) => [account.username, account]));
  }

  signIn(username: string, password: string): SignInOutcome {
    const key = username.trim().toLowerCase();
    const failure = this.failures.get(key);
    if (failure && failure.lockedUntilMs > this.now()) {
      return { ok: false, reason: 'locked', retryAfterSeconds: Math.ceil((failure.lockedUntilMs - this.now()) / 1000) };
    }
    const account = this.byUsername.get(key);
    const matches = passwordMatches(password, account?.passwordHash ?? this.decoyHash) && account !== undefined;
    if (!matches || !account) {
      const count = (failure?.count ?? 0) + 1;
      this.failures.delete(key); // re-inserted last: the map stays in order of the latest failure
      if (this.failures.size >= FAILURES_REMEMBERED) this.failures.delete(this.failures.keys().next().value!);
      this.failures.set(key, { count: count >= FAILURES_BEFORE_LOCK ? 0 : count, lockedUntilMs: count >= FAILURES_BEFORE_LOCK ? this.now() + LOCK_SECONDS * 1000 : 0 });
      return { ok: false, reason: 'wrong-credentials' };
    }
    this.failures.delete(key);
    const token = issueDevToken(
      { role: account.role, subject: `staff:${account.username}`, displayName: account.displayName, postalCode: account.postalCode, ttlSeconds: STAFF_SESSION_SECONDS },
      this.secret,
    );
    return {
      ok: true,
      session: {
        token,
        expiresAt: new Date(this.now() + STAFF_SESSION_SECONDS * 1000).toISOString(),
        staff: { username: account.username, displayName: account.displayName, role: account.role, ...(account.postalCode ? { postalCode: account.postalCode } : {}) },
      },
    };
  }
}
