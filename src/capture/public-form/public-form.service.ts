// The public form (saisine par voie électronique, CRPA L112-8 to L112-11): anyone sends a request
// to an entity without an account. One submission becomes one item (channel « form ») with the
// requester's identity, the request type (so the CRPA deadlines are computed), a text rendering
// and the attachments; its AEE is written to the outbox in the same transaction.
import { randomUUID } from 'node:crypto';
import type { Actor, Ctx } from '../../platform/context.ts';
import { OctoError } from '../../platform/errors.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { areDueDate, formatDateFr, parisDateOf } from '../../registry/deadlines/index.ts';
import { getHandlingView, listRequestTypeViews, qualifyMailItem, requireEntity } from '../../registry/index.ts';
import { ingestComposedItem } from '../composed-intake.service.ts';
import type { IntakeFile } from '../intake.service.ts';
import { buildAee } from './aee.ts';
import { insertSubmission } from './public-form.queries.ts';
import { SubmissionInput, type SubmissionReceipt } from './public-form.schemas.ts';
import { renderSubmissionText } from './submission-document.ts';
import { validateSubmission, type FieldProblem } from './submission-validation.ts';

export const MAX_ATTACHMENTS = 10;

const DECISION_FR = { sva: 'acceptation implicite', svr: 'rejet implicite', none: 'pas de décision implicite' } as const;

/**
 * The types a person may choose: those that owe an acknowledgement. Left out: requests between the
 * administration and its agents (L112-2) and mail that is no request (no ARE could be produced).
 */
async function offeredTypes(ctx: Ctx, entityCode: string) {
  return (await listRequestTypeViews(ctx, entityCode)).filter((t) => t.ackRequired);
}

export async function getPublicForm(ctx: Ctx, entityCode: string) {
  const entity = await requireEntity(ctx, entityCode);
  const types = await offeredTypes(ctx, entity.code);
  return {
    entity: { code: entity.code, name: entity.name },
    requestTypes: types.map((t) => ({
      code: t.code,
      name: t.name,
      implicitDecision: t.regime === 'none' || !t.delay ? DECISION_FR.none : `${DECISION_FR[t.regime]} au terme du délai (${t.legalBasis})`,
    })),
    maxAttachments: MAX_ATTACHMENTS,
    maxAttachmentMb: ctx.config.maxUploadMb,
  };
}

function invalid(problems: FieldProblem[]): OctoError {
  return new OctoError('PUBLIC_FORM_INVALID', `invalid submission: ${problems.map((p) => `${p.field}:${p.code}`).join(', ')}`, {
    detailFr: problems.map((p) => p.message).join(' '),
    fields: problems,
  });
}

/** Parses, checks and registers one submission; answers what the confirmation page shows. */
export async function submitPublicForm(ctx: Ctx, entityCode: string, json: string | undefined, files: IntakeFile[], clientIp: string | null): Promise<SubmissionReceipt> {
  const entity = await requireEntity(ctx, entityCode);
  let raw: unknown;
  try {
    raw = JSON.parse(json ?? '');
  } catch {
    throw invalid([{ field: 'demande', code: 'json', message: 'Le champ « demande » doit contenir le formulaire en JSON.' }]);
  }
  const parsed = SubmissionInput.safeParse(raw);
  if (!parsed.success) {
    throw invalid(parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'demande', code: 'type', message: `${i.path.join('.')} : ${i.message}` })));
  }
  const { value, problems } = validateSubmission(parsed.data);
  const types = await offeredTypes(ctx, entity.code);
  const type = types.find((t) => t.code === parsed.data.requestTypeCode.trim());
  if (parsed.data.requestTypeCode.trim() && !type) {
    problems.push({ field: 'requestTypeCode', code: 'unknown', message: `Type de demande inconnu : « ${parsed.data.requestTypeCode} ». Choisissez-en un dans la liste.` });
  }
  if (files.length > MAX_ATTACHMENTS) {
    problems.push({ field: 'attachments', code: 'too_many', message: `Joignez ${MAX_ATTACHMENTS} fichiers au plus.` });
  }
  if (problems.length || !value || !type) throw invalid(problems);

  const actor: Actor = { type: 'public', id: null, label: 'Usager (formulaire en ligne)', source: clientIp ?? 'inconnue' };
  const pctx: Ctx = { ...ctx, actor };
  const receivedAt = ctx.clock.now();
  const requesterName = `${value.firstName} ${value.lastName}`;
  const text = renderSubmissionText(entity.name, type.name, receivedAt, value, files.map((f) => f.filename));
  const { item, result, refused } = await ingestComposedItem(
    pctx,
    entity.code,
    {
      channel: 'form',
      main: { filename: 'saisine-en-ligne.txt', text },
      attachments: files,
      senderName: value.organisationName ? `${value.organisationName} (${requesterName})` : requesterName,
      // The postal address the person gave: the AR letter's envelope window (the e-mail is below).
      senderAddress: [...value.addressLines, `${value.postcode} ${value.city}`].join('\n'),
      subject: value.subject,
      // the requester's e-mail, read like an e-mail's From by the AR and the item page
      emailMeta: { from: { name: requesterName, address: value.email }, subject: value.subject, date: receivedAt.toISOString() },
    },
    async (tctx, registered, refusedFiles) => {
      const receivedOn = parisDateOf(new Date(registered.receivedAt));
      const dueDate = areDueDate(receivedOn);
      const refusedNames = new Set(refusedFiles.map((f) => f.filename));
      const aee = buildAee({
        entityName: entity.name,
        chrono: registered.chrono,
        receivedAt: new Date(registered.receivedAt),
        requesterName,
        requestTypeName: type.name,
        subject: value.subject,
        acceptedFiles: files.map((f) => f.filename).filter((n) => !refusedNames.has(n)),
        refusedFiles,
        areDueDate: dueDate,
      });
      const outbox = await queueMail(tctx, {
        entityId: entity.id, mailItemId: registered.id, reference: registered.chrono, kind: 'aee', to: value.email, subject: aee.subject, text: aee.text,
      });
      await insertSubmission(tctx.db, {
        id: randomUUID(),
        entity_id: entity.id,
        entity_code: entity.code,
        mail_item_id: registered.id,
        chrono: registered.chrono,
        requester_kind: value.requesterKind,
        last_name: value.lastName,
        first_name: value.firstName,
        organisation_name: value.organisationName,
        siret: value.siret,
        rna: value.rna,
        email: value.email,
        address_lines: value.addressLines.join('\n'),
        postcode: value.postcode,
        city: value.city,
        phone: value.phone,
        request_type_code: type.code,
        subject: value.subject,
        submitted_at: registered.receivedAt,
        client_ip: clientIp,
        aee_outbox_id: outbox.id,
        are_due_date: dueDate,
        are_outbox_id: null,
        are_status: 'pending',
        are_reason: null,
      });
      // Qualifying gives the item its implicit decision date and ARE due date (registry's rules),
      // in the registering transaction: processing, and routing by the form's type, see it done.
      await qualifyMailItem({ ...pctx, db: tctx.db }, entity.code, registered.chrono, { requestTypeCode: type.code });
      return { outbox, dueDate };
    },
  );
  const handling = await getHandlingView(ctx, entity.code, item.chrono);
  const refusedByName = new Map(refused.map((r) => [r.filename, r.reason]));
  return {
    chrono: item.chrono,
    receivedAt: item.receivedAt,
    receivedOnFr: formatDateFr(parisDateOf(new Date(item.receivedAt))),
    entityName: entity.name,
    requestType: type.name,
    email: value.email,
    aeeStatus: result.outbox.status === 'waiting' ? 'en attente d’envoi' : 'envoi en cours',
    areDueDate: handling.ackDueDate ?? result.dueDate,
    attachments: files.map((f) => ({ filename: f.filename, accepted: !refusedByName.has(f.filename), reason: refusedByName.get(f.filename) ?? null })),
  };
}
