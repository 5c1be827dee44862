// Acknowledgements of receipt (CRPA L112-3, R112-5, R112-11-1, L112-6, L114-5): one function
// produces the AR of a qualified request, as a letter (PDF) or an e-mail. The text is the
// entity's editable template around a mandatory block the template cannot touch; before anything
// leaves, the generated text is checked for every mention the law requires.
import { auditAction } from '../../platform/audit/index.ts';
import { sha256Of } from '../../platform/blob-store.ts';
import type { Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import { describeDelayFr, formatDateFr, parisDateOf, parseDelay, type IsoDate } from '../deadlines/index.ts';
import { findEntityById, findServiceById } from '../entity.queries.ts';
import { requireEntity } from '../entity.service.ts';
import { findRequestTypeById } from '../handling.queries.ts';
import { findMailItemByChrono, findMailItemByChronoAnyEntity } from '../mail-item.queries.ts';
import type { RegistryMailItemTable, RegistryRequestTypeTable, RegistryServiceTable } from '../tables.ts';
import type { AckChannel, AckTemplateKind } from './ack.tables.ts';
import { blocksToText, missingMentions, textToBlocks, type AckBlock, type RequiredMention } from './ack-document.ts';
import { renderAckLetterPdf } from './ack-letter.pdf.ts';
import { loadAckTemplate } from './ack-template.service.ts';
import { renderAckTemplate, type AckValues } from './ack-templates.ts';
import { ackDeadlines, type IncompleteInput, type ItemHistory } from './ack-deadlines.ts';
import { addresseeLines } from './addressee.ts';
import { appealCourtOf } from './appeal-routes.ts';
import { buildLegalMentions, postalLines, type AckMentions } from './legal-mentions.ts';

export type { IncompleteInput } from './ack-deadlines.ts';

export interface AcknowledgementOptions {
  channel: AckChannel;
  /** L114-5: the request is incomplete (otherwise what the item records, if anything). */
  incomplete?: IncompleteInput | null;
}

export interface Acknowledgement {
  chrono: string;
  entityCode: string;
  channel: AckChannel;
  kind: AckTemplateKind;
  /** Day the AR is established (Paris). */
  date: IsoDate;
  pdf?: Buffer;
  email?: { to: string | null; subject: string; text: string };
  mentions: AckMentions;
  /** What an agent should check before sending (unknown sender address…). */
  warnings: string[];
}

const notOwed = (detailFr: string, reason: string) => new OctoError('REGISTRY_ACK_NOT_OWED', `no acknowledgement owed: ${reason}`, { detailFr });
const notReady = (detailFr: string, reason: string) => new OctoError('REGISTRY_ACK_NOT_READY', `acknowledgement not ready: ${reason}`, { detailFr });

/** Refuses where the law owes no AR: not a request, AGENT/COURRIER types (L112-2, L110-1), R112-4 1°. */
function assertOwed(item: RegistryMailItemTable, type: RegistryRequestTypeTable) {
  if (item.direction !== 'incoming') {
    throw notOwed('Seuls les courriers entrants (les demandes adressées à l’administration) appellent un accusé de réception (article L112-3).', 'not incoming');
  }
  if (type.ack === 'none') throw notOwed(`${type.name} — ${type.legal_basis}`, `request type ${type.code} needs none`);
  if (type.regime === 'sva' && type.delay) {
    const { amount, unit } = parseDelay(type.delay);
    const days = unit === 'd' ? amount : unit === 'w' ? amount * 7 : Infinity;
    if (days <= 15) {
      throw notOwed(
        `La décision est acquise au demandeur dans un délai de ${describeDelayFr(type.delay)} au plus : l’article R112-4 1° dispense d’accusé de réception les demandes acceptées implicitement dans un délai inférieur ou égal à quinze jours.`,
        'sva within 15 days',
      );
    }
  }
}

/** The service's contact data, or a refusal naming what is missing (R112-5 2°). */
function serviceFacts(service: RegistryServiceTable, entityName: string) {
  const addressLines = (service.address_lines ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  const missing = [
    ...(addressLines.length && service.postcode?.trim() && service.city?.trim() ? [] : ['l’adresse postale']),
    ...(service.phone?.trim() ? [] : ['le numéro de téléphone']),
  ];
  if (missing.length) {
    throw notReady(
      `Les coordonnées du service ${service.name} (${service.code}) sont incomplètes : il manque ${missing.join(' et ')}, que l’accusé de réception doit indiquer (article R112-5). Complétez-les d’abord.`,
      `service ${service.code} contact incomplete`,
    );
  }
  return {
    name: service.name,
    entityName,
    addressLines,
    postcode: service.postcode!.trim(),
    city: service.city!.trim(),
    email: service.email?.trim() || null,
    phone: service.phone!.trim(),
  };
}

function letterDateFr(date: IsoDate): string {
  return formatDateFr(date).replace(/^\S+\s/, '');
}

/**
 * The AR of a request: `{ pdf }` for the letter channel, `{ email }` for the e-mail one, and the
 * mentions it carries. Refuses (REGISTRY_ACK_NOT_OWED) where no AR is owed, and
 * (REGISTRY_ACK_NOT_READY) while the request is not qualified, assigned, or its service lacks the
 * contact data the AR must give. Records the generation in the item's history.
 */
export async function generateAcknowledgement(ctx: Ctx, entityCode: string, chrono: string, options: AcknowledgementOptions): Promise<Acknowledgement> {
  const entity = await requireEntity(ctx, entityCode);
  const item = (await findMailItemByChrono(ctx.db, entity.id, chrono)) as (RegistryMailItemTable & ItemHistory) | undefined;
  if (!item) throw new OctoError('REGISTRY_ITEM_NOT_FOUND', `mail item ${chrono} not found`, { chrono });
  const type = item.request_type_id ? await findRequestTypeById(ctx.db, entity.id, item.request_type_id) : undefined;
  if (!type) {
    throw notReady('Qualifiez d’abord la demande (type de demande et service chargé du dossier) : la date et la nature de la décision implicite en dépendent.', 'not qualified');
  }
  assertOwed(item, type);
  const service = item.service_id ? await findServiceById(ctx.db, entity.id, item.service_id) : undefined;
  if (!service) {
    throw notReady('Attribuez d’abord la demande au service chargé du dossier : l’accusé de réception doit en donner les coordonnées (article R112-5).', 'no service');
  }
  const serviceData = serviceFacts(service, entity.name);
  const today = parisDateOf(ctx.clock.now());
  const { receivedHere, firstReceivedOn, deadlines, incomplete } = ackDeadlines(item, type, today, options.incomplete);
  const kind: AckTemplateKind = type.regime;

  const legal = buildLegalMentions({
    entityName: entity.name,
    requestType: { code: type.code, name: type.name, regime: type.regime, delay: type.delay, legalBasis: type.legal_basis },
    receivedOn: firstReceivedOn ?? receivedHere,
    // transferred_from reads "CHRONO (Entity name)": the requester knows the name, not our number
    transfer: firstReceivedOn ? { receivedHereOn: receivedHere, from: /\(([^()]+)\)$/.exec(item.transferred_from ?? '')?.[1] ?? item.transferred_from ?? 'une autre administration' } : null,
    implicitDecisionDate: deadlines.implicitDecisionDate,
    incomplete,
    service: serviceData,
    court: appealCourtOf(entity.code),
  });
  const values: AckValues = {
    expediteur: item.sender_name?.trim() || 'Madame, Monsieur',
    entite: entity.name,
    service: service.name,
    chrono: item.chrono,
    date_reception: formatDateFr(firstReceivedOn ?? receivedHere),
    objet: item.subject?.trim() || 'votre demande',
    type_demande: type.name,
    date_decision: legal.mentions.implicitDecisionDate ? formatDateFr(legal.mentions.implicitDecisionDate) : 'sans objet',
    decision: legal.mentions.decisionKind === 'acceptance' ? 'acceptation implicite' : legal.mentions.decisionKind === 'rejection' ? 'rejet implicite' : 'sans objet',
    delai: type.delay ? describeDelayFr(type.delay) : 'sans objet',
  };
  const template = renderAckTemplate(await loadAckTemplate(ctx, entity.id, kind, options.channel), values);
  const blocks: AckBlock[] = [...textToBlocks(template.before), ...legal.blocks, ...legal.contact, ...textToBlocks(template.after)];
  const warnings: string[] = [];
  const result: Acknowledgement = { chrono: item.chrono, entityCode: entity.code, channel: options.channel, kind, date: today, mentions: legal.mentions, warnings };

  if (options.channel === 'letter') {
    const addressee = addresseeLines(item.sender_name, item.sender_address);
    warnings.push(...addressee.warnings);
    const rendered = await renderAckLetterPdf({
      title: `Accusé de réception — ${item.chrono}`,
      author: `${entity.name} — ${service.name}`,
      createdAt: ctx.clock.now(),
      sender: { entityName: entity.name, serviceName: service.name, postal: postalLines(serviceData), phone: serviceData.phone, email: serviceData.email },
      addressee: addressee.lines,
      placeAndDate: `${serviceData.city.replace(/\s+cedex\b.*$/i, '')}, le ${letterDateFr(today)}`,
      references: [
        ['Nos références', item.chrono],
        ['Affaire suivie par', service.name],
        ...(item.subject?.trim() ? [['Votre demande', item.subject.trim()] as [string, string]] : []),
      ],
      subject: template.subject,
      blocks,
      footer: `${entity.name} — accusé de réception ${item.chrono}`,
    });
    assertMentions(rendered.text, legal.required.map((m) => ({ ...m, needle: rendered.clean(m.needle) })));
    result.pdf = rendered.pdf;
  } else {
    const text = blocksToText(blocks);
    assertMentions(text, legal.required);
    result.email = { to: emailOf(item), subject: template.subject, text };
  }

  const sha256 = result.pdf ? sha256Of(result.pdf) : sha256Of(Buffer.from(`${result.email!.subject}\n\n${result.email!.text}`));
  if (result.pdf) await ctx.blobs.put(result.pdf); // the AR as sent, kept as proof (L112-6)
  await ctx.db.transaction().execute(async (trx) => {
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: entity.id,
      action: 'registry.mail_item.acknowledgement_generated',
      subjectType: 'mail_item',
      subjectId: item.id,
      // in `after`, so that the item's history shows which AR left, by which channel, saying what
      after: {
        channel: options.channel,
        kind,
        serviceCode: service.code,
        receivedOn: legal.mentions.receivedOn,
        implicitDecisionDate: legal.mentions.implicitDecisionDate,
        incomplete: incomplete ? { count: incomplete.missingItems.length, dueDate: incomplete.dueDate } : null,
        sha256,
      },
    });
  });
  return result;
}

function emailOf(item: RegistryMailItemTable): string | null {
  return requesterEmailOf(item.sender_address ?? null, item.email_meta ?? null);
}

/** The requester's e-mail address: the sender address when it is one, else the e-mail's From. */
export function requesterEmailOf(senderAddress: string | null, emailMeta: string | null): string | null {
  const address = senderAddress?.trim();
  if (address && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return address;
  try {
    const meta = emailMeta ? (JSON.parse(emailMeta) as { from?: { address?: string } | string }) : null;
    const from = typeof meta?.from === 'string' ? meta.from : meta?.from?.address;
    return from && /@/.test(from) ? from : null;
  } catch {
    return null;
  }
}

/** Refuses an AR whose text lacks a mandatory mention, naming each one (R112-5, L112-6). */
function assertMentions(text: string, required: RequiredMention[]) {
  const missing = missingMentions(text, required);
  if (missing.length) {
    throw new OctoError('REGISTRY_ACK_MENTION_MISSING', `acknowledgement lacks ${missing.length} mandatory mention(s)`, {
      detailFr: `Mentions absentes : ${missing.map((m) => m.label).join(' ; ')}.`,
      missing: missing.map((m) => m.label),
    });
  }
}

/** The operator's entry (CLI): the chrono carries its entity's code. */
export async function generateAcknowledgementByChrono(ctx: Ctx, chrono: string, options: AcknowledgementOptions): Promise<Acknowledgement> {
  const row = await findMailItemByChronoAnyEntity(ctx.db, chrono);
  if (!row) throw new OctoError('REGISTRY_ITEM_NOT_FOUND', `mail item ${chrono} not found`, { chrono });
  const entity = await findEntityById(ctx.db, row.entity_id);
  if (!entity) throw new OctoError('REGISTRY_ENTITY_NOT_FOUND', `entity ${row.entity_id} not found`);
  return generateAcknowledgement(ctx, entity.code, chrono, options);
}
