import type { RoutingTables } from './routing/tables.ts';

export interface IndexingFieldTable {
  id: string;
  entity_id: string;
  mail_item_id: string;
  document_id: string;
  name: string;
  value: string;
  normalized: string | null;
  confidence: number;
  page: number | null;
  start_offset: number;
  end_offset: number;
  excerpt: string;
  details: string; // JSON
}

export interface IndexingTables extends RoutingTables {
  indexing_field: IndexingFieldTable;
}
