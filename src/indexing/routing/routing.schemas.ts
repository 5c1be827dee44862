import { z } from 'zod';

const optionalText = (max: number) => z.string().max(max).nullable().optional();

export const RuleBody = z.object({
  name: z.string().min(1).max(120).describe('Nom de la règle, affiché dans l’historique des courriers qu’elle aiguille'),
  priority: z.number().int().min(0).max(10_000).optional().describe('Ordre d’examen : la plus petite d’abord (défaut 100)'),
  senderDomain: optionalText(200).describe('Domaine de l’adresse de l’expéditeur (ac-lyon.fr couvre aussi ses sous-domaines)'),
  senderAddress: optionalText(254).describe('Adresse exacte de l’expéditeur'),
  keywords: z.array(z.string().min(1).max(100)).max(50).nullable().optional().describe('L’un de ces mots ou expressions, sans tenir compte des accents ni de la casse'),
  formType: optionalText(100).describe('Type de formulaire (téléservice)'),
  mailbox: optionalText(254).describe('Boîte de réception (adresse destinataire) du courriel'),
  serviceCode: optionalText(40).describe('Service à attribuer'),
  requestTypeCode: optionalText(40).describe('Type de demande à qualifier (son régime légal fixe l’échéance)'),
});

export const RuleView = z.object({
  id: z.string(),
  name: z.string(),
  priority: z.number(),
  senderDomain: z.string().nullable().optional(),
  senderAddress: z.string().nullable().optional(),
  keywords: z.array(z.string()).nullable().optional(),
  formType: z.string().nullable().optional(),
  mailbox: z.string().nullable().optional(),
  serviceCode: z.string().nullable(),
  requestTypeCode: z.string().nullable(),
  createdAt: z.string(),
});

const Guess = z.object({
  code: z.string(),
  confidence: z.number().describe('Probabilité calibrée (0 à 1)'),
  words: z.array(z.string()).describe('Les mots qui ont le plus pesé, du plus fort au plus faible'),
  runnerUp: z.object({ code: z.string(), confidence: z.number() }).nullable(),
});

export const RoutingDecisionView = z.object({
  decidedBy: z.enum(['rule', 'classifier', 'none']),
  rule: z.object({ id: z.string(), name: z.string(), matchedKeywords: z.array(z.string()) }).nullable(),
  serviceCode: z.string().nullable(),
  requestTypeCode: z.string().nullable(),
  service: Guess.nullable(),
  requestType: Guess.nullable(),
  threshold: z.number(),
  abstention: z.string().nullable(),
});

export const ProposeBody = z.object({
  text: z.string().min(1).max(2_000_000),
  senderAddress: optionalText(254),
  formType: optionalText(100),
  mailbox: optionalText(254),
});

const ModelStats = z.object({
  examples: z.number(),
  vocabulary: z.number(),
  scale: z.number(),
  labels: z.array(z.object({ label: z.string(), examples: z.number() })),
});

export const ModelStatsView = z.object({ threshold: z.number(), minExamples: z.number(), service: ModelStats, requestType: ModelStats });

export const ItemRoutingView = z.object({
  decision: RoutingDecisionView,
  decidedAt: z.string(),
  learnt: z.object({ serviceCode: z.string().nullable(), requestTypeCode: z.string().nullable(), source: z.enum(['rule', 'agent']) }).nullable(),
}).nullable();
