// Antivirus on every intake: clamd (ClamAV) scans each received file and attachment.
export { assertNotInfected, assertQuarantineOriginalServable, clamdOptionsOf, screenReceivedFile } from './antivirus.service.ts';
export { rescanHeldEntry, rescanHeldFiles, type RescanOutcome } from './antivirus-rescan.service.ts';
export { antivirusRescanJob } from './antivirus-rescan.job.ts';
export { getAntivirusStatus, NOT_CONFIGURED_MESSAGE, type AntivirusStatus } from './antivirus-status.ts';
