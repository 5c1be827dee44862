import { useMutation, useQuery } from '@tanstack/react-query';
import { getJson, postForm, seg } from '../api/client.ts';

export type RequesterKind = 'person' | 'company' | 'association';

export interface PublicForm {
  entity: { code: string; name: string };
  requestTypes: Array<{ code: string; name: string; implicitDecision: string }>;
  maxAttachments: number;
  maxAttachmentMb: number;
}

export interface SubmissionDraft {
  requesterKind: RequesterKind;
  lastName: string;
  firstName: string;
  organisationName: string;
  siret: string;
  rna: string;
  email: string;
  addressLines: string[];
  postcode: string;
  city: string;
  country: string;
  phone: string;
  requestTypeCode: string;
  subject: string;
  message: string;
}

export interface SubmissionReceipt {
  chrono: string;
  receivedAt: string;
  receivedOnFr: string;
  entityName: string;
  requestType: string;
  email: string;
  aeeStatus: string;
  areDueDate: string | null;
  attachments: Array<{ filename: string; accepted: boolean; reason: string | null }>;
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export function usePublicForm(entityCode: string) {
  return useQuery({
    queryKey: ['public-form', entityCode],
    queryFn: ({ signal }) => getJson<PublicForm>(`/public/entities/${seg(entityCode)}/form`, undefined, signal),
    retry: false,
  });
}

export function useSubmitPublicForm(entityCode: string) {
  return useMutation({
    mutationFn: ({ draft, files }: { draft: SubmissionDraft; files: File[] }) => {
      const form = new FormData();
      form.append('demande', JSON.stringify(draft));
      for (const file of files) form.append('pieces', file, file.name);
      return postForm<SubmissionReceipt>(`/public/entities/${seg(entityCode)}/submissions`, form);
    },
  });
}
