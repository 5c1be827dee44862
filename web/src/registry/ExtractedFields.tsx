import type { ExtractedField } from '../api/types.ts';
import { FieldValue } from './FieldValue.tsx';
import { fieldLabels, fieldOrder, fr } from './fr.ts';

/** The fields read from the documents (sender, dates, subject, references…), grouped by kind. */
export function ExtractedFields({ fields }: { fields: ExtractedField[] }) {
  const groups = fieldOrder
    .map((name) => ({ name, values: fields.filter((f) => f.name === name) }))
    .filter((g) => g.values.length > 0);

  return (
    <section aria-labelledby="fields-title" className="fr-mb-4w">
      <h2 id="fields-title" className="fr-h5">
        {fr.item.fieldsTitle}
      </h2>
      {groups.length === 0 ? (
        <p className="fr-text--sm">{fr.item.fieldsEmpty}</p>
      ) : (
        <dl>
          {groups.map((group) => (
            <div key={group.name} className="fr-mb-2w">
              <dt className="fr-text--sm fr-mb-1v octo-muted">{fieldLabels[group.name]}</dt>
              <dd className="fr-ml-0">
                <ul className="fr-raw-list">
                  {group.values.map((field, i) => (
                    <FieldValue key={`${field.documentId}-${i}`} field={field} />
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
