import ExcelJS from 'exceljs';
import type { ReportBook } from '../domain/report-sheet';

/** Writes a ReportBook as XLSX: bold title lines, a filled header row, frozen panes below the header. */
export async function renderXlsx(book: ReportBook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'BCCI Channel — tracking';
  workbook.created = new Date(0);
  for (const sheet of book.sheets) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
    for (const line of sheet.title) {
      const row = ws.addRow([line]);
      row.font = { bold: true };
    }
    const header = ws.addRow([...sheet.header]);
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
      cell.alignment = { wrapText: true, vertical: 'middle' };
    });
    for (const row of sheet.rows) ws.addRow(row.map((cell) => (cell === null ? '' : cell)));
    ws.views = [{ state: 'frozen', ySplit: sheet.title.length + 1 }];
    sheet.widths?.forEach((width, index) => (ws.getColumn(index + 1).width = width));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
