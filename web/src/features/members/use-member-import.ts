import type { MemberImportJob } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { followJob, pause } from './import-job-follow.ts';
import { membersApi, type SheetFormat } from './members-api.ts';

const pollMs = 700;

/** The file formats the import takes, by the file's name. */
export function sheetFormatOf(name: string): SheetFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/**
 * Sends the file (dry run or commit), then follows the background job every 700 ms:
 * the upload's progress, then the job's phase and rows read, then its result.
 */
export function useMemberImport(onFinished: (job: MemberImportJob) => void) {
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [job, setJob] = useState<MemberImportJob | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = useMutation({
    mutationFn: async ({ file, dryRun }: { readonly file: File; readonly dryRun: boolean }) => {
      const format = sheetFormatOf(file.name);
      if (!format) throw new Error('unsupported file');
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setJob(null);
      setUploaded(0);
      const first = await membersApi.startImport(file, format, dryRun, setUploaded, abort.signal).finally(() => setUploaded(null));
      return followJob(first, { load: () => membersApi.importJob(first.id, abort.signal), onUpdate: setJob, wait: () => pause(pollMs), signal: abort.signal });
    },
    onSuccess: onFinished,
  });

  /** Stops following (the dialog closed) and forgets the last job. */
  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setJob(null);
    setUploaded(null);
  }, []);

  return { run, uploaded, job, reset };
}
