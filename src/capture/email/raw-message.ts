// Byte-level preparation of a raw .eml before MIME parsing: UTF-16 exports, mbox "From "
// lines, and a cheap "does this look like RFC 822 headers?" test shared with file sniffing.

import { OctoError } from '../../platform/errors.ts';

export type TextEncodingGuess = 'utf-16be' | 'utf-16le' | undefined;

/** Windows tools sometimes save a message as UTF-16, often without a BOM: ASCII text then shows a NUL every other byte. */
export function guessUtf16(bytes: Buffer): TextEncodingGuess {
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  const sample = bytes.subarray(0, Math.min(bytes.length, 512) & ~1);
  if (sample.length < 8) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = sample.length / 2;
  if (evenNul / pairs > 0.7 && oddNul / pairs < 0.05) return 'utf-16be';
  if (oddNul / pairs > 0.7 && evenNul / pairs < 0.05) return 'utf-16le';
  return undefined;
}

/** Decodes a UTF-16 file to a string; `fatal` so that broken surrogates are reported, not papered over. */
export function decodeUtf16(bytes: Buffer, encoding: 'utf-16be' | 'utf-16le'): string {
  const even = bytes.length % 2 === 0 ? bytes : bytes.subarray(0, bytes.length - 1);
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(even);
}

const HEADER_LINE = /^[!-9;-~]+:[ \t]?/; // RFC 5322 field name: printable ASCII except ':'
const KNOWN_HEADERS = /^(received|from|to|cc|subject|date|message-id|mime-version|return-path|delivered-to|content-type|reply-to|sender|x-[a-z0-9-]+):/i;

/**
 * True when the text starts with an RFC 822 header block: an optional mbox "From " line, then
 * header lines (with folded continuations) of which at least one is a well-known field.
 */
export function looksLikeEmailHeaders(text: string): boolean {
  const lines = text.slice(0, 16384).split(/\r?\n/);
  let i = 0;
  if (lines[0]?.startsWith('From ')) i = 1;
  let headers = 0;
  let known = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') break;
    if (/^[ \t]/.test(line)) {
      if (headers === 0) return false;
      continue;
    }
    if (!HEADER_LINE.test(line)) return false;
    headers++;
    if (KNOWN_HEADERS.test(line)) known++;
  }
  return headers >= 1 && known >= 1 && (known >= 2 || headers >= 2);
}

export interface NormalisedMessage {
  bytes: Buffer;
  warnings: string[];
}

/** Undoes whole-file UTF-16 and drops the mbox envelope line, so the MIME parser sees a plain message. */
export function normaliseRawMessage(input: Buffer): NormalisedMessage {
  const warnings: string[] = [];
  let bytes = input;
  const utf16 = guessUtf16(bytes);
  if (utf16) {
    let text: string;
    try {
      text = decodeUtf16(bytes, utf16);
    } catch {
      throw new OctoError('CAPTURE_EML_BAD_ENCODING', 'UTF-16 message with invalid code units', {
        detailFr: `Le fichier semble enregistré en ${utf16.toUpperCase()} mais contient des séquences invalides.`,
      });
    }
    text = text.replace(/^\uFEFF/, '');
    // Re-encode the way the declared charsets expect: UTF-8 unless the text fits Latin-1 and never claims UTF-8.
    const asUtf8 = /charset="?utf-?8/i.test(text) || /[^\x00-\xff]/.test(text);
    bytes = Buffer.from(text, asUtf8 ? 'utf8' : 'latin1');
    warnings.push(`Courriel enregistré en ${utf16.toUpperCase()} (export Windows) : converti avant lecture.`);
  } else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bytes = bytes.subarray(3);
  }
  // A NUL in the header block that is not UTF-16 means an encoding we cannot read (UTF-32, binary).
  const headerEnd = indexOfBlankLine(bytes);
  if (bytes.subarray(0, headerEnd).includes(0)) {
    throw new OctoError('CAPTURE_EML_BAD_ENCODING', 'NUL bytes in the header block', {
      detailFr: 'Octets nuls dans les en-têtes : encodage du fichier non reconnu (ni ASCII, ni UTF-8, ni UTF-16).',
    });
  }
  if (bytes.subarray(0, 5).toString('latin1') === 'From ') {
    const eol = bytes.indexOf(0x0a);
    bytes = eol < 0 ? Buffer.alloc(0) : bytes.subarray(eol + 1);
  }
  return { bytes, warnings };
}

function indexOfBlankLine(bytes: Buffer): number {
  const crlf = bytes.indexOf('\r\n\r\n');
  const lf = bytes.indexOf('\n\n');
  const found = [crlf, lf].filter((i) => i >= 0);
  return found.length ? Math.min(...found) : Math.min(bytes.length, 65536);
}
