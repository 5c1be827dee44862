import { ApiError, apiUrl, getJson, postJson, seg } from '../../api/client.ts';

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
  try {
    return await getJson<ExportInfo>(`${base(code, chrono)}/export`, {}, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.code === 'REGISTRY_EXPORT_NOT_FOUND') return null;
    throw error;
  }
}

export const exportItem = (code: string, chrono: string, input: { recipientName: string; recipientAddress: string[]; reason?: string }) =>
  postJson<ExportInfo>(`${base(code, chrono)}/export`, input);

export const exportZipUrl = (code: string, chrono: string) => apiUrl(`${base(code, chrono)}/export.zip`);
