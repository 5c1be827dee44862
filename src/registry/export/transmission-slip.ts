// The « bordereau de transmission »: the human-readable page of an export package, in French, a
// self-contained HTML file (no script, no external resource) that prints on A4.
import { formatDateFr, type IsoDate } from '../deadlines/index.ts';
import type { ExportManifest } from './export-manifest.ts';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const dateFr = (date: string | null) => (date ? formatDateFr(date as IsoDate) : '—');

function row(label: string, value: string | null): string {
  return `<tr><th scope="row">${escapeHtml(label)}</th><td>${value === null || value === '' ? '—' : escapeHtml(value).replace(/\n/g, '<br>')}</td></tr>`;
}

const ROLE_FR: Record<string, string> = { original: 'Document', email_body: 'Corps du courriel', attachment: 'Pièce jointe' };

export function renderTransmissionSlip(manifest: ExportManifest): string {
  const m = manifest;
  const clocks = m.legalClocks;
  const documents = m.documents
    .map(
      (d) =>
        `<tr><td>${d.position}</td><td>${escapeHtml(ROLE_FR[d.role] ?? d.role)}</td><td>${escapeHtml(d.filename)}</td><td>${d.pageCount}</td>` +
        `<td><code>${escapeHtml(d.original.path)}</code></td><td>${d.searchable ? `<code>${escapeHtml(d.searchable.path)}</code>` : 'sans objet'}</td></tr>`,
    )
    .join('\n');
  const checksums = m.files.map((f) => `<tr><td><code>${escapeHtml(f.path)}</code></td><td>${f.sizeBytes}</td><td><code>${f.sha256}</code></td></tr>`).join('\n');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Bordereau de transmission — ${escapeHtml(m.item.chrono)}</title>
<style>
  body { font-family: Marianne, Arial, sans-serif; margin: 2cm; color: #161616; font-size: 11pt; }
  h1 { font-size: 16pt; } h2 { font-size: 12.5pt; margin-top: 1.5em; border-bottom: 1px solid #ccc; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: 3px 6px; border: 1px solid #ddd; }
  th[scope=row] { width: 35%; background: #f6f6f6; } code { font-size: 9pt; word-break: break-all; }
  @media print { body { margin: 0; } }
</style>
</head>
<body>
<p>${escapeHtml(m.sender.entityName)}${m.sender.serviceName ? `<br>${escapeHtml(m.sender.serviceName)}` : ''}</p>
<h1>Bordereau de transmission</h1>
<p>En application de l’article L114-2 du code des relations entre le public et l’administration, la demande ci-dessous, qui ne relève pas de la compétence de ${escapeHtml(m.sender.entityName)}, est transmise à l’administration compétente.</p>
<h2>Destinataire</h2>
<table>
${row('Administration', m.recipient.name)}
${row('Adresse', m.recipient.addressLines.join('\n'))}
${row('Motif de la transmission', m.reason)}
${row('Date de transmission', dateFr(m.transmittedOn))}
${row('Transmis par', m.transmittedBy)}
</table>
<h2>Courrier transmis</h2>
<table>
${row('Numéro d’enregistrement (chrono)', m.item.chrono)}
${row('Date de réception', dateFr(m.item.receivedOn))}
${row('Date de réception par la première administration saisie', dateFr(clocks.firstReceivedOn))}
${row('Date du courrier', dateFr(m.item.letterDate))}
${row('Expéditeur', [m.item.sender.name, m.item.sender.address].filter(Boolean).join('\n'))}
${row('Objet', m.item.subject)}
${row('Type de demande', m.item.requestType ? `${m.item.requestType.name} (${m.item.requestType.code})` : 'non qualifiée')}
</table>
<h2>Délais (article L114-2 du CRPA)</h2>
<table>
${row('Décision implicite de rejet', `Le délai court à compter de la réception par la première administration saisie : ${dateFr(clocks.firstReceivedOn)}.`)}
${row('Décision implicite d’acceptation', 'Le délai ne court qu’à compter de la réception de la demande par l’administration compétente (date de réception de ce paquet).')}
${row('Échéance calculée avant transmission', clocks.implicitDecision ? `${clocks.implicitDecision.kind === 'acceptance' ? 'acceptation' : 'rejet'} implicite le ${dateFr(clocks.implicitDecision.date)}` : 'aucune')}
${row('Demande incomplète (L114-5)', clocks.incomplete ? `pièces demandées le ${dateFr(clocks.incomplete.requestedOn)} : ${clocks.incomplete.missingItems.join(' ; ')}${clocks.incomplete.completedOn ? ` ; reçues le ${dateFr(clocks.incomplete.completedOn)}` : ''}` : 'non')}
</table>
<h2>Documents</h2>
<table>
<tr><th>N°</th><th>Nature</th><th>Fichier reçu</th><th>Pages</th><th>Original</th><th>Version recherchable</th></tr>
${documents || '<tr><td colspan="6">Aucun document.</td></tr>'}
</table>
${m.warnings.length ? `<h2>Observations</h2><ul>${m.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>` : ''}
<h2>Empreintes (SHA-256)</h2>
<p>Chaque document du paquet figure ci-dessous avec son empreinte ; le fichier SHA256SUMS les reprend, avec celles de manifest.json et de ce bordereau : « sha256sum -c SHA256SUMS », lancé dans le dossier du paquet, les vérifie toutes.</p>
<table>
<tr><th>Fichier</th><th>Octets</th><th>SHA-256</th></tr>
${checksums}
</table>
</body>
</html>
`;
}
