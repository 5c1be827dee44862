import { sql } from 'kysely';
import type { Ctx } from '../platform/context.ts';
import { auditAction } from '../platform/audit/index.ts';
import { findMailItemById, updateMailItem } from './mail-item.queries.ts';

// The same letter arriving twice by two channels (the e-mail and its paper copy): the bytes
// differ, the words do not. Three-word shingles of the folded text; a pair is flagged when most
// of the shorter text's shingles are in the other (OCR noise and an e-mail's headers or
// signature then matter little).
const SHINGLE = 3;
const MIN_SHINGLES = 30;
const CONTAINMENT = 0.75;
const WINDOW_DAYS = 90;
const MAX_CANDIDATES = 300;

function shinglesOf(text: string): Set<string> {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1);
  const shingles = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) shingles.add(words.slice(i, i + SHINGLE).join(' '));
  return shingles;
}

function containment(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

const CHANNEL_FR: Record<string, string> = { scan: 'numérisation', upload: 'dépôt', email: 'courriel', api: 'application', form: 'formulaire en ligne', transfer: 'transmission' };

/**
 * Once an item's text is indexed, looks for an item received by another channel within 90 days
 * that says the same thing; the later of the two gets a warning naming the first (nothing is
 * discarded). Returns the first one's chrono, or null.
 */
export async function flagSameContent(ctx: Ctx, entityId: string, mailItemId: string): Promise<string | null> {
  const item = await findMailItemById(ctx.db, entityId, mailItemId);
  if (!item) return null;
  const own = await ctx.db.selectFrom('registry_search').select('body').where('mail_item_id', '=', mailItemId).executeTakeFirst();
  const mine = shinglesOf(own?.body ?? '');
  if (mine.size < MIN_SHINGLES) return null;
  const received = new Date(item.received_at).getTime();
  const candidates = await ctx.db
    .selectFrom('registry_mail_item')
    .innerJoin('registry_search', 'registry_search.mail_item_id', 'registry_mail_item.id')
    .select(['registry_mail_item.id', 'registry_mail_item.chrono', 'registry_mail_item.channel', 'registry_mail_item.received_at', 'registry_search.body'])
    .where('registry_mail_item.entity_id', '=', entityId)
    .where('registry_mail_item.id', '!=', mailItemId)
    .where('registry_mail_item.channel', '!=', item.channel)
    .where('registry_mail_item.received_at', '>=', new Date(received - WINDOW_DAYS * 86_400_000).toISOString())
    .where('registry_mail_item.received_at', '<=', new Date(received + WINDOW_DAYS * 86_400_000).toISOString())
    .orderBy(sql`registry_mail_item.received_at`)
    .limit(MAX_CANDIDATES)
    .execute();
  for (const candidate of candidates) {
    const theirs = shinglesOf(candidate.body);
    if (theirs.size < MIN_SHINGLES || containment(mine, theirs) < CONTAINMENT) continue;
    // Whichever was indexed last, the later arrival is the one flagged, naming the first.
    const [first, later] = candidate.received_at <= item.received_at
      ? [{ chrono: candidate.chrono, channel: candidate.channel, receivedAt: candidate.received_at }, { id: item.id }]
      : [{ chrono: item.chrono, channel: item.channel, receivedAt: item.received_at }, { id: candidate.id }];
    const laterRow = await findMailItemById(ctx.db, entityId, later.id);
    if (!laterRow) return null;
    const warnings = JSON.parse(laterRow.warnings) as string[];
    if (warnings.some((w) => w.startsWith('Doublon possible'))) return first.chrono;
    const day = new Date(first.receivedAt).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
    const warning = `Doublon possible : même contenu que ${first.chrono} (reçu par ${CHANNEL_FR[first.channel] ?? first.channel} le ${day}).`;
    await ctx.db.transaction().execute(async (trx) => {
      await updateMailItem(trx, entityId, later.id, { warnings: JSON.stringify([...warnings, warning]), updated_at: ctx.clock.now().toISOString() });
      await auditAction(trx, { ...ctx, db: trx }, {
        entityId, action: 'registry.mail_item.possible_duplicate', subjectType: 'mail_item', subjectId: later.id, after: { sameContentAs: first.chrono },
      });
    });
    return first.chrono;
  }
  return null;
}
