import type { IntakeResult } from '../capture/index.ts';
import type { MailItemDetail } from '../registry/index.ts';

const STATUS_FR: Record<string, string> = {
  registered: 'enregistré',
  processing: 'en traitement',
  indexed: 'indexé',
  needs_review: 'à vérifier',
  quarantined: 'en quarantaine',
};

const FIELD_FR: Record<string, string> = {
  letter_date: 'Date du courrier',
  other_date: 'Autre date',
  subject: 'Objet',
  reference: 'Référence',
  email: 'Courriel',
  phone: 'Téléphone',
  postal_code_city: 'Code postal et commune',
  sender: 'Expéditeur',
};

export function formatFields(detail: MailItemDetail): string[] {
  return detail.fields.map(
    (f) => `    ${FIELD_FR[f.name] ?? f.name} : ${f.value}${f.normalized && f.normalized !== f.value ? ` (${f.normalized})` : ''} [${Math.round(f.confidence * 100)} %]`,
  );
}

export function formatItem(detail: MailItemDetail): string {
  const lines = [
    `${detail.chrono}  ${STATUS_FR[detail.status] ?? detail.status}  ${detail.pageCount} page(s)  ${detail.documentCount} document(s)`,
  ];
  if (detail.senderName || detail.senderAddress) lines.push(`  Expéditeur : ${[detail.senderName, detail.senderAddress].filter(Boolean).join(', ')}`);
  if (detail.subject) lines.push(`  Objet : ${detail.subject}`);
  if (detail.letterDate) lines.push(`  Date du courrier : ${detail.letterDate}`);
  if (detail.fields.length) lines.push('  Champs extraits :', ...formatFields(detail));
  for (const doc of detail.documents) {
    if (doc.quarantineReason) lines.push(`  Quarantaine (${doc.filename}) : ${doc.quarantineReason}`);
  }
  for (const warning of detail.warnings) lines.push(`  Alerte : ${warning}`);
  return lines.join('\n');
}

export function formatIntake(result: IntakeResult, detail: MailItemDetail | null): string {
  if (result.quarantine) {
    return `${result.filename}\n  QUARANTAINE [${result.quarantine.code}] ${result.quarantine.message}`;
  }
  return `${result.filename}\n  ${detail ? formatItem(detail).replace(/\n/g, '\n  ') : result.item?.chrono}`;
}
