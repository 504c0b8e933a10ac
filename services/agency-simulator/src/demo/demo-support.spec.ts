import { isCitizenId, isPhoneNumber } from '@bcci/kernel';
import { DemoUsageError, parseDemoOptions } from './demo-options';
import { minimalPdf } from './minimal-pdf';
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

  it('makes a PDF with its magic number, an xref and distinct bytes per text', () => {
    const a = minimalPdf('dossier A / TP1');
    expect(a.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(a.toString('latin1')).toMatch(/startxref\n\d+\n%%EOF\n$/);
    expect(a.equals(minimalPdf('dossier B / TP1'))).toBe(false);
  });
});
