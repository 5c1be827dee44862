export type RequesterKind = 'person' | 'company' | 'association';

/** One submission of the public form (saisine par voie électronique, CRPA L112-8): who, what, and its acknowledgements. */
export interface CaptureFormSubmissionTable {
  id: string;
  entity_id: string;
  entity_code: string;
  mail_item_id: string;
  chrono: string;
  requester_kind: RequesterKind;
  last_name: string;
  first_name: string;
  organisation_name: string | null;
  siret: string | null;
  rna: string | null;
  email: string;
  address_lines: string; // newline-separated
  postcode: string;
  city: string;
  phone: string | null;
  request_type_code: string;
  subject: string;
  submitted_at: string;
  client_ip: string | null;
  aee_outbox_id: string | null;
  /** Last working day for the ARE (R112-11-2), as computed at submission. */
  are_due_date: string | null;
  are_outbox_id: string | null;
  /** Why the ARE is not sent (yet): the item is not assigned, its service lacks contact data, none is owed. */
  are_status: 'pending' | 'queued' | 'not_owed';
  are_reason: string | null;
}

export interface PublicFormTables {
  capture_form_submission: CaptureFormSubmissionTable;
}
