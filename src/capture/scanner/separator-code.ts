// What a separator sheet's QR code says: `OCTO-SEP:v1:<entity>:<service|->`.
// Versioned so a later sheet layout can carry more without misreading old sheets.

export const SEPARATOR_PREFIX = 'OCTO-SEP:';

export interface SeparatorCode {
  entityCode: string;
  /** The service the following item goes to; null when the sheet names none. */
  serviceCode: string | null;
}

const CODE = /^[A-Z0-9][A-Z0-9-]{0,31}$/;

export function formatSeparatorCode(code: SeparatorCode): string {
  return `${SEPARATOR_PREFIX}v1:${code.entityCode}:${code.serviceCode ?? '-'}`;
}

/** The separator a decoded QR text names, or null when it is not one of ours (any other QR on a letter). */
export function parseSeparatorCode(text: string): SeparatorCode | null {
  const parts = text.trim().split(':');
  if (parts.length !== 4 || `${parts[0]}:` !== SEPARATOR_PREFIX || parts[1] !== 'v1') return null;
  const [, , entityCode, service] = parts as [string, string, string, string];
  if (!CODE.test(entityCode)) return null;
  if (service !== '-' && !CODE.test(service)) return null;
  return { entityCode, serviceCode: service === '-' ? null : service };
}
