import { definitionsSheet } from './ratio-report.sheets';
import { periodLabelVi } from '../../counting/domain/period';
import type { RatioReport } from '../../counting/domain/ratio-report';
import type { ReportBook } from './report-sheet';

/**
 * The periodic report of TT 17/2017 Đ13 (quarterly, half-yearly, yearly): volumes, complaints, dossiers
 * lost or damaged, compensation. Complaints are not recorded by this system yet: the line says so
 * rather than printing a misleading 0.
 */
export function quarterlyReportBook(report: RatioReport, scopeLabel: string): ReportBook {
  const c = (metric: keyof RatioReport['counts'] | string) => (report.counts as Record<string, number>)[metric] ?? 0;
  return {
    fileName: `bao-cao-dinh-ky-bcci-${report.period.label}`,
    sheets: [
      {
        name: 'Báo cáo định kỳ',
        title: [
          'BÁO CÁO TÌNH HÌNH CUNG ỨNG DỊCH VỤ BƯU CHÍNH CÔNG ÍCH TRONG TIẾP NHẬN, TRẢ KẾT QUẢ GIẢI QUYẾT TTHC',
          '(Thông tư 17/2017/TT-BTTTT, Điều 13)',
          `Kỳ báo cáo: ${periodLabelVi(report.period)} (${report.period.start} – ${report.period.end}); phạm vi: ${scopeLabel}`,
        ],
        header: ['STT', 'Nội dung', 'Số lượng', 'Ghi chú / định nghĩa'],
        rows: [
          [1, 'Số hồ sơ tiếp nhận qua dịch vụ BCCI', c('bcci-received'), 'Hồ sơ gửi qua bưu chính (hình thức 1, 3), không tính hồ sơ đã rút'],
          [2, 'Số hồ sơ đăng ký nhận kết quả qua dịch vụ BCCI', c('return-registered'), 'Hình thức 2, 3 hoặc cơ quan chuyển trả qua bưu chính'],
          [3, 'Số hồ sơ đã chuyển đến cơ quan (biên bản giao nhận đã ký)', c('forward-legs-closed'), 'QĐ 45/2016 Đ7'],
          [4, 'Số hồ sơ cơ quan đã giải quyết (có kết quả)', c('resolved'), null],
          [5, 'Số kết quả đã phát thành công', c('result-delivered'), 'Kết quả giải quyết; không tính phiếu từ chối (dòng 6)'],
          [6, 'Số phiếu từ chối đã phát qua BCCI', c('refusal-slip-delivered'), 'Phiếu từ chối của hồ sơ bị từ chối, đã phát cho người nhận (xem sheet Định nghĩa)'],
          [7, 'Số kết quả trả lại cơ quan', c('returned-to-agency'), 'Sau 2 lần mời không thành công (TT 17 Đ5.2)'],
          [8, 'Số hồ sơ bị từ chối', c('rejected'), null],
          [9, 'Số hồ sơ người nộp rút', c('withdrawn'), null],
          [10, 'Số khiếu nại', null, 'Hệ thống chưa ghi nhận khiếu nại: điền theo sổ theo dõi khiếu nại'],
          [11, 'Số hồ sơ, kết quả bị mất', c('losses'), 'Theo biên bản sự cố (QĐ 45 Đ14)'],
          [12, 'Số hồ sơ, kết quả bị hư hỏng', c('damages'), 'Theo biên bản sự cố (QĐ 45 Đ14)'],
          [13, 'Tiền bồi thường (đồng)', c('compensation-vnd'), 'Tổng tiền bồi thường trên biên bản sự cố'],
        ],
        widths: [6, 70, 14, 70],
      },
      definitionsSheet(),
    ],
  };
}
