import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';
import { addComment } from './api.ts';
import { fr } from './fr.ts';
import { useHandlingAction } from './queries.ts';

export function CommentForm({ code, chrono, onDone }: { code: string; chrono: string; onDone: (message: string) => void }) {
  const action = useHandlingAction(code, chrono, addComment);
  const [body, setBody] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    action.mutate(
      { body },
      {
        onSuccess: () => {
          onDone(fr.forms.comment.done);
          setBody('');
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} aria-label={fr.forms.comment.title}>
      <Input
        label={fr.forms.comment.body}
        textArea
        nativeTextAreaProps={{ id: 'comment-body', value: body, rows: 3, maxLength: 5000, onChange: (e) => setBody(e.target.value) }}
      />
      {action.isError && <Alert severity="error" small description={errorMessage(action.error)} className="fr-mb-2w" />}
      <Button type="submit" disabled={action.isPending || body.trim() === ''}>
        {action.isPending ? fr.forms.submitting : fr.forms.comment.submit}
      </Button>
    </form>
  );
}
