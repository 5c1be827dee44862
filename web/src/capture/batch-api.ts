import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiUrl, postForm, seg } from '../api/client.ts';
import type { MailItemSummary, QuarantineEntry, UploadResult } from '../api/types.ts';

/** POST /api/entities/{code}/batch-scans: one result per batch file (see src/capture/scanner/scanner.schemas.ts). */
export interface BatchResult {
  batchId: string;
  filename: string;
  pageCount: number;
  separators: number[];
  blanks: number[];
  items: Array<{ pages: number[]; serviceCode: string | null; item: MailItemSummary | null; quarantine: QuarantineEntry | null; warnings: string[] }>;
  quarantine: QuarantineEntry | null;
}

export function uploadBatchScans(code: string, files: File[]): Promise<{ results: BatchResult[] }> {
  const form = new FormData();
  form.append('split', 'true');
  for (const file of files) form.append('file', file, file.name);
  return postForm(`/entities/${seg(code)}/batch-scans`, form);
}

export function useUploadBatchScans(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (files: File[]) => uploadBatchScans(code, files),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['mail-items', code] }),
        queryClient.invalidateQueries({ queryKey: ['quarantine', code] }),
      ]),
  });
}

export const separatorSheetUrl = (code: string) => apiUrl(`/entities/${seg(code)}/separator-sheet.pdf`);

const pageList = (pages: number[]) => (pages.length === 1 ? `page ${pages[0]}` : `pages ${pages.join(', ')}`);

/** Each item of each batch as one line of the usual results list, named after the pages it took. */
export function batchToUploadResults(results: BatchResult[]): UploadResult[] {
  return results.flatMap((batch): UploadResult[] => {
    if (batch.quarantine) return [{ filename: batch.filename, quarantine: batch.quarantine }];
    return batch.items.map((entry) => ({
      filename: `${batch.filename} (${pageList(entry.pages)})${entry.serviceCode ? ` → ${entry.serviceCode}` : ''}`,
      item: entry.item ?? undefined,
      quarantine: entry.quarantine ?? undefined,
    }));
  });
}

export function batchSummary(batch: BatchResult): string {
  const seps = batch.separators.length;
  const blanks = batch.blanks.length;
  return `${batch.filename} : ${batch.pageCount} page(s), ${seps} feuille(s) de séparation${seps ? ` (${pageList(batch.separators)})` : ''}, ${blanks} page(s) blanche(s) retirée(s)${blanks ? ` (${pageList(batch.blanks)})` : ''}.`;
}
