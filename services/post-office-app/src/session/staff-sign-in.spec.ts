import { randomBytes } from 'node:crypto';
import { TokenVerifier } from '@bcci/auth';
import { FAILURES_BEFORE_LOCK, LOCK_SECONDS, StaffSignIn } from './staff-sign-in';
import { hashStaffPassword, parseStaffRoster, StaffRosterError } from './staff-roster';

const SECRET = 'a-test-secret-of-enough-length-0123456789';
const roster = parseStaffRoster([
  { username: 'giaodich.33100', displayName: 'Nguyễn Thị Lan', role: 'clerk', postalCode: '33100', passwordHash: hashStaffPassword('mat-khau-dung', randomBytes(16)) },
]);

describe('staff sign-in', () => {
  it('gives a clerk a token the services accept, scoped to their postal point', () => {
    const outcome = new StaffSignIn(roster, SECRET).signIn('giaodich.33100', 'mat-khau-dung');
    if (!outcome.ok) throw new Error(`sign-in refused: ${outcome.reason}`);
    expect(new TokenVerifier({ secret: SECRET }).verify(outcome.session.token)).toMatchObject({ role: 'clerk', postalCode: '33100', displayName: 'Nguyễn Thị Lan' });
    expect(outcome.session.staff).toEqual({ username: 'giaodich.33100', displayName: 'Nguyễn Thị Lan', role: 'clerk', postalCode: '33100' });
  });

  it('refuses a wrong password and an unknown user alike', () => {
    const signIn = new StaffSignIn(roster, SECRET);
    expect(signIn.signIn('giaodich.33100', 'sai')).toEqual({ ok: false, reason: 'wrong-credentials' });
    expect(signIn.signIn('khong-co.33100', 'mat-khau-dung')).toEqual({ ok: false, reason: 'wrong-credentials' });
  });

  it('locks a username after repeated wrong passwords, then lets the right one in once the lock is over', () => {
    let now = 0;
    const signIn = new StaffSignIn(roster, SECRET, () => now);
    for (let attempt = 0; attempt < FAILURES_BEFORE_LOCK; attempt++) signIn.signIn('giaodich.33100', 'sai');
    expect(signIn.signIn('giaodich.33100', 'mat-khau-dung')).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: LOCK_SECONDS });
    now += LOCK_SECONDS * 1000;
    expect(signIn.signIn('giaodich.33100', 'mat-khau-dung').ok).toBe(true);
  });

  it('refuses a roster entry without a postal point or with a role outside the post office', () => {
    const hash = hashStaffPassword('x', randomBytes(16));
    expect(() => parseStaffRoster([{ username: 'a.b', displayName: 'A', role: 'clerk', passwordHash: hash }])).toThrow(StaffRosterError);
    expect(() => parseStaffRoster([{ username: 'a.b', displayName: 'A', role: 'operations', postalCode: '33100', passwordHash: hash }])).toThrow(/role must be one of/);
  });
});
