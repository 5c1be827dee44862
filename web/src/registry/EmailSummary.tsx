import type { EmailAddress, MailItemDetail } from '../api/types.ts';
import { formatDateTime } from '../platform/format.ts';
import { fr } from './fr.ts';

/** « Nom <adresse> », or the address alone; tolerates a plain string from older items. */
export function formatAddress(address: EmailAddress | string | undefined): string | undefined {
  if (!address) return undefined;
  if (typeof address === 'string') return address;
  return address.name ? `${address.name} <${address.address}>` : address.address;
}

export function EmailSummary({ email }: { email: NonNullable<MailItemDetail['email']> }) {
  const rows: [string, string | undefined][] = [
    [fr.item.emailFrom, formatAddress(email.from)],
    [fr.item.emailTo, email.to?.map(formatAddress).join(', ')],
    ['Cc', email.cc?.map(formatAddress).join(', ')],
    [fr.item.emailSubject, email.subject],
    [fr.item.emailDate, email.date ? formatDateTime(email.date) : undefined],
  ];
  return (
    <section aria-labelledby="email-title" className="fr-mb-3w">
      <h2 id="email-title" className="fr-h5">
        {fr.item.emailTitle}
      </h2>
      <dl className="fr-text--sm">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt className="fr-text--bold" style={{ display: 'inline' }}>
                {label} :{' '}
              </dt>
              <dd style={{ display: 'inline', margin: 0 }}>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
