import { emptyFact } from '../domain/dossier-fact';
import { RecentFacts } from './recent-facts';

const stored = (dossierId: string, stage: string) => ({ fact: emptyFact(dossierId), stage, stageEventTime: null });

describe('RecentFacts', () => {
  it('answers a held fact only for the chain head it was folded up to', () => {
    const recent = new RecentFacts();
    recent.remember('D1', { sequence: 3, hash: 'h3' }, stored('D1', 'forwarding'));
    expect(recent.upTo('D1', { sequence: 3, hash: 'h3' })?.stage).toBe('forwarding');
    // Another instance appended since (the head moved), or a run that rolled back left another head.
    expect(recent.upTo('D1', { sequence: 4, hash: 'h4' })).toBeUndefined();
    expect(recent.upTo('D1', { sequence: 3, hash: 'other' })).toBeUndefined();
    expect(recent.upTo('D2', { sequence: 3, hash: 'h3' })).toBeUndefined();
  });

  it('keeps the dossiers remembered last, the oldest going first, and forgets everything on clear', () => {
    const recent = new RecentFacts(2);
    recent.remember('D1', { sequence: 1, hash: 'a' }, stored('D1', 'intake'));
    recent.remember('D2', { sequence: 1, hash: 'b' }, stored('D2', 'intake'));
    recent.remember('D1', { sequence: 2, hash: 'c' }, stored('D1', 'digitization'));
    recent.remember('D3', { sequence: 1, hash: 'd' }, stored('D3', 'intake'));
    expect(recent.upTo('D2', { sequence: 1, hash: 'b' })).toBeUndefined();
    expect(recent.upTo('D1', { sequence: 2, hash: 'c' })?.stage).toBe('digitization');
    expect(recent.size).toBe(2);
    recent.clear();
    expect(recent.size).toBe(0);
  });
});
