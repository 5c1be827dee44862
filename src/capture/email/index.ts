export { parseEml, TNEF_WARNING, BOUNCE_WARNING } from './parse-eml.ts';
export type { EmailAddress, EmailAttachment, ParsedEmail } from './parse-eml.ts';
export { renderEmailBodyText, formatAddress, formatFrenchDate } from './email-body-document.ts';
export { looksLikeEmailHeaders, guessUtf16 } from './raw-message.ts';
