import { readPdf } from '../sending-slip/testing/pdf-text';
import { renderReturnReceipt } from './render-return-receipt';
import type { ReturnReceiptModel } from './return-receipt.model';

const sample: ReturnReceiptModel = {
  provisionalDossierId: 'BCCI-33100-260110-0042',
  dossierCode: '000.00.13.H39-260110-0042',
  lookupUrl: 'http://127.0.0.1:3006/lookup/BCCI-33100-260110-0042',
  lookupPin: '073914',
  procedure: { code: '2.000488', name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam' },
  agency: { id: '000.00.13.H39', name: 'Sở Tư pháp tỉnh Lào Cai' },
  postalPoint: { postalCode: '33100', name: 'Bưu cục Yên Bái' },
  applicantName: 'Lê Thị Hoa',
  returnTo: 'Nhận tại Bưu cục Yên Bái (mã bưu chính 33100)',
  returnPostage: 25000,
  intakeDay: '2026-01-12',
  receivedAt: '2026-01-12T02:15:00.000Z',
};

/** Text with line wraps undone, so a value wrapped over two lines still matches. */
const flat = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/\s+/g, ' ');

describe('renderReturnReceipt (service form 2)', () => {
  it('gives the form-2 applicant the lookup reference and PIN on one page', async () => {
    const read = readPdf(await renderReturnReceipt(sample));
    expect(read.pages).toHaveLength(1);
    const text = flat(read.text);
    expect(text).toContain('PHIẾU ĐĂNG KÝ NHẬN KẾT QUẢ');
    expect(text).toContain('Mã tra cứu (PIN): 073914');
    expect(text).toContain('BCCI-33100-260110-0042');
    expect(text).toContain('25.000 ₫');
  });

  it('refuses to print without a 6-digit PIN: the receipt exists to give it', async () => {
    await expect(renderReturnReceipt({ ...sample, lookupPin: '' })).rejects.toThrow(RangeError);
  });
});
