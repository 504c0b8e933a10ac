import { getWorkingCalendar, PUBLIC_ADMINISTRATION_CALENDAR_ID } from '@bcci/kernel';
import { assertInvitationSpacing, nextInvitationNotBefore, workingDaysSinceInvitation } from './invitation-spacing.rule';

const at = (iso: string) => new Date(iso);

describe('two invitations two working days apart (TT 17/2017 Đ5.2.h), in the postal calendar', () => {
  it('refuses a second invitation the next working day', () => {
    expect(() => assertInvitationSpacing(at('2025-03-12T10:00:00+07:00'), at('2025-03-13T16:00:00+07:00'))).toThrow(
      expect.objectContaining({ kind: 'rule-violation', code: 'returns.invitation-too-early', details: { notBefore: '2025-03-14', workingDaysElapsed: 1 } }),
    );
  });

  it('accepts it two working days later, whatever the hour', () => {
    expect(() => assertInvitationSpacing(at('2025-03-12T16:30:00+07:00'), at('2025-03-14T07:05:00+07:00'))).not.toThrow();
  });

  it('across a weekend: Saturday morning is a postal working day, Sunday is not (Friday → Monday is 2)', () => {
    const friday = at('2025-03-14T10:00:00+07:00');
    expect(workingDaysSinceInvitation(friday, at('2025-03-16T10:00:00+07:00'))).toBe(1);
    expect(() => assertInvitationSpacing(friday, at('2025-03-16T10:00:00+07:00'))).toThrow(expect.objectContaining({ code: 'returns.invitation-too-early' }));
    expect(() => assertInvitationSpacing(friday, at('2025-03-17T08:00:00+07:00'))).not.toThrow();
    expect(nextInvitationNotBefore(friday)).toBe('2025-03-17');
  });

  it('across a weekend in an office calendar Monday would be only 1 day: the rule uses the postal one', () => {
    const office = getWorkingCalendar(PUBLIC_ADMINISTRATION_CALENDAR_ID);
    expect(() => assertInvitationSpacing(at('2025-03-14T10:00:00+07:00'), at('2025-03-17T08:00:00+07:00'), office)).toThrow();
  });

  it('across a holiday: Hùng Kings day (Monday 07/04/2025) does not count', () => {
    const friday = at('2025-04-04T10:00:00+07:00');
    expect(() => assertInvitationSpacing(friday, at('2025-04-07T10:00:00+07:00'))).toThrow(
      expect.objectContaining({ details: { notBefore: '2025-04-08', workingDaysElapsed: 1 } }),
    );
    expect(() => assertInvitationSpacing(friday, at('2025-04-08T10:00:00+07:00'))).not.toThrow();
  });

  it('reads the day in Vietnam time, not the host zone (23:30 UTC is the next Vietnamese day)', () => {
    // 2025-03-11T23:30Z is Wednesday 12/03 06:30 in Vietnam.
    expect(nextInvitationNotBefore(at('2025-03-11T23:30:00Z'))).toBe('2025-03-14');
  });

  it('a second invitation the same day or earlier counts zero days', () => {
    expect(workingDaysSinceInvitation(at('2025-03-12T10:00:00+07:00'), at('2025-03-12T11:00:00+07:00'))).toBe(0);
  });
});
