import type { Migration } from 'kysely';
import * as core from './202612031010_registry_core.ts';
import * as search from './202612031020_registry_search.ts';
import * as handling from './202612031300_registry_handling.ts';
import * as acknowledgements from './202612031400_registry_acknowledgements.ts';
import * as incompleteTransfer from './202612031310_registry_incomplete_transfer.ts';
import * as externalReference from './202612031705_registry_external_reference.ts';
import * as contacts from './202612032100_registry_contacts.ts';
import * as transferOut from './202612032110_registry_transfer_out.ts';
import * as reminders from './202612032120_registry_reminders.ts';
import * as sharedTemplates from './202612032130_registry_shared_templates.ts';

export const registryMigrations: Record<string, Migration> = {
  '202612031010_registry_core': core,
  '202612031020_registry_search': search,
  '202612031300_registry_handling': handling,
  '202612031400_registry_acknowledgements': acknowledgements,
  '202612031310_registry_incomplete_transfer': incompleteTransfer,
  '202612031705_registry_external_reference': externalReference,
  '202612032100_registry_contacts': contacts,
  '202612032110_registry_transfer_out': transferOut,
  '202612032120_registry_reminders': reminders,
  '202612032130_registry_shared_templates': sharedTemplates,
};
