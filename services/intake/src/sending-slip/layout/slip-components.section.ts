import { componentKindLabel } from '../slip-text';
import type { SendingSlipModel } from '../sending-slip.model';
import type { SlipCanvas } from './slip-canvas';

const PADDING = 4;
const FONT_SIZE = 9;

interface Column {
  readonly title: string;
  readonly width: number;
  readonly align: 'left' | 'center' | 'right';
}

function columns(totalWidth: number): readonly Column[] {
  const fixed = 32 + 110 + 70;
  return [
    { title: 'STT', width: 32, align: 'center' },
    { title: 'Tên giấy tờ', width: totalWidth - fixed, align: 'left' },
    { title: 'Bản chính / bản sao', width: 110, align: 'center' },
    { title: 'Số lượng', width: 70, align: 'center' },
  ];
}

/**
 * Section 4: the list of documents, each marked original or copy (TT 17/2017 Đ5.1 b). A row never
 * splits across pages and the column titles repeat on each page the table reaches.
 */
export function drawComponentsSection(canvas: SlipCanvas, model: SendingSlipModel): void {
  canvas.heading('4. DANH MỤC TÀI LIỆU TRONG HỒ SƠ');
  const cols = columns(canvas.width);
  drawRow(canvas, cols, cols.map((c) => c.title), true);
  model.components.forEach((component, index) => {
    const cells = [String(index + 1), component.name, componentKindLabel(component.kind), String(component.count)];
    if (canvas.ensureSpace(rowHeight(canvas, cols, cells, false))) drawRow(canvas, cols, cols.map((c) => c.title), true);
    drawRow(canvas, cols, cells, false);
  });
  const originals = model.components.filter((c) => c.kind === 'original').reduce((sum, c) => sum + c.count, 0);
  const copies = model.components.filter((c) => c.kind === 'copy').reduce((sum, c) => sum + c.count, 0);
  canvas.y += 3;
  canvas.paragraph(
    `Tổng cộng: ${model.components.length} loại giấy tờ, ${originals + copies} bản (${originals} bản chính, ${copies} bản sao).`,
    9,
  );
}

function rowHeight(canvas: SlipCanvas, cols: readonly Column[], cells: readonly string[], header: boolean): number {
  if (header) canvas.bold(FONT_SIZE);
  else canvas.regular(FONT_SIZE);
  return Math.max(...cells.map((cell, i) => canvas.measure(cell, cols[i].width - 2 * PADDING))) + 2 * PADDING;
}

function drawRow(canvas: SlipCanvas, cols: readonly Column[], cells: readonly string[], header: boolean): void {
  const height = rowHeight(canvas, cols, cells, header);
  canvas.ensureSpace(height);
  const top = canvas.y;
  const doc = canvas.doc;
  if (header) doc.rect(canvas.left, top, canvas.width, height).fillColor('#e8e8e8').fill();
  let x = canvas.left;
  cols.forEach((col, i) => {
    doc.rect(x, top, col.width, height).lineWidth(0.5).strokeColor('#000000').stroke();
    if (header) canvas.bold(FONT_SIZE);
    else canvas.regular(FONT_SIZE);
    canvas.textAt(cells[i], x + PADDING, top + PADDING, col.width - 2 * PADDING, col.align);
    x += col.width;
  });
  canvas.y = top + height;
}
