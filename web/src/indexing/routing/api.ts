import { deleteEmpty, getJson, postJson, seg } from '../../api/client.ts';

/** Types of the routing contract (tag « aiguillage » of /api/docs). */
export interface RoutingGuess {
  code: string;
  /** Calibrated probability, 0 to 1. */
  confidence: number;
  /** The words that weighed most, strongest first. */
  words: string[];
  runnerUp: { code: string; confidence: number } | null;
}

export interface RoutingDecision {
  decidedBy: 'rule' | 'classifier' | 'none';
  rule: { id: string; name: string; matchedKeywords: string[] } | null;
  serviceCode: string | null;
  requestTypeCode: string | null;
  service: RoutingGuess | null;
  requestType: RoutingGuess | null;
  threshold: number;
  abstention: string | null;
}

export interface ItemRouting {
  decision: RoutingDecision;
  decidedAt: string;
  learnt: { serviceCode: string | null; requestTypeCode: string | null; source: 'rule' | 'agent' } | null;
}

export interface RoutingRule {
  id: string;
  name: string;
  priority: number;
  senderDomain?: string | null;
  senderAddress?: string | null;
  keywords?: string[] | null;
  formType?: string | null;
  mailbox?: string | null;
  serviceCode: string | null;
  requestTypeCode: string | null;
  createdAt: string;
}

export interface RuleInput {
  name: string;
  priority?: number;
  senderDomain?: string | null;
  senderAddress?: string | null;
  keywords?: string[] | null;
  formType?: string | null;
  mailbox?: string | null;
  serviceCode?: string | null;
  requestTypeCode?: string | null;
}

interface ModelPart {
  examples: number;
  vocabulary: number;
  scale: number;
  labels: Array<{ label: string; examples: number }>;
}

export interface ModelStats {
  threshold: number;
  minExamples: number;
  service: ModelPart;
  requestType: ModelPart;
}

const base = (code: string) => `/entities/${seg(code)}/routing`;

export function getItemRouting(code: string, chrono: string, signal?: AbortSignal): Promise<{ routing: ItemRouting | null }> {
  return getJson(`/entities/${seg(code)}/mail-items/${seg(chrono)}/routing`, undefined, signal);
}

export function listRules(code: string, signal?: AbortSignal): Promise<{ rules: RoutingRule[] }> {
  return getJson(`${base(code)}/rules`, undefined, signal);
}

export function addRule(code: string, rule: RuleInput): Promise<RoutingRule> {
  return postJson(`${base(code)}/rules`, rule);
}

export function removeRule(code: string, ruleId: string): Promise<void> {
  return deleteEmpty(`${base(code)}/rules/${seg(ruleId)}`);
}

export function getModelStats(code: string, signal?: AbortSignal): Promise<ModelStats> {
  return getJson(`${base(code)}/model`, undefined, signal);
}

export function retrainModel(code: string): Promise<ModelStats> {
  return postJson(`${base(code)}/model/train`, {});
}
