import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef } from 'react';
import type { UploadResult } from '../api/types.ts';
import { fr } from './fr.ts';
import { UploadResultItem } from './UploadResultItem.tsx';

export function UploadResults({ code, results, onAgain }: { code: string; results: UploadResult[]; onAgain: () => void }) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), [results]);
  const ok = results.filter((r) => r.item).length;

  return (
    <section aria-labelledby="upload-results-title" className="fr-mt-4w">
      <h2 id="upload-results-title" ref={titleRef} tabIndex={-1}>
        {fr.resultsTitle}
      </h2>
      <p role="status">{fr.summary(ok, results.length - ok)}</p>
      <div>
        {results.map((result, i) => (
          <UploadResultItem key={`${result.filename}-${i}`} code={code} result={result} />
        ))}
      </div>
      <Button priority="secondary" onClick={onAgain} className="fr-mr-2w">
        {fr.again}
      </Button>
      <Button priority="tertiary" linkProps={{ to: `/e/${encodeURIComponent(code)}/courriers` }}>
        {fr.seeInbox}
      </Button>
    </section>
  );
}
