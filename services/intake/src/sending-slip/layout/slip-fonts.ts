/**
 * DejaVu Sans covers every Vietnamese letter with its stacked diacritics (ầ, ử, ỹ…); the PDF standard
 * fonts do not, so they would print boxes on the slip.
 */
export const SLIP_FONT_REGULAR = 'slip-regular';
export const SLIP_FONT_BOLD = 'slip-bold';

export function registerSlipFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(SLIP_FONT_REGULAR, require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
  doc.registerFont(SLIP_FONT_BOLD, require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'));
}
