import type { MailItemDetail } from '../api/types.ts';
import { formatDateTime } from '../platform/format.ts';
import { fr } from './fr.ts';

export function EmailSummary({ email }: { email: NonNullable<MailItemDetail['email']> }) {
  const rows: [string, string | undefined][] = [
    [fr.item.emailFrom, email.from],
    [fr.item.emailTo, email.to?.join(', ')],
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
