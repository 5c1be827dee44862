import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client.ts';
import { useEntity } from '../platform/EntityContext.tsx';
import { formatSize } from '../platform/format.ts';
import { usePageTitle } from '../platform/usePageTitle.ts';
import { useUploadMailItems, type UploadChannel } from './api.ts';
import { fr } from './fr.ts';
import { UploadResults } from './UploadResults.tsx';
import { batchSummary, batchToUploadResults, separatorSheetUrl, useUploadBatchScans } from './batch-api.ts';

const ACCEPT = '.pdf,.tif,.tiff,.jpg,.jpeg,.png,.eml,application/pdf,image/tiff,image/jpeg,image/png,message/rfc822';

export function UploadPage() {
  const { code } = useEntity();
  const upload = useUploadMailItems(code);
  const batch = useUploadBatchScans(code);
  const [split, setSplit] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [channel, setChannel] = useState<UploadChannel>('upload');
  const [missing, setMissing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  usePageTitle(fr.title);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (files.length === 0) {
      setMissing(true);
      return;
    }
    if (split) batch.mutate(files);
    else upload.mutate({ channel, files });
  }

  function reset() {
    upload.reset();
    batch.reset();
    setFiles([]);
    setMissing(false);
    setFormKey((k) => k + 1);
  }

  return (
    <>
      <h1>{fr.title}</h1>
      <p>{fr.lead}</p>
      <form key={formKey} onSubmit={onSubmit} className="fr-col-12 fr-col-md-8">
        <Upload
          id="upload-files"
          label={fr.filesLabel}
          hint={fr.filesHint}
          multiple
          state={missing ? 'error' : 'default'}
          stateRelatedMessage={fr.noFile}
          className="fr-mb-2w"
          nativeInputProps={{
            name: 'file',
            accept: ACCEPT,
            onChange: (e) => {
              setFiles(Array.from(e.target.files ?? []));
              setMissing(false);
            },
          }}
        />
        {files.length > 0 && (
          <div className="fr-mb-3w">
            <p className="fr-text--sm fr-mb-1v">{fr.selected(files.length)}</p>
            <ul className="fr-text--sm">
              {files.map((file, i) => (
                <li key={`${file.name}-${i}`}>
                  {file.name} ({formatSize(file.size)})
                </li>
              ))}
            </ul>
          </div>
        )}
        <Select
          label={fr.channelLabel}
          nativeSelectProps={{
            id: 'upload-channel',
            name: 'channel',
            value: channel,
            onChange: (e) => setChannel(e.target.value as UploadChannel),
          }}
        >
          {(Object.keys(fr.channels) as UploadChannel[]).map((value) => (
            <option key={value} value={value}>
              {fr.channels[value]}
            </option>
          ))}
        </Select>
        <Checkbox
          className="fr-mt-2w"
          options={[
            {
              label: fr.splitLabel,
              hintText: (
                <>
                  {fr.splitHint}{' '}
                  <a href={separatorSheetUrl(code)} target="_blank" rel="noreferrer" className="fr-link">
                    {fr.printSeparator}
                  </a>
                </>
              ),
              nativeInputProps: { id: 'upload-split', name: 'split', checked: split, onChange: (e) => setSplit(e.target.checked) },
            },
          ]}
        />
        <Button type="submit" iconId="fr-icon-upload-line" disabled={upload.isPending || batch.isPending}>
          {upload.isPending || batch.isPending ? fr.sending : fr.submit}
        </Button>
      </form>
      {upload.isError && (
        <Alert severity="error" title={fr.resultsTitle} description={errorMessage(upload.error)} className="fr-mt-3w" />
      )}
      {upload.data && <UploadResults code={code} results={upload.data.results} onAgain={reset} />}
      {batch.isError && <Alert severity="error" title={fr.resultsTitle} description={errorMessage(batch.error)} className="fr-mt-3w" />}
      {batch.data && (
        <>
          <ul className="fr-mt-3w" data-testid="batch-summary">
            {batch.data.results.map((r) => (
              <li key={r.batchId}>
                {batchSummary(r)}
                {r.items.flatMap((i) => i.warnings).map((w) => (
                  <p key={w} className="fr-text--sm fr-mb-0">
                    ⚠ {w}
                  </p>
                ))}
              </li>
            ))}
          </ul>
          <UploadResults code={code} results={batchToUploadResults(batch.data.results)} onAgain={reset} />
        </>
      )}
    </>
  );
}
