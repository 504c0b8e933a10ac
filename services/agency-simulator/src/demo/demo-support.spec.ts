import { isCitizenId, isPhoneNumber } from '@bcci/kernel';
import { DemoHttpError, waitFor } from './demo-http';
import { DemoUsageError, parseDemoOptions } from './demo-options';
import { sampleApplicant } from './sample-people';

describe('npm run demo support', () => {
  it('reads --dossiers, --rate and --timeout, with defaults', () => {
    expect(parseDemoOptions([])).toEqual({ dossiers: 12, rate: 2, timeoutSeconds: 120, help: false });
    expect(parseDemoOptions(['--dossiers', '40', '--rate=0.5', '--timeout', '30'])).toMatchObject({ dossiers: 40, rate: 0.5, timeoutSeconds: 30 });
    expect(parseDemoOptions(['--help']).help).toBe(true);
  });

  it.each([[['--dossiers', '0']], [['--dossiers', '2.5']], [['--rate', 'fast']], [['--rate']], [['--unknown']]])('refuses %p', (argv) => {
    expect(() => parseDemoOptions(argv)).toThrow(DemoUsageError);
  });

  it('makes applicants whose CCCD and phone pass the kernel checks', () => {
    for (let seq = 0; seq < 500; seq++) {
      const applicant = sampleApplicant(seq);
      expect(isCitizenId(applicant.identityDocument.number)).toBe(true);
      expect(isPhoneNumber(applicant.phone)).toBe(true);
    }
  });

  it('waits while the next step is not there yet (404) or not in the awaited state, then answers it', async () => {
    const answers: Array<() => Promise<string | undefined>> = [
      () => Promise.reject(new DemoHttpError(404, { code: 'returns.not-found' }, 'GET /returns/d1')),
      () => Promise.resolve(undefined),
      () => Promise.resolve('OPEN'),
    ];
    await expect(waitFor('the return leg', 10_000, () => answers.shift()!())).resolves.toBe('OPEN');
    expect(answers).toHaveLength(0);
  });

  it('gives up at the deadline naming what it waited for and the last answer', async () => {
    const probe = () => Promise.reject(new DemoHttpError(404, { code: 'returns.not-found' }, 'GET /returns/d1'));
    await expect(waitFor('the return leg to open', 0, probe)).rejects.toThrow(/waiting for the return leg to open \(last answer: GET \/returns\/d1: 404 returns.not-found/);
  });

  it('stops at once on an answer that waiting cannot change', async () => {
    const probe = () => Promise.reject(new DemoHttpError(422, { code: 'returns.rule' }, 'POST /returns/d1/pickup'));
    await expect(waitFor('the return leg', 10_000, probe)).rejects.toThrow('422');
  });
});
