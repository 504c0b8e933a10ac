import { assertCanDeliver, assertCanPickUp, assertCanReturnFromCounter, planCounterNotice, planFailedAttempt, type ReturnJourney } from './return-journey.rules';

const at = (iso: string) => new Date(iso);
const home = (over: Partial<ReturnJourney> = {}): ReturnJourney => ({ status: 'PICKED_UP', deliveryMode: 'HOME', invitations: [], lastStepAt: at('2025-03-12T08:00:00+07:00'), ...over });
const counter = (over: Partial<ReturnJourney> = {}): ReturnJourney => ({ ...home(), deliveryMode: 'COUNTER', ...over });

describe('the return journey', () => {
  it('picks up only an open leg', () => {
    expect(() => assertCanPickUp(home({ status: 'OPEN', lastStepAt: null }), at('2025-03-12T09:00:00+07:00'))).not.toThrow();
    expect(() => assertCanPickUp(home(), at('2025-03-12T09:00:00+07:00'))).toThrow(expect.objectContaining({ kind: 'conflict' }));
  });

  it('a first failed home attempt is invitation 1 and says when the next may come', () => {
    expect(planFailedAttempt(home(), at('2025-03-12T10:00:00+07:00'))).toEqual({ attemptNumber: 1, returnsToAgency: false, nextAttemptNotBefore: '2025-03-14' });
  });

  it('two failed invitations two working days apart send the result back to the agency', () => {
    const journey = home({ status: 'ATTEMPTED', invitations: [at('2025-03-12T10:00:00+07:00')], lastStepAt: at('2025-03-12T10:00:00+07:00') });
    expect(planFailedAttempt(journey, at('2025-03-14T10:00:00+07:00'))).toEqual({ attemptNumber: 2, returnsToAgency: true });
  });

  it('the second invitation too early is refused (422)', () => {
    const journey = home({ status: 'ATTEMPTED', invitations: [at('2025-03-12T10:00:00+07:00')], lastStepAt: at('2025-03-12T10:00:00+07:00') });
    expect(() => planFailedAttempt(journey, at('2025-03-13T10:00:00+07:00'))).toThrow(expect.objectContaining({ code: 'returns.invitation-too-early' }));
  });

  it('an attempt before the pick-up is refused', () => {
    expect(() => planFailedAttempt(home(), at('2025-03-11T10:00:00+07:00'))).toThrow(expect.objectContaining({ code: 'returns.time-before-previous-step' }));
  });

  it('home attempts are not for counter pick-ups, counter notices not for home deliveries', () => {
    expect(() => planFailedAttempt(counter(), at('2025-03-12T10:00:00+07:00'))).toThrow(expect.objectContaining({ code: 'returns.wrong-delivery-mode' }));
    expect(() => planCounterNotice(home(), at('2025-03-12T10:00:00+07:00'))).toThrow(expect.objectContaining({ code: 'returns.wrong-delivery-mode' }));
  });

  it('delivers a home result after a failed attempt, and a counter result after a notice', () => {
    expect(() => assertCanDeliver(home({ status: 'ATTEMPTED' }), at('2025-03-14T10:00:00+07:00'))).not.toThrow();
    expect(() => assertCanDeliver(counter({ status: 'AT_COUNTER' }), at('2025-03-14T10:00:00+07:00'))).not.toThrow();
    expect(() => assertCanDeliver(home({ status: 'DELIVERED' }), at('2025-03-14T10:00:00+07:00'))).toThrow(expect.objectContaining({ kind: 'conflict' }));
  });

  it('counter notices are invitations two working days apart, holding the result until the next', () => {
    expect(planCounterNotice(counter(), at('2025-03-12T10:00:00+07:00'))).toEqual({ noticeNumber: 1, holdUntil: '2025-03-14' });
    const noticed = counter({ status: 'AT_COUNTER', invitations: [at('2025-03-12T10:00:00+07:00')], lastStepAt: at('2025-03-12T10:00:00+07:00') });
    expect(() => planCounterNotice(noticed, at('2025-03-13T10:00:00+07:00'))).toThrow(expect.objectContaining({ code: 'returns.invitation-too-early' }));
  });

  it('an uncollected counter result goes back only after two notices and two more working days', () => {
    const once = counter({ status: 'AT_COUNTER', invitations: [at('2025-03-12T10:00:00+07:00')], lastStepAt: at('2025-03-12T10:00:00+07:00') });
    expect(() => assertCanReturnFromCounter(once, at('2025-03-20T10:00:00+07:00'))).toThrow(expect.objectContaining({ code: 'returns.not-enough-invitations' }));
    const twice = counter({ status: 'AT_COUNTER', invitations: [at('2025-03-12T10:00:00+07:00'), at('2025-03-14T10:00:00+07:00')], lastStepAt: at('2025-03-14T10:00:00+07:00') });
    expect(() => assertCanReturnFromCounter(twice, at('2025-03-15T10:00:00+07:00'))).toThrow(expect.objectContaining({ code: 'returns.not-enough-invitations' }));
    expect(() => assertCanReturnFromCounter(twice, at('2025-03-17T10:00:00+07:00'))).not.toThrow();
  });
});
