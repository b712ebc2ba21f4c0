import { inflateSync } from 'node:zlib';

/**
 * The text a PDF shows, read the plain way: each content stream (inflated when it is deflated), then
 * the strings of its text operators (`<hex> Tj`, `[<hex> 120 <hex>] TJ`, `(literal) Tj`) decoded as
 * Windows-1252, the encoding of the PDF standard fonts. One line per text operator. Enough for the
 * files pdfkit writes with those fonts; not a general PDF reader.
 */
/** Windows-1252 from 0x80 to 0x9F (the rest is Latin-1). Node's TextDecoder reads 'windows-1252' as Latin-1. */
const CP1252_80 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const cp1252 = (bytes: Buffer) => [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_80[b - 0x80] : String.fromCharCode(b))).join('');

export function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  const raw = pdf.toString('latin1');
  const streams = /<<(.*?)>>\s*stream\r?\n/gs;
  let m: RegExpExecArray | null;
  while ((m = streams.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    let content: string;
    try {
      content = (/\/FlateDecode/.test(m[1]) ? inflateSync(bytes) : bytes).toString('latin1');
    } catch {
      continue;
    }
    for (const op of content.matchAll(/\[((?:[^\]\\]|\\.)*)\]\s*TJ|(<[0-9a-fA-F\s]*>|\((?:[^)\\]|\\.)*\))\s*Tj/g)) {
      const parts = (op[1] ?? op[2]).match(/<[0-9a-fA-F\s]*>|\((?:[^)\\]|\\.)*\)/g) ?? [];
      const bytesOf = (part: string) =>
        part.startsWith('<') ? Buffer.from(part.slice(1, -1).replace(/\s/g, ''), 'hex') : Buffer.from(part.slice(1, -1).replace(/\\(.)/g, '$1'), 'latin1');
      lines.push(parts.map((p) => cp1252(bytesOf(p))).join(''));
    }
  }
  return lines.join('\n');
}
