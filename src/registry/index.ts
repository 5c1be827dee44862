// The registry's public surface: other capabilities call these, never its tables.
export { formatChrono } from './chrono.ts';
export { listEntityViews, requireEntity, seedPilotEntities, type EntityView } from './entity.service.ts';
export { createEntity, createService, describeEntityRefs, requireService, type CreateEntityInput, type CreateServiceInput } from './entity.service.ts';
export {
  completeMailItemIndexing,
  getMailItemDetail,
  getMailItemDetailByChrono,
  getMailItemHistory,
  getMailItemState,
  getMailItemSummary,
  listInbox,
  registerMailItem,
  searchInbox,
  setMailItemStatus,
  type IndexingOutcome,
  type MailItemDetail,
  type RegisterMailItemInput,
  type DeclaredMailMeta,
} from './mail-item.service.ts';
export { toMailItemSummary, type MailItemSummary } from './mail-item.views.ts';
export type { MailChannel, MailDirection, MailStatus } from './tables.ts';
export {
  assignMailItem,
  changeHandlingStatus,
  commentMailItem,
  copyMailItem,
  correctMailItemSender,
  getHandlingView,
  getItemHandlingCodes,
  linkMailItems,
  listDeadlineBaskets,
  listRequestTypeViews,
  qualifyMailItem,
  recordMissingItemsReceived,
  requestMissingItems,
} from './handling.service.ts';
export { transferMailItem } from './transfer.service.ts';
export { generateAcknowledgement, generateAcknowledgementByChrono, type Acknowledgement, type AcknowledgementOptions } from './acknowledgements/acknowledgement.service.ts';
export { listAckTemplateViews, updateAckTemplate, type AckTemplateView } from './acknowledgements/ack-template.service.ts';
export { generateTransferNotice, generateTransferNoticeByChrono, type TransferNotice } from './acknowledgements/transfer-notice.ts';
export {
  backlogBucketFr,
  CHANNEL_FR,
  entityStatisticsCsv,
  getEntityStatistics,
  getPlatformStatistics,
  HANDLING_STATUS_FR,
  platformStatisticsCsv,
  type EntityStatistics,
  type PlatformStatistics,
  type StatisticsFigures,
  type StatisticsPeriod,
  UNASSIGNED_FR,
  UNQUALIFIED_FR,
} from './statistics.service.ts';
export { dayProblem as statisticsDayProblem, periodProblem as statisticsPeriodProblem } from './statistics.schemas.ts';
export { getServiceContact, updateServiceContact, ServiceContactSchema } from './service-contact.ts';
export { onHandlingCorrected, type HandlingCorrection } from './handling-events.ts';
export { BASKETS, listBasketItems, listBaskets, type BasketQuery } from './baskets.service.ts';
export { flagSameContent } from './same-content.ts';
