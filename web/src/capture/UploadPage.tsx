import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
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

const ACCEPT = '.pdf,.tif,.tiff,.jpg,.jpeg,.png,.eml,application/pdf,image/tiff,image/jpeg,image/png,message/rfc822';

export function UploadPage() {
  const { code } = useEntity();
  const upload = useUploadMailItems(code);
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
    upload.mutate({ channel, files });
  }

  function reset() {
    upload.reset();
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
        <Button type="submit" iconId="fr-icon-upload-line" disabled={upload.isPending}>
          {upload.isPending ? fr.sending : fr.submit}
        </Button>
      </form>
      {upload.isError && (
        <Alert severity="error" title={fr.resultsTitle} description={errorMessage(upload.error)} className="fr-mt-3w" />
      )}
      {upload.data && <UploadResults code={code} results={upload.data.results} onAgain={reset} />}
    </>
  );
}
