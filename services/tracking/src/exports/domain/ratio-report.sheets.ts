import { BASIS_VI, INDICATOR_DEFINITIONS_VI, passLabelVi, RATIO_DEFINITIONS_VI, UNITS_VI } from '../../counting/domain/definitions-vi';
import { periodLabelVi } from '../../counting/domain/period';
import type { RatioReport } from '../../counting/domain/ratio-report';
import type { ReportBook, ReportSheet } from './report-sheet';

export function scopeLabelVi(report: Pick<RatioReport, 'scope'>, name?: string): string {
  const kinds = { all: 'Toàn bộ', province: 'Tỉnh', commune: 'Xã/phường', 'postal-point': 'Điểm phục vụ bưu chính', agency: 'Cơ quan', procedure: 'Thủ tục' };
  const { kind, code } = report.scope;
  return kind === 'all' ? kinds.all : `${kinds[kind]} ${code}${name ? ` (${name})` : ''}`;
}

function ratioHeaderLines(report: RatioReport, scopeName?: string): string[] {
  return [
    'BÁO CÁO TỶ LỆ SỬ DỤNG DỊCH VỤ BƯU CHÍNH CÔNG ÍCH TRONG GIẢI QUYẾT TTHC',
    `Kỳ báo cáo: ${periodLabelVi(report.period)} (${report.period.start} – ${report.period.end}, giờ Việt Nam)`,
    `Phạm vi: ${scopeLabelVi(report, scopeName)}; ${UNITS_VI[report.units]}; ${BASIS_VI[report.basis]}`,
    `Mẫu số (mọi kênh) từ hệ thống một cửa: ${report.denominators.available ? `${report.denominators.imports} bộ số liệu theo cơ quan và kỳ` : 'chưa có số liệu cho phạm vi và kỳ này'}${report.denominators.partialImports > 0 ? `; ${report.denominators.partialImports} bộ số liệu chỉ trùng một phần kỳ, không tính` : ''}`,
  ];
}

export function ratioReportBook(report: RatioReport, scopeName?: string): ReportBook {
  const ratios: ReportSheet = {
    name: 'Tỷ lệ BCCI',
    title: ratioHeaderLines(report, scopeName),
    header: ['Mã', 'Chỉ tiêu', 'Tử số (a)', 'Mẫu số (b)', 'Tỷ lệ (%)', 'Chỉ tiêu (%)', 'Đánh giá', 'Định nghĩa'],
    rows: report.ratios.map((ratio) => {
      const def = RATIO_DEFINITIONS_VI[ratio.code];
      return [ratio.code, def.name, ratio.numerator, ratio.denominator, ratio.percent, ratio.target, passLabelVi(ratio.pass), `a = ${def.a}; b = ${def.b}; tỷ lệ = a/b × 100%`];
    }),
    widths: [14, 60, 12, 12, 10, 12, 16, 90],
  };
  const indicators: ReportSheet = {
    name: 'Chỉ số vận hành',
    title: ['CÁC CHỈ SỐ VẬN HÀNH DỊCH VỤ BCCI', `Kỳ báo cáo: ${periodLabelVi(report.period)}; phạm vi: ${scopeLabelVi(report, scopeName)}`],
    header: ['Mã', 'Chỉ số', 'Giá trị', 'Tử số', 'Mẫu số', 'Định nghĩa'],
    rows: report.indicators.map((indicator) => {
      const def = INDICATOR_DEFINITIONS_VI[indicator.code];
      return [indicator.code, def?.name ?? indicator.name, indicator.value, indicator.numerator ?? null, indicator.denominator ?? null, def?.definition ?? ''];
    }),
    widths: [22, 45, 12, 12, 12, 90],
  };
  return { fileName: `ty-le-bcci-${report.period.label}-${report.scope.kind}${report.scope.code ? `-${report.scope.code}` : ''}`, sheets: [ratios, indicators, definitionsSheet()] };
}

/** The "Định nghĩa" sheet: every figure, its numerator and denominator, and the sources. */
export function definitionsSheet(): ReportSheet {
  const rows: (string | null)[][] = [];
  for (const [code, def] of Object.entries(RATIO_DEFINITIONS_VI)) rows.push([code, def.name, def.a, def.b, def.target]);
  for (const [code, def] of Object.entries(INDICATOR_DEFINITIONS_VI)) rows.push([code, def.name, def.definition, null, null]);
  rows.push(['Nguồn', 'Mẫu số', 'Tổng số hồ sơ mọi kênh do hệ thống một cửa của cơ quan cung cấp (nhập tệp CSV/JSON theo thủ tục, cơ quan, kỳ)', null, null]);
  rows.push(['Nguồn', 'Tử số', 'Sự kiện của từng hồ sơ BCCI (tiếp nhận, số hoá, chuyển, giải quyết, trả kết quả) ghi nhận trên dòng thời gian', null, null]);
  rows.push(['Ngày', 'Giờ Việt Nam', 'Mỗi sự kiện được tính vào ngày theo giờ Việt Nam (UTC+7)', null, null]);
  return {
    name: 'Định nghĩa',
    title: ['ĐỊNH NGHĨA CÁC CHỈ TIÊU (tỷ lệ = a/b × 100%)'],
    header: ['Mã', 'Tên', 'Tử số (a) / định nghĩa', 'Mẫu số (b)', 'Chỉ tiêu'],
    rows,
    widths: [22, 55, 90, 70, 40],
  };
}
