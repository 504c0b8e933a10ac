import { renderSendingSlip } from './render-sending-slip';
import type { SendingSlipModel } from './sending-slip.model';
import { drawnImages, readPdf, type ReadPdf } from './testing/pdf-text';
import { sampleSendingSlip } from './testing/sample-sending-slip';

/** Text with line wraps undone, so a value wrapped over two lines still matches. */
function flat(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\s+/g, ' ');
}

function manyComponents(count: number): SendingSlipModel['components'] {
  return Array.from({ length: count }, (_, i) => ({
    name: `Giấy tờ số ${i + 1}: bản chụp giấy tờ chứng minh nơi thường trú hoặc tạm trú của người được cấp Phiếu`,
    kind: i % 2 === 0 ? ('original' as const) : ('copy' as const),
    count: 1 + (i % 3),
  }));
}

describe('renderSendingSlip', () => {
  let sample: SendingSlipModel;
  let pdf: Buffer;
  let read: ReadPdf;

  beforeAll(async () => {
    sample = sampleSendingSlip();
    pdf = await renderSendingSlip(sample);
    read = readPdf(pdf);
  });

  it('is a one-page PDF for an ordinary dossier', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(read.pages).toHaveLength(1);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  it('embeds DejaVu Sans so every Vietnamese letter is drawn', () => {
    const fonts = [...read.objects.values()].filter((o) => /\/FontName\s*\/[A-Z]{6}\+DejaVuSans/.test(o.dict));
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    expect(read.text).not.toContain('\uFFFD');
  });

  it('prints the identifiers, the procedure and the agency', () => {
    const text = flat(read.text);
    expect(text).toContain('PHIẾU GỬI HỒ SƠ');
    expect(text).toContain('BƯU ĐIỆN VIỆT NAM');
    expect(text).toContain('Bưu cục cấp 1 Yên Bái');
    expect(text).toContain('RR473124829VN');
    expect(text).toContain('BCCI-33100-260312-0042');
    expect(text).toContain('Mã tra cứu (PIN): 048213');
    expect(text).toContain('Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam');
    expect(text).toContain('2.000488');
    expect(text).toContain('Sở Tư pháp tỉnh Lào Cai');
    expect(text).toContain('000.00.13.H39');
    expect(text).toContain('Gửi hồ sơ và nhận kết quả');
  });

  it('prints the applicant with the masked CCCD, and the return address', () => {
    const text = flat(read.text);
    expect(text).toContain('Nguyễn Thị Hường');
    expect(text).toContain('015******789');
    expect(text).toContain('0912 345 678');
    expect(text).toContain('Số 12 đường Đinh Tiên Hoàng, phường Yên Bái, tỉnh Lào Cai');
    expect(text).toContain('NGƯỜI NHẬN KẾT QUẢ');
  });

  it('lists every component with original or copy and its count', () => {
    const text = flat(read.text);
    for (const component of sample.components) expect(text).toContain(component.name);
    expect(text).toContain('Bản chính / bản sao');
    expect(text).toMatch(/Văn bản ủy quyền \(trường hợp ủy quyền cho người khác làm thủ tục\) Bản chính 2/);
    expect(text).toMatch(/Hộ chiếu còn giá trị sử dụng của người được cấp Phiếu Bản sao 1/);
    expect(text).toContain('Tổng cộng: 3 loại giấy tờ, 4 bản (3 bản chính, 1 bản sao).');
  });

  it('prints the agency fee apart from the postage, the total and the payment method', () => {
    const text = flat(read.text);
    expect(text).toMatch(/Phí, lệ phí giải quyết TTHC: 1\.200\.000 ₫/);
    expect(text).toMatch(/Cước dịch vụ bưu chính: 50\.000 ₫/);
    expect(text).toMatch(/Tổng số tiền đã thu: 1\.250\.000 ₫/);
    expect(text).toContain('Tiền mặt tại quầy');
  });

  it('prints the seal, the intake time in Vietnam time, J and the postal deadline', () => {
    const text = flat(read.text);
    expect(text).toMatch(/Số niêm phong: NP-33100-0001874/);
    expect(text).toMatch(/Thời điểm nhận gửi: 14:05 12\/03\/2026/);
    expect(text).toMatch(/Ngày nhận gửi \(J\): 12\/03\/2026/);
    expect(text).toMatch(/Hạn phát đến cơ quan có thẩm quyền: 16\/03\/2026/);
  });

  it('has a signature block for the applicant and one for the clerk', () => {
    const text = flat(read.text);
    expect(text).toContain('Bưu cục cấp 1 Yên Bái, ngày 12 tháng 03 năm 2026');
    expect(text).toMatch(/NGƯỜI GỬI \(Ký, ghi rõ họ tên\) Nguyễn Thị Hường/);
    expect(text).toMatch(/NHÂN VIÊN BƯU CHÍNH \(Ký, ghi rõ họ tên\) Trần Văn Đức/);
  });

  it('embeds two images: the wide barcode and the square QR code', () => {
    const images = drawnImages(read).map((o) => ({
      width: Number(/\/Width\s+(\d+)/.exec(o.dict)?.[1]),
      height: Number(/\/Height\s+(\d+)/.exec(o.dict)?.[1]),
    }));
    expect(images).toHaveLength(2);
    expect(images.filter((i) => i.width > 2 * i.height)).toHaveLength(1);
    expect(images.filter((i) => i.width === i.height)).toHaveLength(1);
  });

  it('gives the same bytes for the same model, dated at the intake time', async () => {
    // Rendered side by side, as a busy counter would: image embedding must not depend on timing.
    const reprints = await Promise.all(Array.from({ length: 6 }, () => renderSendingSlip(sampleSendingSlip())));
    for (const again of reprints) expect(again.equals(pdf)).toBe(true);
    const info = [...read.objects.values()].find((o) => /\/CreationDate\s+\d+\s+0\s+R/.test(o.dict))!;
    const dateRef = Number(/\/CreationDate\s+(\d+)\s+0\s+R/.exec(info.dict)![1]);
    expect(read.objects.get(dateRef)!.dict.trim()).toBe('(D:20260312070500Z)');
  });

  it('changes when the model changes', async () => {
    const other = await renderSendingSlip(sampleSendingSlip({ sealNumber: 'NP-33100-0001875' }));
    expect(other.equals(pdf)).toBe(false);
    expect(flat(readPdf(other).text)).toContain('NP-33100-0001875');
  });

  it('says so when no result is to be returned by post', async () => {
    const text = flat(readPdf(await renderSendingSlip(sampleSendingSlip({ recipient: null, serviceForm: 1, serviceFormLabel: 'Gửi hồ sơ' }))).text);
    expect(text).toContain('Không đăng ký chuyển trả kết quả qua dịch vụ bưu chính công ích.');
    // The address is printed once, for the applicant only.
    expect(text.split('Số 12 đường Đinh Tiên Hoàng').length - 1).toBe(1);
    expect(flat(read.text).split('Số 12 đường Đinh Tiên Hoàng').length - 1).toBe(2);
  });

  describe('a long list of components', () => {
    const components = manyComponents(60);
    let long: ReadPdf;

    beforeAll(async () => {
      long = readPdf(await renderSendingSlip(sampleSendingSlip({ components })));
    });

    it('flows onto further pages without losing or repeating a row', () => {
      expect(long.pages.length).toBeGreaterThanOrEqual(2);
      const text = flat(long.text);
      let previous = -1;
      components.forEach((component) => {
        const at = text.indexOf(component.name);
        expect(at).toBeGreaterThan(previous);
        expect(text.indexOf(component.name, at + 1)).toBe(-1);
        previous = at;
      });
      expect(text).toContain('Tổng cộng: 60 loại giấy tờ, 120 bản (60 bản chính, 60 bản sao).');
    });

    it('repeats the column titles and names the dossier on each continuation page', () => {
      long.pages.slice(1).forEach((page) => {
        expect(flat(page)).toContain('PHIẾU GỬI HỒ SƠ (tiếp theo) · Số hiệu bưu gửi RR473124829VN · Mã hồ sơ tạm BCCI-33100-260312-0042');
      });
      const pagesWithRows = long.pages.map(flat).filter((text) => /Giấy tờ số \d+:/.test(text));
      expect(pagesWithRows.length).toBeGreaterThanOrEqual(2);
      pagesWithRows.forEach((text) => expect(text).toContain('STT Tên giấy tờ Bản chính / bản sao Số lượng'));
    });

    it('numbers the pages and signs once, on the last page', () => {
      const total = long.pages.length;
      long.pages.forEach((page, i) => expect(flat(page)).toContain(`Trang ${i + 1}/${total}`));
      expect(flat(long.pages[total - 1])).toContain('NHÂN VIÊN BƯU CHÍNH');
      expect(long.pages.filter((page) => page.includes('NHÂN VIÊN BƯU CHÍNH'))).toHaveLength(1);
    });
  });

  describe('refuses a slip it must not print', () => {
    it('when the total is not the agency fee plus the postage', async () => {
      const fees = { agencyFee: 200_000, postage: 25_000, total: 250_000, paymentMethod: 'Tiền mặt' };
      await expect(renderSendingSlip(sampleSendingSlip({ fees }))).rejects.toThrow(/total 250000/);
    });

    it('when an amount is negative', async () => {
      const fees = { agencyFee: -25_000, postage: 25_000, total: 0, paymentMethod: 'Tiền mặt' };
      await expect(renderSendingSlip(sampleSendingSlip({ fees }))).rejects.toThrow();
    });

    it('when no component is listed or a count is not a positive whole number', async () => {
      await expect(renderSendingSlip(sampleSendingSlip({ components: [] }))).rejects.toThrow(/no component/);
      const components = [{ name: 'Tờ khai', kind: 'original' as const, count: 0 }];
      await expect(renderSendingSlip(sampleSendingSlip({ components }))).rejects.toThrow(/invalid count/);
    });

    it('when the intake time is not an instant', async () => {
      await expect(renderSendingSlip(sampleSendingSlip({ receivedAt: 'yesterday' }))).rejects.toThrow(RangeError);
    });
  });
});
