// Capture's public surface: intake of files and e-mails, documents, quarantine, processing jobs.
export { copyItemDocuments, getDocumentFile, getDocumentText, listDocumentViews, type DocumentView } from './document.service.ts';
export { ingestFile, type IntakeFile, type IntakeOptions, type IntakeResult } from './intake.service.ts';
export { processMailItemJob } from './jobs/process-mail-item.job.ts';
export { enqueueIndexing } from './processing.service.ts';
export {
  dismissQuarantineEntry,
  getQuarantineOriginal,
  listQuarantineViews,
  type QuarantineEntryView,
} from './quarantine.service.ts';

import { processMailItemJob } from './jobs/process-mail-item.job.ts';
import { antivirusRescanJob } from './antivirus/antivirus-rescan.job.ts';
export const captureJobs = [processMailItemJob, antivirusRescanJob];
export { extractTextFromFile, type ExtractedText } from './extract-text.ts';
