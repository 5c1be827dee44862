export interface IndexingRoutingRuleTable {
  id: string;
  entity_id: string;
  name: string;
  priority: number;
  sender_domain: string | null;
  sender_address: string | null;
  keywords: string; // JSON array
  form_type: string | null;
  mailbox: string | null;
  service_code: string | null;
  request_type_code: string | null;
  created_at: string;
}

export type RoutingTarget = 'service' | 'type';

export interface IndexingRoutingModelTable {
  entity_id: string;
  target: RoutingTarget;
  state: string; // JSON ModelState
  updated_at: string;
}

/** Who gave an item its labels: a rule, or an agent (the classifier's own guesses are not learnt). */
export type LabelSource = 'rule' | 'agent';

export interface IndexingRoutingItemTable {
  mail_item_id: string;
  entity_id: string;
  features: string; // JSON string[]
  service_label: string | null;
  type_label: string | null;
  label_source: LabelSource | null;
  decision: string; // JSON RoutingDecision
  decided_at: string;
  updated_at: string;
}

export interface RoutingTables {
  indexing_routing_rule: IndexingRoutingRuleTable;
  indexing_routing_model: IndexingRoutingModelTable;
  indexing_routing_item: IndexingRoutingItemTable;
}
