import { inflateSync } from 'node:zlib';

/**
 * The text a PDF of our services shows (pdfkit output: Flate streams, Type0 fonts with 2-byte glyph codes
 * and a ToUnicode map each). Enough to read what a citizen reads on the sending slip, e.g. its lookup PIN.
 * Services are out of reach of the end-to-end tier (module boundaries), hence this small reader.
 */
export function pdfText(pdf: Buffer): string {
  const objects = pdfObjects(pdf);
  const unicodeOf = new Map<number, Map<number, string>>();
  const fontMap = (fontId: number) => {
    if (!unicodeOf.has(fontId)) unicodeOf.set(fontId, toUnicode(objects.get(refIn(objects.get(fontId)?.dict ?? '', 'ToUnicode') ?? -1)?.stream));
    return unicodeOf.get(fontId)!;
  };
  const pages = [...objects.values()].filter((o) => /\/Type\s*\/Page(?![s\w])/.test(o.dict));
  return pages
    .map((page) => {
      const resourcesId = refIn(page.dict, 'Resources');
      const resources = resourcesId !== null ? (objects.get(resourcesId)?.dict ?? '') : page.dict;
      const fontsId = refIn(resources, 'Font');
      const fontsDict = fontsId !== null ? (objects.get(fontsId)?.dict ?? '') : (/\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '');
      const fonts = new Map<string, Map<number, string>>();
      for (const m of fontsDict.matchAll(/\/([\w.+-]+)\s+(\d+)\s+0\s+R/g)) fonts.set(m[1], fontMap(Number(m[2])));
      const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/.exec(page.dict)?.[1] ?? '';
      const content = [...contents.matchAll(/(\d+)\s+0\s+R/g)].map((m) => objects.get(Number(m[1]))?.stream?.toString('latin1') ?? '').join('\n');
      return shownText(content, fonts);
    })
    .join('\n');
}

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const latin = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const m of latin.matchAll(/(\d+)\s+0\s+obj\b/g)) {
    const start = m.index! + m[0].length;
    const end = latin.indexOf('endobj', start);
    const body = latin.slice(start, end);
    const streamKeyword = /stream\r?\n/.exec(body);
    if (!streamKeyword) {
      objects.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, streamKeyword.index);
    const length = Number(/\/Length\s+(\d+)/.exec(dict)?.[1] ?? 0);
    const from = start + streamKeyword.index + streamKeyword[0].length;
    const raw = pdf.subarray(from, from + length);
    objects.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
  }
  return objects;
}

function refIn(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  return m ? Number(m[1]) : null;
}

/** bfchar and bfrange (both forms) of a ToUnicode CMap. */
function toUnicode(stream: Buffer | undefined): Map<number, string> {
  const map = new Map<number, string>();
  const cmap = stream?.toString('latin1') ?? '';
  const text = (hex: string) => String.fromCharCode(...(hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(parseInt(m[1], 16), text(m[2]));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g)) {
      const low = parseInt(m[1], 16);
      const high = parseInt(m[2], 16);
      if (m[3].startsWith('[')) {
        [...m[3].matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((entry, i) => map.set(low + i, text(entry[1])));
      } else {
        const first = parseInt(m[3].slice(1, -1).replace(/\s+/g, ''), 16);
        for (let code = low; code <= high; code++) map.set(code, String.fromCharCode(first + code - low));
      }
    }
  }
  return map;
}

/** Text of the `Tj` / `TJ` operators, through the font chosen by the last `Tf`; one line per operator. */
function shownText(content: string, fonts: Map<string, Map<number, string>>): string {
  const lines: string[] = [];
  let font: Map<number, string> | undefined;
  for (const m of content.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
    if (m[1] !== undefined) {
      font = fonts.get(m[1]);
      continue;
    }
    const hexes = m[2] !== undefined ? [...m[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]) : [m[3]];
    lines.push(hexes.map((hex) => (hex.match(/.{4}/g) ?? []).map((code) => font?.get(parseInt(code, 16)) ?? '?').join('')).join(''));
  }
  return lines.join('\n');
}

/** The 6-digit lookup PIN printed on a sending slip. */
export function lookupPinOnSlip(pdf: Buffer): string {
  const text = pdfText(pdf);
  const pin = /Mã tra cứu \(PIN\):\s*(\d{6})/.exec(text)?.[1];
  if (!pin) throw new Error(`no "Mã tra cứu (PIN)" on the sending slip; its text begins: ${text.slice(0, 400)}`);
  return pin;
}
