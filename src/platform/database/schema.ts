// The whole database type: each capability declares its own tables in tables.ts.
import type { CaptureTables } from '../../capture/tables.ts';
import type { MailboxTables } from '../../capture/mailboxes/tables.ts';
import type { ScannerTables } from '../../capture/scanner/tables.ts';
import type { IndexingTables } from '../../indexing/tables.ts';
import type { RegistryTables } from '../../registry/tables.ts';
import type { PlatformTables } from '../tables.ts';
import type { ApiTokenTables } from '../api-tokens/tables.ts';
import type { WebhookTables } from '../../registry/webhooks/tables.ts';
import type { PublicFormTables } from '../../capture/public-form/tables.ts';

export type OctoDb = PlatformTables & RegistryTables & CaptureTables & IndexingTables & MailboxTables & ApiTokenTables & WebhookTables & PublicFormTables & ScannerTables;
