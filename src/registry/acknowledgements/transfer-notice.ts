// The notice of transfer (CRPA L114-2, legal-rules.md A13): a request sent to the wrong entity is
// transmitted to the competent one (transfer.service.ts), and the first entity « en avise
// l'intéressé ». The notice leaves from the first entity, as a letter (the AR's layout) or an
// e-mail: the first receipt, the competent administration and its contact, the new number there,
// and which delay runs from which receipt. The AR itself is the competent entity's business.
import { auditAction } from '../../platform/audit/index.ts';
import { sha256Of } from '../../platform/blob-store.ts';
import type { Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import { formatDateFr, parisDateOf, type IsoDate } from '../deadlines/index.ts';
import { findEntityById, findServiceByCode, findServiceById } from '../entity.queries.ts';
import { requireEntity } from '../entity.service.ts';
import { findMailItemByChrono, findMailItemByChronoAnyEntity } from '../mail-item.queries.ts';
import type { AckChannel } from './ack.tables.ts';
import { blocksToText, missingMentions, type AckBlock, type RequiredMention } from './ack-document.ts';
import { renderAckLetterPdf } from './ack-letter.pdf.ts';
import { addresseeLines } from './addressee.ts';
import { requesterEmailOf } from './acknowledgement.service.ts';
import { postalLines } from './legal-mentions.ts';
import { outsideTransferNotice } from '../export/outside-transfer-notice.ts';

export interface TransferNotice {
  /** The first entity's item (the one the notice is about). */
  chrono: string;
  entityCode: string;
  channel: AckChannel;
  date: IsoDate;
  pdf?: Buffer;
  email?: { to: string | null; subject: string; text: string };
  facts: {
    firstReceivedOn: IsoDate;
    /** code null: an administration outside the platform (the item left as an export package). */
    competentEntity: { code: string | null; name: string };
    /** null outside the platform: its receipt date is not known here. */
    competentReceivedOn: IsoDate | null;
    newChrono: string | null;
    competentContact: { name: string; postalAddress: string[]; email: string | null; phone: string | null } | null;
  };
  warnings: string[];
}

export type ServiceRow = NonNullable<Awaited<ReturnType<typeof findServiceById>>>;

const CRPA = 'du code des relations entre le public et l’administration';

export function contactOf(service: ServiceRow) {
  const addressLines = (service.address_lines ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  const postcode = service.postcode?.trim() ?? '';
  const city = service.city?.trim() ?? '';
  return {
    name: service.name,
    postal: addressLines.length && postcode && city ? postalLines({ name: service.name, entityName: '', addressLines, postcode, city, email: null, phone: '' }) : [],
    email: service.email?.trim() || null,
    phone: service.phone?.trim() || null,
    city,
  };
}

/**
 * The notice that a SOURCE item was transferred: `{ pdf }` (letter) or `{ email }`. Refuses
 * (PLATFORM_VALIDATION_FAILED) an item that was not transferred; records the generation in the
 * item's history.
 */
export async function generateTransferNotice(ctx: Ctx, entityCode: string, chrono: string, options: { channel: AckChannel }): Promise<TransferNotice> {
  const entity = await requireEntity(ctx, entityCode);
  const item = await findMailItemByChrono(ctx.db, entity.id, chrono);
  if (!item) throw new OctoError('REGISTRY_ITEM_NOT_FOUND', `mail item ${chrono} not found`, { chrono });
  if (!item.transferred_to_chrono && item.transferred_out_at) return outsideTransferNotice(ctx, entity, item, options);
  if (!item.transferred_to_chrono) {
    throw new OctoError('PLATFORM_VALIDATION_FAILED', 'not transferred', { detailFr: 'Ce courrier n’a pas été transmis.' });
  }
  const target = await findMailItemByChronoAnyEntity(ctx.db, item.transferred_to_chrono);
  const targetEntity = target ? await findEntityById(ctx.db, target.entity_id) : undefined;
  if (!target || !targetEntity) {
    throw new OctoError('REGISTRY_ITEM_NOT_FOUND', `transferred item ${item.transferred_to_chrono} not found`, { chrono: item.transferred_to_chrono });
  }

  const firstReceivedOn = (item.first_received_on ?? parisDateOf(new Date(item.received_at))) as IsoDate;
  const competentReceivedOn = parisDateOf(new Date(target.received_at));
  const targetService = target.service_id ? await findServiceById(ctx.db, targetEntity.id, target.service_id) : undefined;
  const competent = targetService ? contactOf(targetService) : null;

  // The letter leaves from the service that holds the item, else from the entity's mail room.
  const candidates = [
    item.service_id ? await findServiceById(ctx.db, entity.id, item.service_id) : undefined,
    await findServiceByCode(ctx.db, entity.id, 'COURRIER'),
  ].filter((s): s is ServiceRow => Boolean(s)).map(contactOf);
  const own = candidates.find((s) => s.postal.length && s.phone);
  if (!own) {
    throw new OctoError('REGISTRY_ACK_NOT_READY', 'no sender contact', {
      detailFr: 'Les coordonnées du service expéditeur (adresse postale et téléphone) sont incomplètes : complétez celles du service chargé du courrier ou du service Courrier.',
    });
  }

  const today = parisDateOf(ctx.clock.now());
  const first = formatDateFr(firstReceivedOn);
  const second = formatDateFr(competentReceivedOn);
  const blocks: AckBlock[] = [
    { type: 'paragraph', text: item.sender_name?.trim() ? `${item.sender_name.trim()},` : 'Madame, Monsieur,' },
    {
      type: 'paragraph',
      text: `Votre demande${item.subject?.trim() ? ` « ${item.subject.trim()} »` : ''}, reçue par ${entity.name} le ${first}, ne relève pas de sa compétence. En application de l’article L114-2 ${CRPA}, elle a été transmise à l’administration compétente : ${targetEntity.name}.`,
    },
    { type: 'paragraph', text: `Votre demande y a été enregistrée le ${second} sous le numéro ${target.chrono}, à rappeler dans vos échanges avec cette administration, qui vous adressera l’accusé de réception de votre demande.` },
    { type: 'heading', text: 'Administration compétente' },
    {
      type: 'paragraph',
      text: competent
        ? [
            `${competent.name} — ${targetEntity.name}`,
            ...(competent.postal.length ? [`Adresse postale : ${competent.postal.join(', ')}`] : []),
            ...(competent.email ? [`Courriel : ${competent.email}`] : []),
            ...(competent.phone ? [`Téléphone : ${competent.phone}`] : []),
          ].join('\n')
        : targetEntity.name,
    },
    { type: 'heading', text: `Délais (articles L114-2 et L114-3 ${CRPA})` },
    {
      type: 'paragraph',
      text: `Le délai au terme duquel le silence gardé sur votre demande vaut décision implicite de rejet court à compter de sa réception par la première administration saisie, soit le ${first}. Le délai au terme duquel il vaut décision implicite d’acceptation ne court qu’à compter de sa réception par l’administration compétente, soit le ${second}.`,
    },
  ];
  const required: RequiredMention[] = [
    { label: 'la date de réception par la première administration', needle: `reçue par ${entity.name} le ${first}` },
    { label: 'l’administration compétente', needle: `transmise à l’administration compétente : ${targetEntity.name}` },
    { label: 'le nouveau numéro d’enregistrement', needle: `sous le numéro ${target.chrono}` },
    { label: 'le point de départ du délai de rejet', needle: `réception par la première administration saisie, soit le ${first}` },
    { label: 'le point de départ du délai d’acceptation', needle: `réception par l’administration compétente, soit le ${second}` },
    ...(competent ? [{ label: 'le service compétent', needle: `${competent.name} — ${targetEntity.name}` }] : []),
  ];
  const subject = `Transmission de votre demande à ${targetEntity.name} (article L114-2 ${CRPA})`;
  const warnings: string[] = [];
  const facts: TransferNotice['facts'] = {
    firstReceivedOn,
    competentEntity: { code: targetEntity.code, name: targetEntity.name },
    competentReceivedOn,
    newChrono: target.chrono,
    competentContact: competent ? { name: competent.name, postalAddress: competent.postal, email: competent.email, phone: competent.phone } : null,
  };
  const result: TransferNotice = { chrono: item.chrono, entityCode: entity.code, channel: options.channel, date: today, facts, warnings };
  const assertMentions = (text: string, clean: (s: string) => string = (s) => s) => {
    const missing = missingMentions(text, required.map((m) => ({ ...m, needle: clean(m.needle) })));
    if (missing.length) {
      throw new OctoError('REGISTRY_ACK_MENTION_MISSING', `transfer notice lacks ${missing.length} mention(s)`, {
        detailFr: `Mentions absentes : ${missing.map((m) => m.label).join(' ; ')}.`,
        missing: missing.map((m) => m.label),
      });
    }
  };

  if (options.channel === 'letter') {
    const addressee = addresseeLines(item.sender_name, item.sender_address);
    warnings.push(...addressee.warnings);
    const rendered = await renderAckLetterPdf({
      title: `Avis de transmission — ${item.chrono}`,
      author: `${entity.name} — ${own.name}`,
      createdAt: ctx.clock.now(),
      sender: { entityName: entity.name, serviceName: own.name, postal: own.postal, phone: own.phone!, email: own.email },
      addressee: addressee.lines,
      placeAndDate: `${own.city.replace(/\s+cedex\b.*$/i, '')}, le ${formatDateFr(today).replace(/^\S+\s/, '')}`,
      references: [
        ['Nos références', item.chrono],
        ['Nouvelle référence', `${target.chrono} (${targetEntity.name})`],
      ],
      subject,
      blocks,
      footer: `${entity.name} — avis de transmission ${item.chrono}`,
    });
    assertMentions(rendered.text, rendered.clean);
    result.pdf = rendered.pdf;
  } else {
    const text = blocksToText(blocks);
    assertMentions(text);
    result.email = { to: requesterEmailOf(item.sender_address, item.email_meta), subject, text };
  }

  const sha256 = result.pdf ? sha256Of(result.pdf) : sha256Of(Buffer.from(`${result.email!.subject}\n\n${result.email!.text}`));
  if (result.pdf) await ctx.blobs.put(result.pdf);
  await ctx.db.transaction().execute(async (trx) => {
    await auditAction(trx, { ...ctx, db: trx }, {
      entityId: entity.id,
      action: 'registry.mail_item.transfer_notice_generated',
      subjectType: 'mail_item',
      subjectId: item.id,
      after: { channel: options.channel, to: target.chrono, entity: targetEntity.code, firstReceivedOn, competentReceivedOn, sha256 },
    });
  });
  return result;
}

/** The operator's entry (CLI): the chrono carries its entity's code. */
export async function generateTransferNoticeByChrono(ctx: Ctx, chrono: string, options: { channel: AckChannel }): Promise<TransferNotice> {
  const row = await findMailItemByChronoAnyEntity(ctx.db, chrono);
  if (!row) throw new OctoError('REGISTRY_ITEM_NOT_FOUND', `mail item ${chrono} not found`, { chrono });
  const entity = await findEntityById(ctx.db, row.entity_id);
  if (!entity) throw new OctoError('REGISTRY_ENTITY_NOT_FOUND', `entity ${row.entity_id} not found`);
  return generateTransferNotice(ctx, entity.code, chrono, options);
}
