import { apiUrl, getJson, postJson, seg } from '../../api/client.ts';

export interface ExportInfo {
  chrono: string;
  filename: string;
  sha256: string;
  transferredOutAt: string;
  recipient: { name: string; addressLines: string[] };
  reason: string;
}

const base = (code: string, chrono: string) => `/entities/${seg(code)}/mail-items/${seg(chrono)}`;

/** The item's transfer out, or null when it has not left the platform. */
export async function getExport(code: string, chrono: string, signal?: AbortSignal): Promise<ExportInfo | null> {
  return (await getJson<{ export: ExportInfo | null }>(`${base(code, chrono)}/export`, {}, signal)).export;
}

export const exportItem = (code: string, chrono: string, input: { recipientName: string; recipientAddress: string[]; reason?: string }) =>
  postJson<ExportInfo>(`${base(code, chrono)}/export`, input);

export const exportZipUrl = (code: string, chrono: string) => apiUrl(`${base(code, chrono)}/export.zip`);
