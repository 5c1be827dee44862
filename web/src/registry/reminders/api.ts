import { getJson, postJson, seg } from '../../api/client.ts';

export interface Reminder {
  id: string;
  chrono: string;
  subject: string | null;
  senderName: string | null;
  kind: 'implicit_decision' | 'missing_items';
  dueDate: string;
  thresholdDays: number;
  workingDaysLeftToday: number;
  service: { code: string; name: string } | null;
  assigneeLabel: string | null;
  channels: string[];
  dismissedAt: string | null;
}

export const listReminders = (code: string, signal?: AbortSignal) => getJson<{ today: string; open: number; reminders: Reminder[] }>(`/entities/${seg(code)}/reminders`, {}, signal);
export const countReminders = (code: string, signal?: AbortSignal) => getJson<{ open: number }>(`/entities/${seg(code)}/reminders/count`, {}, signal);
export const dismissReminder = (code: string, id: string) => postJson<{ id: string }>(`/entities/${seg(code)}/reminders/${seg(id)}/dismiss`, {});
