// The printable text of the "corps du message" document of a mail item: a French header block
// (what a mailroom agent expects to see on a printed e-mail), then the body.

import type { EmailAddress, ParsedEmail } from './parse-eml.ts';

export function formatAddress(address: EmailAddress): string {
  return address.name ? `${address.name} <${address.address}>` : address.address;
}

/** "vendredi 14 mars 2014 à 10:52" in Paris time: the agents' clock, whatever the sender's zone. */
export function formatFrenchDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = new Intl.DateTimeFormat('fr-FR', {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris',
  }).format(date);
  const time = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(date);
  return `${day} à ${time}`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} Mo`;
}

export function renderEmailBodyText(parsed: ParsedEmail): string {
  const lines: string[] = [];
  lines.push(`De : ${parsed.from ? formatAddress(parsed.from) : '(expéditeur inconnu)'}`);
  if (parsed.replyTo && parsed.replyTo.address !== parsed.from?.address) {
    lines.push(`Répondre à : ${formatAddress(parsed.replyTo)}`);
  }
  lines.push(`À : ${parsed.to.length ? parsed.to.map(formatAddress).join(', ') : '(aucun destinataire)'}`);
  if (parsed.cc.length) lines.push(`Cc : ${parsed.cc.map(formatAddress).join(', ')}`);
  lines.push(`Date : ${parsed.date ? formatFrenchDate(parsed.date) : '(non datée)'}`);
  lines.push(`Objet : ${parsed.subject ?? '(sans objet)'}`);

  // Inline images (logos, signatures) are part of the body, not documents the agent must open.
  const listed = parsed.attachments.filter((a) => !a.inline);
  if (listed.length) {
    lines.push('Pièces jointes :');
    for (const a of listed) lines.push(`  - ${a.filename} (${formatSize(a.bytes.length)})`);
  } else {
    lines.push('Pièces jointes : aucune');
  }
  lines.push('');
  lines.push(parsed.bodyText.trim() || '(message sans texte)');
  return `${lines.join('\n')}\n`;
}
