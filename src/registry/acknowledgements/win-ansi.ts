// pdf-lib's standard fonts (Helvetica) encode WinAnsi only: it covers French (é è à ç œ « » ’ …)
// but a sender's name may carry any character. Each character outside the font's set becomes a
// close one (ligatures split, accents dropped, typographic spaces made plain) or '?', never a crash.

const CLOSE: Record<string, string> = {
  '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ', '\u2007': ' ', '\u2002': ' ', '\u2003': ' ',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2212': '-', '\u2043': '-',
  '\u2032': '\'', '\u2033': '"', '\u02bc': '’', '\u2264': '<=', '\u2265': '>=', '\u2260': '!=',
  '\u2192': '->', '\u2190': '<-', '\u2022': '•', '\u25cf': '•', '\u2713': 'v', '\u2116': 'N°',
  '\u0131': 'i', '\u0141': 'L', '\u0142': 'l', '\u0110': 'D', '\u0111': 'd', '\u00d8': 'Ø',
  '\u0152': 'Œ', '\u0153': 'œ', '\ufb01': 'fi', '\ufb02': 'fl', '\ufb00': 'ff', '\u1e9e': 'SS',
};

/** Returns a sanitizer for a font's character set (pdf-lib `font.getCharacterSet()`). */
export function winAnsiSanitizer(characterSet: number[]): (text: string) => string {
  const known = new Set(characterSet);
  const fits = (s: string) => [...s].every((c) => known.has(c.codePointAt(0)!));
  return (text: string) => {
    let out = '';
    for (const char of text.normalize('NFC')) {
      if (char === '\n') out += char; // line breaks are the layout's business
      else if (char === '\t') out += ' ';
      else if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/.test(char)) continue;
      else if (known.has(char.codePointAt(0)!)) out += char;
      else if (CLOSE[char] && fits(CLOSE[char]!)) out += CLOSE[char];
      else {
        const bare = char.normalize('NFKD').replace(/\p{M}/gu, '');
        out += bare && fits(bare) ? bare : '?';
      }
    }
    return out;
  };
}
