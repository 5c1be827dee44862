import type { Ctx } from '../../platform/context.ts';
import { auditAction } from '../../platform/audit/index.ts';
import {
  assignMailItem,
  describeEntityRefs,
  getItemHandlingCodes,
  qualifyMailItem,
  requireEntity,
  type HandlingCorrection,
} from '../../registry/index.ts';
import { applyExample, emptyModel, modelStats, predict, trainModel, type Example, type ModelState } from './classifier.ts';
import { DEFAULT_MIN_CONFIDENCE, MIN_EXAMPLES, MIN_KNOWN_FEATURES } from './routing-policy.ts';
import {
  findModel,
  findRoutingItem,
  insertRoutingItem,
  listLabelledItems,
  lockModel,
  saveModel,
  updateRoutingItem,
} from './routing.queries.ts';
import { firstMatchingRule, matchedKeywords, type RoutingInput } from './rules.ts';
import { loadRules } from './rules.service.ts';
import type { LabelSource, RoutingTarget } from './tables.ts';
import { featuresOf, foldFrench } from './tokenize.ts';

/** Who acts when Octo routes an item by itself (its history says so). */
export const ROUTING_ACTOR = { type: 'system' as const, id: null, label: 'Octo (aiguillage automatique)', source: 'worker' };

export interface ClassifierGuess {
  code: string;
  confidence: number;
  /** The written words that weighed most, strongest first. */
  words: string[];
  runnerUp: { code: string; confidence: number } | null;
}

export interface RoutingDecision {
  decidedBy: 'rule' | 'classifier' | 'none';
  rule: { id: string; name: string; matchedKeywords: string[] } | null;
  serviceCode: string | null;
  requestTypeCode: string | null;
  /** The classifier's view, even when a rule decided or it abstained. */
  service: ClassifierGuess | null;
  requestType: ClassifierGuess | null;
  threshold: number;
  /** Why nothing was decided (French, for agents), when decidedBy is 'none'. */
  abstention: string | null;
}

async function loadModel(ctx: Ctx, entityId: string, target: RoutingTarget): Promise<ModelState> {
  const row = await findModel(ctx.db, entityId, target);
  const state = row ? (JSON.parse(row.state) as ModelState | null) : null;
  return state ?? emptyModel();
}

function guess(model: ModelState, features: ReturnType<typeof featuresOf>): ClassifierGuess | null {
  if (model.examples < MIN_EXAMPLES || Object.keys(model.classes).length < 2) return null;
  const prediction = predict(model, features.features);
  if (!prediction || prediction.knownFeatures < MIN_KNOWN_FEATURES) return null;
  return {
    code: prediction.label,
    confidence: Math.round(prediction.confidence * 1000) / 1000,
    words: prediction.reasons.map((r) => features.surface.get(r.feature) ?? r.feature),
    runnerUp: prediction.runnerUp ? { code: prediction.runnerUp.label, confidence: Math.round(prediction.runnerUp.confidence * 1000) / 1000 } : null,
  };
}

/** Rule first, then the classifier above the threshold, else abstention: nothing is written. */
export async function decideRouting(ctx: Ctx, entityId: string, input: RoutingInput): Promise<RoutingDecision & { features: string[] }> {
  const threshold = ctx.config.routingMinConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const features = featuresOf(input.text);
  const [rules, serviceModel, typeModel] = await Promise.all([
    loadRules(ctx, entityId),
    loadModel(ctx, entityId, 'service'),
    loadModel(ctx, entityId, 'type'),
  ]);
  const service = guess(serviceModel, features);
  const requestType = guess(typeModel, features);
  const base = { service, requestType, threshold, features: features.features };
  const rule = firstMatchingRule(rules, input);
  if (rule) {
    return {
      ...base,
      decidedBy: 'rule',
      rule: { id: rule.id, name: rule.name, matchedKeywords: matchedKeywords(rule, foldFrench(input.text)) },
      serviceCode: rule.serviceCode,
      requestTypeCode: rule.requestTypeCode,
      abstention: null,
    };
  }
  if (service && service.confidence >= threshold) {
    return {
      ...base,
      decidedBy: 'classifier',
      rule: null,
      serviceCode: service.code,
      requestTypeCode: requestType && requestType.confidence >= threshold ? requestType.code : null,
      abstention: null,
    };
  }
  const abstention = !service
    ? serviceModel.examples < MIN_EXAMPLES
      ? `Aucune règle ne s’applique et le modèle n’a appris que ${serviceModel.examples} courrier(s) (il en faut ${MIN_EXAMPLES}).`
      : 'Aucune règle ne s’applique et le texte est trop court ou trop bruité pour être classé.'
    : `Aucune règle ne s’applique et la confiance du modèle (${Math.round(service.confidence * 100)} %) est sous le seuil de ${Math.round(threshold * 100)} %.`;
  return { ...base, decidedBy: 'none', rule: null, serviceCode: null, requestTypeCode: null, abstention };
}

/** The proposal for a text, without any item (API propose, `octo route FILE`). */
export async function proposeRouting(ctx: Ctx, entityCode: string, input: RoutingInput): Promise<RoutingDecision> {
  const entity = await requireEntity(ctx, entityCode);
  const { features: _features, ...decision } = await decideRouting(ctx, entity.id, input);
  return decision;
}

/** Adds or takes back one item's contribution to a model, under the model row's lock. */
async function updateModel(ctx: Ctx, entityId: string, target: RoutingTarget, changes: Array<{ example: Example; sign: 1 | -1 }>) {
  if (changes.length === 0) return;
  const now = ctx.clock.now().toISOString();
  await lockModel(ctx.db, entityId, target, now);
  const model = await loadModel(ctx, entityId, target);
  for (const change of changes) applyExample(model, change.example, change.sign);
  await saveModel(ctx.db, entityId, target, JSON.stringify(model), now);
}

/** Replaces an item's labels (a rule's or an agent's) and moves its example between classes. */
async function relabel(
  ctx: Ctx,
  entityId: string,
  mailItemId: string,
  labels: { serviceCode?: string | null; requestTypeCode?: string | null },
  source: LabelSource,
): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const row = await findRoutingItem(trx, entityId, mailItemId);
    if (!row) return false; // never indexed with text: nothing to learn from
    const features = JSON.parse(row.features) as string[];
    const moves = (old: string | null, next: string | null | undefined) => {
      if (next === undefined || next === null || next === old) return [];
      return [
        ...(old ? [{ example: { features, label: old }, sign: -1 as const }] : []),
        { example: { features, label: next }, sign: 1 as const },
      ];
    };
    await updateModel(tctx, entityId, 'service', moves(row.service_label, labels.serviceCode));
    await updateModel(tctx, entityId, 'type', moves(row.type_label, labels.requestTypeCode));
    await updateRoutingItem(trx, entityId, mailItemId, {
      service_label: labels.serviceCode ?? row.service_label,
      type_label: labels.requestTypeCode ?? row.type_label,
      label_source: source === 'agent' || row.label_source !== 'agent' ? source : row.label_source,
      updated_at: ctx.clock.now().toISOString(),
    });
    return true;
  });
}

/** The registry's correction hook: an agent's service or type is learnt at once. */
export async function learnFromCorrection(ctx: Ctx, correction: HandlingCorrection): Promise<void> {
  await relabel(ctx, correction.entityId, correction.mailItemId, correction, 'agent');
}

/**
 * Routes an item once its text is indexed: rule, then classifier, else abstention. The decision
 * goes to the item's history; the service and type go through the registry's qualify and assign,
 * so the audit and the legal deadlines follow. Idempotent: an item is routed once.
 */
export async function routeIndexedMailItem(ctx: Ctx, entityId: string, mailItemId: string, input: RoutingInput): Promise<RoutingDecision | null> {
  if (await findRoutingItem(ctx.db, entityId, mailItemId)) return null;
  const current = await getItemHandlingCodes(ctx, entityId, mailItemId);
  if (!current) return null;
  const { features, ...decision } = await decideRouting(ctx, entityId, input);
  // An agent who already set the service (while OCR ran) has the last word.
  const alreadyHandled = Boolean(current.serviceCode);
  const now = ctx.clock.now().toISOString();
  const actx = { ...ctx, actor: ROUTING_ACTOR };
  const inserted = await ctx.db.transaction().execute(async (trx) => {
    await insertRoutingItem(trx, {
      mail_item_id: mailItemId, entity_id: entityId, features: JSON.stringify(features),
      service_label: current.serviceCode, type_label: current.requestTypeCode, label_source: alreadyHandled ? 'agent' : null,
      decision: JSON.stringify(decision), decided_at: now, updated_at: now,
    });
    await auditAction(trx, { ...actx, db: trx }, {
      entityId,
      action: decision.decidedBy === 'none' ? 'indexing.routing.abstained' : alreadyHandled ? 'indexing.routing.proposed' : 'indexing.routing.decided',
      subjectType: 'mail_item',
      subjectId: mailItemId,
      after: { decidedBy: decision.decidedBy, serviceCode: decision.serviceCode, requestTypeCode: decision.requestTypeCode },
      details: {
        rule: decision.rule,
        confidence: decision.service?.confidence ?? null,
        words: decision.service?.words ?? [],
        abstention: decision.abstention,
      },
    });
    return true;
  });
  if (!inserted || alreadyHandled || decision.decidedBy === 'none') return decision;
  const refs = await describeEntityRefs(ctx, [entityId], []);
  const entityCode = refs.entities.get(entityId)!.code;
  if (decision.requestTypeCode) {
    await qualifyMailItem(actx, entityCode, current.chrono, { requestTypeCode: decision.requestTypeCode, serviceCode: decision.serviceCode ?? undefined });
  } else if (decision.serviceCode) {
    await assignMailItem(actx, entityCode, current.chrono, { serviceCode: decision.serviceCode });
  }
  // What a rule decides is as good as an agent's word: the classifier learns it.
  if (decision.decidedBy === 'rule') {
    await relabel(ctx, entityId, mailItemId, { serviceCode: decision.serviceCode, requestTypeCode: decision.requestTypeCode }, 'rule');
  }
  return decision;
}

/** The routing decision recorded for an item, with the labels it has now (item page). */
export async function getItemRouting(ctx: Ctx, entityCode: string, mailItemId: string) {
  const entity = await requireEntity(ctx, entityCode);
  const row = await findRoutingItem(ctx.db, entity.id, mailItemId);
  if (!row) return null;
  return {
    decision: JSON.parse(row.decision) as RoutingDecision,
    decidedAt: row.decided_at,
    learnt: row.label_source ? { serviceCode: row.service_label, requestTypeCode: row.type_label, source: row.label_source } : null,
  };
}

/** Rebuilds both models from every item a rule or an agent labelled, and refits the confidence. */
export async function retrainRouting(ctx: Ctx, entityCode: string) {
  const entity = await requireEntity(ctx, entityCode);
  const rows = await listLabelledItems(ctx.db, entity.id);
  const examples = (pick: (r: (typeof rows)[number]) => string | null) =>
    rows.flatMap((r) => (pick(r) ? [{ features: JSON.parse(r.features) as string[], label: pick(r)! }] : []));
  const service = trainModel(examples((r) => r.service_label));
  const type = trainModel(examples((r) => r.type_label));
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await saveModel(trx, entity.id, 'service', JSON.stringify(service), now);
    await saveModel(trx, entity.id, 'type', JSON.stringify(type), now);
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: entity.id, action: 'indexing.routing.retrained', subjectType: 'entity', subjectId: entity.id,
      after: { serviceExamples: service.examples, typeExamples: type.examples },
    });
  });
  return getRoutingModelStats(ctx, entityCode);
}

export async function getRoutingModelStats(ctx: Ctx, entityCode: string) {
  const entity = await requireEntity(ctx, entityCode);
  const [service, type] = await Promise.all([loadModel(ctx, entity.id, 'service'), loadModel(ctx, entity.id, 'type')]);
  return {
    threshold: ctx.config.routingMinConfidence ?? DEFAULT_MIN_CONFIDENCE,
    minExamples: MIN_EXAMPLES,
    service: modelStats(service),
    requestType: modelStats(type),
  };
}
