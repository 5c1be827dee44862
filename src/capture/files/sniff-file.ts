// What a file really is, read from its bytes. The name is only used to word the refusal
// ("named .pdf but is a Word document") and to catch scripts, which have no magic number.

import { fileTypeFromBuffer } from 'file-type';
import { OctoError } from '../../platform/errors.ts';
import { decodeUtf16, guessUtf16, looksLikeEmailHeaders } from '../email/raw-message.ts';
import { frenchTypeLabel, isExecutableType } from './file-labels.ts';

export type FileKind = 'pdf' | 'tiff' | 'jpeg' | 'png' | 'eml';
export interface SniffedFile { kind: FileKind; mime: string; extension: string }

const ACCEPTED: Record<FileKind, SniffedFile> = {
  pdf: { kind: 'pdf', mime: 'application/pdf', extension: 'pdf' },
  tiff: { kind: 'tiff', mime: 'image/tiff', extension: 'tif' },
  jpeg: { kind: 'jpeg', mime: 'image/jpeg', extension: 'jpg' },
  png: { kind: 'png', mime: 'image/png', extension: 'png' },
  eml: { kind: 'eml', mime: 'message/rfc822', extension: 'eml' },
};

// file-type answers for things we take; 'ai' is a PDF written by Illustrator, 'apng' a PNG.
const FROM_FILE_TYPE: Record<string, FileKind> = { pdf: 'pdf', ai: 'pdf', tif: 'tiff', jpg: 'jpeg', png: 'png', apng: 'png' };

const SUPPORTED_NAME_EXTENSIONS = new Set(['pdf', 'tif', 'tiff', 'jpg', 'jpeg', 'jpe', 'jfif', 'png', 'eml']);
const SCRIPT_NAME_EXTENSIONS = new Set([
  'sh', 'bash', 'bat', 'cmd', 'ps1', 'psm1', 'vbs', 'vbe', 'js', 'jse', 'wsf', 'wsh', 'hta', 'py', 'pl', 'rb', 'php', 'scr', 'com', 'msi',
]);

export async function sniffFile(bytes: Buffer, filename?: string): Promise<SniffedFile> {
  if (bytes.length === 0) {
    throw new OctoError('CAPTURE_EMPTY_FILE', 'empty file', { detailFr: nameDetail(filename) });
  }
  const named = nameExtension(filename);

  const native = nativeExecutable(bytes);
  if (native) throw executable(native, filename);

  const detected = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (detected) {
    const kind = FROM_FILE_TYPE[detected.ext];
    if (kind) return ACCEPTED[kind];
    if (isExecutableType(detected.ext)) throw executable(frenchTypeLabel(detected.ext), filename);
    throw refused(frenchTypeLabel(detected.ext, detected.mime), named, filename);
  }

  // PDF readers accept the header anywhere in the first 1024 bytes (some scanners prepend junk).
  if (bytes.subarray(0, 1024).includes('%PDF-')) return ACCEPTED.pdf;

  const text = asText(bytes);
  if (text !== undefined) {
    if (looksLikeEmailHeaders(text)) return ACCEPTED.eml;
    if (named && SCRIPT_NAME_EXTENSIONS.has(named)) throw executable(`script (.${named})`, filename);
    const label = /^\s*<(!doctype html|html|head|body)\b/i.test(text) ? 'page HTML' : 'texte brut';
    throw refused(label, named, filename);
  }
  throw refused(undefined, named, filename);
}

/** Native program formats, checked before anything else so no other reading can win. */
function nativeExecutable(bytes: Buffer): string | undefined {
  const b = bytes;
  if (b[0] === 0x4d && b[1] === 0x5a) {
    const peOffset = b.length >= 0x40 ? b.readUInt32LE(0x3c) : -1;
    const isPe = peOffset > 0 && peOffset + 4 <= b.length && b.subarray(peOffset, peOffset + 4).equals(Buffer.from('PE\0\0', 'latin1'));
    return isPe ? 'exécutable Windows (PE)' : 'exécutable MS-DOS (MZ)';
  }
  if (b.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) return 'exécutable Linux (ELF)';
  const magic = b.length >= 4 ? b.readUInt32BE(0) : 0;
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(magic)) return 'exécutable macOS (Mach-O)';
  // 0xCAFEBABE is both a universal Mach-O binary and a Java class: a program either way.
  if (magic === 0xcafebabe) return 'exécutable macOS universel ou programme Java';
  const start = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  if (b[start] === 0x23 && b[start + 1] === 0x21) {
    const line = b.subarray(start, start + 80).toString('latin1').split(/\r?\n/)[0]!.trim();
    return `script exécutable (${line})`;
  }
  return undefined;
}

/** The file as text when it plausibly is text (ASCII/UTF-8/Latin-1 without control bytes, or UTF-16). */
function asText(bytes: Buffer): string | undefined {
  const sample = bytes.subarray(0, 65536);
  const utf16 = guessUtf16(sample);
  if (utf16) {
    try {
      return decodeUtf16(sample, utf16).replace(/^\uFEFF/, '');
    } catch {
      return undefined;
    }
  }
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return undefined;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) control++;
  }
  if (control > sample.length * 0.01) return undefined;
  return sample.toString('latin1').replace(/^\xef\xbb\xbf/, '');
}

function nameExtension(filename?: string): string | undefined {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(filename ?? '');
  return match ? match[1]!.toLowerCase() : undefined;
}

function nameDetail(filename?: string): string {
  return filename ? `Fichier reçu : « ${filename} ».` : '';
}

function executable(label: string, filename?: string): OctoError {
  const named = filename ? ` (nommé « ${filename} »)` : '';
  return new OctoError('CAPTURE_EXECUTABLE_FILE', `executable content: ${label}`, {
    detailFr: `Fichier détecté : ${label}${named}.`,
    detected: label,
  });
}

function refused(label: string | undefined, named: string | undefined, filename?: string): OctoError {
  const what = label ? `Fichier détecté : ${label}.` : 'Contenu non reconnu (ni PDF, ni image, ni courriel).';
  // A text file named .eml is an e-mail whose headers are missing: say that, not "wrong type".
  if (named === 'eml' && (!label || label === 'texte brut')) {
    return new OctoError('CAPTURE_EML_INVALID', 'named .eml but has no RFC 822 header', {
      detailFr: `Le fichier « ${filename} » ne contient aucun en-tête de courriel (De, Date, Objet).`,
    });
  }
  if (label && named && SUPPORTED_NAME_EXTENSIONS.has(named)) {
    return new OctoError('CAPTURE_TYPE_MISMATCH', `named .${named} but is ${label}`, {
      detailFr: `Le fichier « ${filename} » porte l’extension .${named} mais son contenu est : ${label}.`,
      detected: label,
    });
  }
  const name = filename ? ` Fichier reçu : « ${filename} ».` : '';
  return new OctoError('CAPTURE_UNSUPPORTED_TYPE', `unsupported type: ${label ?? 'unknown'}`, {
    detailFr: `${what}${name}`,
    detected: label ?? 'inconnu',
  });
}
