// UTF-7 (RFC 2152), still produced by old Outlook versions. mailparser deliberately refuses to
// decode it (UTF-7 can smuggle HTML markup past filters); we only ever produce plain text from
// it, so decoding is safe here.

const SHIFTED = /\+([A-Za-z0-9+/]*)-?/g;

export function decodeUtf7(text: string): string {
  return text.replace(SHIFTED, (whole, b64: string) => {
    if (b64 === '') return whole === '+-' ? '+' : whole;
    const bytes = Buffer.from(b64, 'base64');
    const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
    return new TextDecoder('utf-16be').decode(even);
  });
}

const UTF7_ENCODED_WORD = /=\?utf-7(?:\*[a-z-]+)?\?([qb])\?([^?\s]*)\?=/gi;

/** Rewrites =?utf-7?…?= encoded words as UTF-8 ones so the header decoder reads them. */
export function rewriteUtf7EncodedWords(header: string): string {
  return header.replace(UTF7_ENCODED_WORD, (_m, enc: string, payload: string) => {
    const raw =
      enc.toLowerCase() === 'b'
        ? Buffer.from(payload, 'base64').toString('latin1')
        : payload.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
    return `=?utf-8?B?${Buffer.from(decodeUtf7(raw), 'utf8').toString('base64')}?=`;
  });
}

/** True when a text part of the message declares charset UTF-7. */
export function declaresUtf7Body(raw: string): boolean {
  return /content-type:\s*text\/[a-z]+;[^\n]*(?:\n[ \t][^\n]*)*charset\s*=\s*"?(?:unicode-1-1-)?utf-7/i.test(raw);
}
