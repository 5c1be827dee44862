// The notice to the sender when the request left the platform as an export package (L114-2):
// it names the outside administration and its address; the acceptance delay runs from that
// administration's receipt, whose date only it knows.
import { auditAction } from '../../platform/audit/index.ts';
import { sha256Of } from '../../platform/blob-store.ts';
import type { Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import { formatDateFr, parisDateOf, type IsoDate } from '../deadlines/index.ts';
import { findServiceByCode, findServiceById } from '../entity.queries.ts';
import type { AckChannel } from '../acknowledgements/ack.tables.ts';
import { blocksToText, missingMentions, type AckBlock, type RequiredMention } from '../acknowledgements/ack-document.ts';
import { renderAckLetterPdf } from '../acknowledgements/ack-letter.pdf.ts';
import { addresseeLines } from '../acknowledgements/addressee.ts';
import { requesterEmailOf } from '../acknowledgements/acknowledgement.service.ts';
import { contactOf, type ServiceRow, type TransferNotice } from '../acknowledgements/transfer-notice.ts';
import type { RegistryEntityTable, RegistryMailItemTable } from '../tables.ts';
import { transferOutOf } from './export.service.ts';

const CRPA = 'du code des relations entre le public et l’administration';

export async function outsideTransferNotice(
  ctx: Ctx,
  entity: RegistryEntityTable,
  item: RegistryMailItemTable,
  options: { channel: AckChannel },
): Promise<TransferNotice> {
  const out = await transferOutOf(ctx, item);
  if (!out) throw new OctoError('PLATFORM_VALIDATION_FAILED', 'not transferred', { detailFr: 'Ce courrier n’a pas été transmis.' });
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
  const firstReceivedOn = (item.first_received_on ?? parisDateOf(new Date(item.received_at))) as IsoDate;
  const first = formatDateFr(firstReceivedOn);
  const sentOn = formatDateFr(out.transferredOn as IsoDate);
  const today = parisDateOf(ctx.clock.now());
  const recipient = out.recipient;
  const blocks: AckBlock[] = [
    { type: 'paragraph', text: item.sender_name?.trim() ? `${item.sender_name.trim()},` : 'Madame, Monsieur,' },
    {
      type: 'paragraph',
      text: `Votre demande${item.subject?.trim() ? ` « ${item.subject.trim()} »` : ''}, reçue par ${entity.name} le ${first}, ne relève pas de sa compétence. En application de l’article L114-2 ${CRPA}, elle a été transmise le ${sentOn} à l’administration compétente : ${recipient.name}.`,
    },
    { type: 'paragraph', text: 'Cette administration vous adressera l’accusé de réception de votre demande ; adressez-vous désormais à elle pour son suivi.' },
    { type: 'heading', text: 'Administration compétente' },
    { type: 'paragraph', text: [recipient.name, ...recipient.addressLines].join('\n') },
    { type: 'heading', text: `Délais (articles L114-2 et L114-3 ${CRPA})` },
    {
      type: 'paragraph',
      text: `Le délai au terme duquel le silence gardé sur votre demande vaut décision implicite de rejet court à compter de sa réception par la première administration saisie, soit le ${first}. Le délai au terme duquel il vaut décision implicite d’acceptation ne court qu’à compter de sa réception par l’administration compétente.`,
    },
  ];
  const required: RequiredMention[] = [
    { label: 'la date de réception par la première administration', needle: `reçue par ${entity.name} le ${first}` },
    { label: 'l’administration compétente', needle: `à l’administration compétente : ${recipient.name}` },
    { label: 'le point de départ du délai de rejet', needle: `réception par la première administration saisie, soit le ${first}` },
    { label: 'le point de départ du délai d’acceptation', needle: 'qu’à compter de sa réception par l’administration compétente' },
  ];
  const assertMentions = (text: string, clean: (s: string) => string = (s) => s) => {
    const missing = missingMentions(text, required.map((m) => ({ ...m, needle: clean(m.needle) })));
    if (missing.length) {
      throw new OctoError('REGISTRY_ACK_MENTION_MISSING', `transfer notice lacks ${missing.length} mention(s)`, {
        detailFr: `Mentions absentes : ${missing.map((m) => m.label).join(' ; ')}.`,
        missing: missing.map((m) => m.label),
      });
    }
  };
  const subject = `Transmission de votre demande à ${recipient.name} (article L114-2 ${CRPA})`;
  const warnings: string[] = [];
  const result: TransferNotice = {
    chrono: item.chrono, entityCode: entity.code, channel: options.channel, date: today, warnings,
    facts: {
      firstReceivedOn,
      competentEntity: { code: null, name: recipient.name },
      competentReceivedOn: null,
      newChrono: null,
      competentContact: { name: recipient.name, postalAddress: recipient.addressLines, email: null, phone: null },
    },
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
      references: [['Nos références', item.chrono]],
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
      entityId: entity.id, action: 'registry.mail_item.transfer_notice_generated', subjectType: 'mail_item', subjectId: item.id,
      after: { channel: options.channel, outside: recipient.name, firstReceivedOn, sha256 },
    });
  });
  return result;
}
