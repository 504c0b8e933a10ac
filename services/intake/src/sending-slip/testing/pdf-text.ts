import { inflateSync } from 'node:zlib';

/**
 * Just enough PDF reading to check what pdfkit wrote, without a PDF library: objects, Flate streams,
 * ToUnicode maps of the embedded fonts, and the text-showing operators of each page.
 */
export interface PdfObject {
  readonly id: number;
  readonly dict: string;
  readonly stream: Buffer | null;
}

export interface ReadPdf {
  readonly objects: ReadonlyMap<number, PdfObject>;
  /** Text of each page in drawing order, one string per text-showing operator, joined by newlines. */
  readonly pages: readonly string[];
  readonly text: string;
}

export function readPdf(pdf: Buffer): ReadPdf {
  const objects = parseObjects(pdf);
  const fontMaps = new Map<number, Map<number, string>>();
  const pages = [...objects.values()]
    .filter((o) => /\/Type\s*\/Page(?!s)\b/.test(o.dict))
    .sort((a, b) => pageOrder(objects, a.id) - pageOrder(objects, b.id))
    .map((page) => pageText(objects, page, fontMaps));
  return { objects, pages, text: pages.join('\n') };
}

/** Image XObjects that are drawn (soft masks of transparent PNGs are not counted as images). */
export function drawnImages(pdf: ReadPdf): PdfObject[] {
  const masks = new Set<number>();
  for (const o of pdf.objects.values()) for (const m of o.dict.matchAll(/\/SMask\s+(\d+)\s+0\s+R/g)) masks.add(Number(m[1]));
  return [...pdf.objects.values()].filter((o) => /\/Subtype\s*\/Image/.test(o.dict) && !masks.has(o.id));
}

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const latin = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+)\s+0\s+obj\b/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(latin))) {
    const start = match.index + match[0].length;
    const end = latin.indexOf('endobj', start);
    const body = latin.slice(start, end);
    const streamAt = body.indexOf('stream');
    let dict = body;
    let stream: Buffer | null = null;
    if (streamAt >= 0 && /^stream\r?\n/.test(body.slice(streamAt))) {
      dict = body.slice(0, streamAt);
      const dataStart = start + streamAt + (body.startsWith('stream\r\n', streamAt) ? 8 : 7);
      const length = Number(/\/Length\s+(\d+)/.exec(dict)?.[1]);
      const raw = pdf.subarray(dataStart, dataStart + length);
      stream = /\/Filter\s*\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    }
    objects.set(Number(match[1]), { id: Number(match[1]), dict, stream });
    header.lastIndex = end;
  }
  return objects;
}

/** Position of a page in its Pages tree's Kids array (pdfkit writes one flat Pages node). */
function pageOrder(objects: ReadonlyMap<number, PdfObject>, pageId: number): number {
  for (const o of objects.values()) {
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.dict);
    if (!kids) continue;
    const ids = [...kids[1].matchAll(/(\d+)\s+0\s+R/g)].map((m) => Number(m[1]));
    if (ids.includes(pageId)) return ids.indexOf(pageId);
  }
  return Number.MAX_SAFE_INTEGER;
}

function ref(dict: string, key: string): number | null {
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  return match ? Number(match[1]) : null;
}

function resolveDict(objects: ReadonlyMap<number, PdfObject>, dict: string, key: string): string {
  const id = ref(dict, key);
  if (id !== null) return objects.get(id)?.dict ?? '';
  const inline = new RegExp(`/${key}\\s*<<([\\s\\S]*?)>>`).exec(dict);
  return inline ? inline[1] : '';
}

function pageText(objects: ReadonlyMap<number, PdfObject>, page: PdfObject, cache: Map<number, Map<number, string>>): string {
  const resources = resolveDict(objects, page.dict, 'Resources') || page.dict;
  const fontDict = resolveDict(objects, resources, 'Font');
  const fonts = new Map<string, Map<number, string>>();
  for (const m of fontDict.matchAll(/\/([\w.+-]+)\s+(\d+)\s+0\s+R/g)) {
    const fontId = Number(m[2]);
    if (!cache.has(fontId)) cache.set(fontId, toUnicodeMap(objects, objects.get(fontId)));
    fonts.set(m[1], cache.get(fontId)!);
  }
  const contentIds = [...(/\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/.exec(page.dict)?.[1] ?? '').matchAll(/(\d+)\s+0\s+R/g)];
  const content = contentIds.map((m) => objects.get(Number(m[1]))?.stream?.toString('latin1') ?? '').join('\n');
  return showOperators(content, fonts).join('\n');
}

function toUnicodeMap(objects: ReadonlyMap<number, PdfObject>, font: PdfObject | undefined): Map<number, string> {
  const map = new Map<number, string>();
  const cmapId = font ? ref(font.dict, 'ToUnicode') : null;
  const cmap = cmapId !== null ? objects.get(cmapId)?.stream?.toString('latin1') ?? '' : '';
  for (const range of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
    const first = parseInt(range[1], 16);
    [...range[3].matchAll(/<([0-9a-fA-F ]+)>/g)].forEach((entry, i) => {
      const units = entry[1].trim().split(/\s+/).map((h) => parseInt(h, 16));
      map.set(first + i, String.fromCharCode(...units));
    });
  }
  return map;
}

/** Decodes `/F1 9 Tf` … `[<0012> 30 <0034>] TJ` / `<…> Tj` into strings through each font's map. */
function showOperators(content: string, fonts: ReadonlyMap<string, Map<number, string>>): string[] {
  const shown: string[] = [];
  let font: Map<number, string> | undefined;
  const tokens = /\/([\w.+-]+)\s+[\d.]+\s+Tf|\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
  for (const m of content.matchAll(tokens)) {
    if (m[1] !== undefined) font = fonts.get(m[1]);
    else {
      const hexes = m[2] !== undefined ? [...m[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]) : [m[3]];
      shown.push(hexes.map((hex) => decodeHex(hex, font)).join(''));
    }
  }
  return shown;
}

function decodeHex(hex: string, font: Map<number, string> | undefined): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) {
    const code = parseInt(hex.slice(i, i + 4), 16);
    out += font?.get(code) ?? '\uFFFD';
  }
  return out;
}
