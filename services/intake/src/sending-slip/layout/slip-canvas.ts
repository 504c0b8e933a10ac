import { SLIP_FONT_BOLD, SLIP_FONT_REGULAR } from './slip-fonts';

/** A4 in points with the margins of the slip; the bottom margin holds the page footer. */
export const SLIP_MARGINS = { top: 36, right: 40, bottom: 56, left: 40 } as const;

const COLUMN_GAP = 18;
const FIELD_GAP = 4;

/** Where a block is drawn: the whole content width, or one of two columns. */
export interface SlipBox {
  readonly x: number;
  readonly width: number;
}

export interface FieldOptions {
  readonly box?: SlipBox;
  readonly labelWidth?: number;
  readonly boldValue?: boolean;
  readonly note?: string;
}

/**
 * The small set of drawing moves every section uses. Sections never call addPage themselves: they ask
 * for room first, so a field or a table row is never cut in half between two pages. Two-column blocks
 * are laid out once without drawing to learn their height, then drawn where they fit.
 */
export class SlipCanvas {
  private dryRun = false;
  private pageBreaksSuppressed = false;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly startContinuationPage: (canvas: SlipCanvas) => void,
  ) {}

  get left(): number {
    return SLIP_MARGINS.left;
  }

  get width(): number {
    return this.doc.page.width - SLIP_MARGINS.left - SLIP_MARGINS.right;
  }

  get right(): number {
    return this.left + this.width;
  }

  get bottom(): number {
    return this.doc.page.height - SLIP_MARGINS.bottom;
  }

  get full(): SlipBox {
    return { x: this.left, width: this.width };
  }

  get y(): number {
    return this.doc.y;
  }

  set y(value: number) {
    this.doc.y = value;
  }

  /** Starts a new page when `height` points do not fit above the footer; true when it did. */
  ensureSpace(height: number): boolean {
    if (this.dryRun || this.pageBreaksSuppressed || this.y + height <= this.bottom) return false;
    this.doc.addPage();
    this.y = SLIP_MARGINS.top;
    this.startContinuationPage(this);
    return true;
  }

  /** Draws two blocks side by side, both starting on the same page, and continues below the taller. */
  twoColumns(drawLeft: (box: SlipBox) => void, drawRight: (box: SlipBox) => void): void {
    const half = (this.width - COLUMN_GAP) / 2;
    const leftBox = { x: this.left, width: half };
    const rightBox = { x: this.left + half + COLUMN_GAP, width: half };
    const height = Math.max(this.measureBlock(() => drawLeft(leftBox)), this.measureBlock(() => drawRight(rightBox)));
    this.ensureSpace(height);
    const top = this.y;
    this.pageBreaksSuppressed = true;
    try {
      drawLeft(leftBox);
      const leftBottom = this.y;
      this.y = top;
      drawRight(rightBox);
      this.y = Math.max(leftBottom, this.y);
    } finally {
      this.pageBreaksSuppressed = false;
    }
  }

  private measureBlock(draw: () => void): number {
    const top = this.y;
    this.dryRun = true;
    try {
      draw();
      return this.y - top;
    } finally {
      this.dryRun = false;
      this.y = top;
    }
  }

  regular(size: number): this {
    this.doc.font(SLIP_FONT_REGULAR).fontSize(size).fillColor('#000000');
    return this;
  }

  bold(size: number): this {
    this.doc.font(SLIP_FONT_BOLD).fontSize(size).fillColor('#000000');
    return this;
  }

  /** Height of `text` at the current font when wrapped to `width`. */
  measure(text: string, width: number): number {
    return this.doc.heightOfString(text, { width });
  }

  /** Writes `text` at (x, y) wrapped to `width`; returns its height. */
  textAt(text: string, x: number, y: number, width: number, align: 'left' | 'center' | 'right' = 'left'): number {
    const height = this.measure(text, width);
    if (!this.dryRun) this.doc.text(text, x, y, { width, align });
    return height;
  }

  rule(x: number, y: number, width: number, weight = 0.6, color = '#000000'): void {
    if (this.dryRun) return;
    this.doc.moveTo(x, y).lineTo(x + width, y).lineWidth(weight).strokeColor(color).stroke();
  }

  /** A numbered section title with a rule under it. */
  heading(text: string, box: SlipBox = this.full): void {
    this.bold(9.5);
    const height = this.measure(text, box.width);
    // A heading alone at the bottom of a page helps nobody: keep room for a line of content after it.
    this.ensureSpace(height + 26);
    this.y += 5;
    const top = this.y;
    this.textAt(text, box.x, top, box.width);
    this.y = top + height + 1.5;
    this.rule(box.x, this.y, box.width);
    this.y += 3.5;
  }

  /** `label  value` on one row, the value wrapped in its own column, an optional small note under it. */
  field(label: string, value: string, options: FieldOptions = {}): void {
    const box = options.box ?? this.full;
    const labelWidth = options.labelWidth ?? 150;
    const valueX = box.x + labelWidth + FIELD_GAP;
    const valueWidth = box.width - labelWidth - FIELD_GAP;
    this.regular(9);
    const labelHeight = this.measure(label, labelWidth);
    this.valueFont(options);
    const valueHeight = this.measure(value, valueWidth);
    this.regular(7);
    const noteHeight = options.note ? this.measure(options.note, valueWidth) : 0;
    const height = Math.max(labelHeight, valueHeight + noteHeight);
    this.ensureSpace(height + 2);

    const top = this.y;
    this.regular(9);
    this.doc.fillColor('#333333');
    this.textAt(label, box.x, top, labelWidth);
    this.valueFont(options);
    this.textAt(value, valueX, top, valueWidth);
    if (options.note) {
      this.regular(7);
      this.doc.fillColor('#333333');
      this.textAt(options.note, valueX, top + valueHeight, valueWidth);
    }
    this.y = top + height + 2;
  }

  /** A block of running text. Left-aligned: justified text would drop the spaces between words. */
  paragraph(text: string, size = 8, box: SlipBox = this.full): void {
    this.regular(size);
    const height = this.measure(text, box.width);
    this.ensureSpace(height + 2);
    const top = this.y;
    this.textAt(text, box.x, top, box.width);
    this.y = top + height + 2;
  }

  private valueFont(options: FieldOptions): void {
    if (options.boldValue) this.bold(9);
    else this.regular(9);
  }
}
