// Tables of the reminders before deadlines (migration 202612032120_registry_reminders).

export type ReminderKind = 'implicit_decision' | 'missing_items';
export type ReminderChannel = 'in_app' | 'email';
/** `no_mailer`: no outbound mail module is configured, the reminder lives in the web app only. */
export type ReminderEmailStatus = 'no_mailer' | 'sent' | 'failed' | 'no_recipient';

export interface RegistryReminderTable {
  id: string;
  entity_id: string;
  mail_item_id: string;
  kind: ReminderKind;
  due_date: string;
  threshold_days: number;
  working_days_left: number;
  /** The service the item was assigned to when the reminder was made (its agents are told). */
  service_id: string | null;
  assignee_label: string | null;
  channels: string; // JSON ReminderChannel[]
  email_status: ReminderEmailStatus;
  created_at: string;
  dismissed_at: string | null;
  dismissed_by: string | null;
}

export interface RegistryReminderSettingTable {
  entity_id: string;
  thresholds: string; // JSON number[], working days, descending
  updated_at: string;
  updated_by: string | null;
}
