// Outgoing mail: the outbox, its delivery job and the periodic release of waiting messages.
export { sendMailJob } from './jobs/send-mail.job.ts';
export {
  deliverOutboxMessage,
  getEntitySender,
  listOutbox,
  OUTBOX_KIND_FR,
  OUTBOX_STATUS_FR,
  queueMail,
  releaseDueMail,
  retryOutboxMessage,
  setEntitySender,
  toOutboxView,
  type OutboxView,
  type QueueMailInput,
} from './outbox.service.ts';
export { startPeriodicTasks, type PeriodicTask } from './periodic.ts';
export type { OutboxKind, OutboxStatus } from './tables.ts';
