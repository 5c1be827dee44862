// Routing rules an entity writes: every condition given must hold (sender domain or address,
// keywords, form type, mailbox); the first matching rule by priority decides the type and service.
import { foldFrench } from './tokenize.ts';

export interface RuleConditions {
  senderDomain?: string | null;
  senderAddress?: string | null;
  /** Any one of these words or phrases, accents and case ignored, as whole words. */
  keywords?: string[] | null;
  formType?: string | null;
  /** The mailbox (recipient address) an e-mail reached. */
  mailbox?: string | null;
}

export interface RoutingRule extends RuleConditions {
  id: string;
  name: string;
  priority: number;
  serviceCode: string | null;
  requestTypeCode: string | null;
}

export interface RoutingInput {
  text: string;
  senderAddress?: string | null;
  formType?: string | null;
  mailboxes?: string[];
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** Whole-word (or whole-phrase) match on folded text: "ICPE" does not match "ICPEX". */
export function containsPhrase(foldedText: string, phrase: string): boolean {
  const words = foldFrench(phrase).split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length === 0) return false;
  const pattern = new RegExp(`(^|[^a-z0-9])${words.join('[^a-z0-9]+')}($|[^a-z0-9])`);
  return pattern.test(foldedText);
}

/** The keywords of a rule found in the text (empty when the rule has none or none match). */
export function matchedKeywords(rule: RuleConditions, foldedText: string): string[] {
  return (rule.keywords ?? []).filter((k) => containsPhrase(foldedText, k));
}

export function ruleMatches(rule: RuleConditions, input: RoutingInput, foldedText = foldFrench(input.text)): boolean {
  const sender = input.senderAddress?.trim().toLowerCase() ?? '';
  const hasCondition = Boolean(rule.senderDomain || rule.senderAddress || rule.keywords?.length || rule.formType || rule.mailbox);
  if (!hasCondition) return false;
  if (rule.senderAddress && sender !== rule.senderAddress.trim().toLowerCase()) return false;
  if (rule.senderDomain) {
    const wanted = rule.senderDomain.trim().toLowerCase().replace(/^@/, '');
    const domain = sender.includes('@') ? domainOf(sender) : '';
    // A sub-domain belongs to its domain (ac-lyon.fr covers mail.ac-lyon.fr).
    if (!(domain === wanted || domain.endsWith(`.${wanted}`))) return false;
  }
  if (rule.formType && (input.formType ?? '').toLowerCase() !== rule.formType.toLowerCase()) return false;
  if (rule.mailbox && !(input.mailboxes ?? []).some((m) => m.trim().toLowerCase() === rule.mailbox!.trim().toLowerCase())) return false;
  if (rule.keywords?.length && matchedKeywords(rule, foldedText).length === 0) return false;
  return true;
}

/** The first rule that matches, by priority (lowest first), then name, then id. */
export function firstMatchingRule<R extends RoutingRule>(rules: R[], input: RoutingInput): R | null {
  const folded = foldFrench(input.text);
  const ordered = [...rules].sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return ordered.find((rule) => ruleMatches(rule, input, folded)) ?? null;
}
