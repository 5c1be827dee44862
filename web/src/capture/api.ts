import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postForm, seg } from '../api/client.ts';
import type { UploadResult } from '../api/types.ts';

export type UploadChannel = 'scan' | 'upload' | 'email';

/** Sends files as multipart/form-data: the `channel` field first, then one `file` part per file. */
export function uploadMailItems(code: string, channel: UploadChannel, files: File[]): Promise<{ results: UploadResult[] }> {
  const form = new FormData();
  form.append('channel', channel);
  for (const file of files) form.append('file', file, file.name);
  return postForm(`/entities/${seg(code)}/mail-items`, form);
}

export function useUploadMailItems(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ channel, files }: { channel: UploadChannel; files: File[] }) => uploadMailItems(code, channel, files),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['mail-items', code] }),
        queryClient.invalidateQueries({ queryKey: ['quarantine', code] }),
      ]),
  });
}
