// Tables of the acknowledgements of receipt (migration 202612031400_registry_acknowledgements).

/** The decision the silence of the administration would give: the AR's text depends on it. */
export type AckTemplateKind = 'sva' | 'svr' | 'none';
export type AckChannel = 'letter' | 'email';

/** The editable part of an entity's ARs, one row per kind and channel (the legal block is not in it). */
export interface RegistryAckTemplateTable {
  entity_id: string;
  kind: AckTemplateKind;
  channel: AckChannel;
  subject: string;
  body: string;
  updated_at: string;
  updated_by: string | null;
  /** 1 when the entity shares this text with the platform's other entities (they may copy it). */
  shared?: number;
}
