// S/MIME « opaque » signed messages (application/pkcs7-mime; smime-type=signed-data) carry the
// whole message inside the signature: a PKCS#7 SignedData whose encapsulated content is the MIME
// entity. This reads just enough BER to take that content out; the signature is not verified
// (the original .eml, kept as received, still holds it).

interface Tlv {
  cls: number;
  constructed: boolean;
  number: number;
  contentStart: number;
  contentEnd: number;
  end: number;
}

const OID_SIGNED_DATA = Buffer.from([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]);

function readTlv(buf: Buffer, offset: number, depth = 0): Tlv {
  if (depth > 32) throw new Error('BER nesting too deep');
  let pos = offset;
  const first = buf[pos++];
  if (first === undefined) throw new Error('BER truncated');
  const cls = first >> 6;
  const constructed = (first & 0x20) !== 0;
  let number = first & 0x1f;
  if (number === 0x1f) {
    number = 0;
    let byte: number | undefined;
    do {
      byte = buf[pos++];
      if (byte === undefined) throw new Error('BER truncated tag');
      number = number * 128 + (byte & 0x7f);
    } while (byte & 0x80);
  }
  const lengthByte = buf[pos++];
  if (lengthByte === undefined) throw new Error('BER truncated length');
  if (lengthByte === 0x80) {
    // Indefinite length (BER): children until the end-of-contents marker 00 00.
    if (!constructed) throw new Error('indefinite primitive');
    const contentStart = pos;
    while (!(buf[pos] === 0 && buf[pos + 1] === 0)) {
      if (pos >= buf.length) throw new Error('BER missing end-of-contents');
      pos = readTlv(buf, pos, depth + 1).end;
    }
    return { cls, constructed, number, contentStart, contentEnd: pos, end: pos + 2 };
  }
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count > 4) throw new Error('BER length too large');
    length = 0;
    for (let i = 0; i < count; i++) {
      const byte = buf[pos++];
      if (byte === undefined) throw new Error('BER truncated length');
      length = length * 256 + byte;
    }
  }
  const contentEnd = pos + length;
  if (contentEnd > buf.length) throw new Error('BER content beyond the end');
  return { cls, constructed, number, contentStart: pos, contentEnd, end: contentEnd };
}

function children(buf: Buffer, tlv: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let pos = tlv.contentStart; pos < tlv.contentEnd; ) {
    const child = readTlv(buf, pos);
    out.push(child);
    pos = child.end;
  }
  return out;
}

/** An OCTET STRING's bytes, primitive or constructed (BER splits long contents in pieces). */
function octets(buf: Buffer, tlv: Tlv): Buffer {
  if (!tlv.constructed) return buf.subarray(tlv.contentStart, tlv.contentEnd);
  return Buffer.concat(children(buf, tlv).map((child) => octets(buf, child)));
}

/** The encapsulated content of a PKCS#7 / CMS SignedData (DER or BER), or null if it is not one or has none (detached). */
export function signedDataContent(der: Buffer): Buffer | null {
  try {
    const contentInfo = readTlv(der, 0);
    const [type, explicit] = children(der, contentInfo);
    if (!type || !explicit || !der.subarray(type.contentStart, type.contentEnd).equals(OID_SIGNED_DATA)) return null;
    const [signedData] = children(der, explicit);
    if (!signedData) return null;
    const encap = children(der, signedData)[2];
    if (!encap) return null;
    const [, wrapped] = children(der, encap);
    if (!wrapped || wrapped.cls !== 2) return null; // detached signature: no content here
    const [octetString] = children(der, wrapped);
    return octetString ? octets(der, octetString) : null;
  } catch {
    return null;
  }
}
