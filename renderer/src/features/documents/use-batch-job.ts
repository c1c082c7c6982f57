import { useCallback, useEffect, useRef, useState } from 'react';
import type { BatchStatus } from '../../../../shared/api/channels/documents';
import { ApiError, call } from '../../api/client';
import { base64ToBytes } from '../../components/file-io';
import type { PrintedPdf } from './pdf-blob';

const POLL_MS = 300;

/**
 * A whole-session batch as the screen follows it: start, poll documents:batchStatus while it
 * runs, cancel, then read the finished PDF in chunks (documents:batchResult) into one buffer.
 */
export function useBatchJob(sessionId: number, onPrinted: (p: PrintedPdf) => void, onStart?: () => void) {
  const [status, setStatus] = useState<BatchStatus | null>(null);
  const [loadingPercent, setLoadingPercent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const printed = useRef(onPrinted);
  useEffect(() => {
    printed.current = onPrinted;
  }, [onPrinted]);

  const start = useCallback(async () => {
    setError(null);
    // The document printed before (a single sheet or an earlier batch) leaves the screen now: its
    // preview and save button stood there during the whole batch and saved the wrong file.
    onStart?.();
    try {
      setStatus(await call('documents:batchStart', { sessionId }));
    } catch (e) {
      // A batch still running (started before the screen was left): follow it again.
      const running = e instanceof ApiError && e.code === 'CONFLICT' ? e.details?.jobId : undefined;
      if (running) setStatus(await call('documents:batchStatus', { jobId: running }));
      else setError(e);
    }
  }, [sessionId, onStart]);

  const cancel = useCallback(async () => {
    if (!status) return;
    try {
      setStatus(await call('documents:batchCancel', { jobId: status.jobId }));
    } catch (e) {
      setError(e);
    }
  }, [status]);

  const jobId = status?.jobId;
  const running = status?.state === 'running';
  useEffect(() => {
    if (!jobId || !running) return;
    let stopped = false;
    const timer = setInterval(() => {
      call('documents:batchStatus', { jobId }).then(
        (s) => !stopped && setStatus(s),
        (e: unknown) => !stopped && setError(e),
      );
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [jobId, running]);

  const done = status?.state === 'done';
  useEffect(() => {
    if (!jobId || !done) return;
    let stopped = false;
    void (async () => {
      try {
        const parts: Uint8Array[] = [];
        let offset: number | null = 0;
        let meta = { fileName: '', pages: 0, total: 0 };
        setLoadingPercent(0);
        while (offset !== null && !stopped) {
          const chunk: Awaited<ReturnType<typeof call<'documents:batchResult'>>> = await call('documents:batchResult', {
            jobId,
            offset,
          });
          parts.push(base64ToBytes(chunk.chunkBase64));
          meta = { fileName: chunk.fileName, pages: chunk.pages, total: chunk.totalBytes };
          offset = chunk.nextOffset;
          setLoadingPercent(Math.floor(((offset ?? chunk.totalBytes) * 100) / chunk.totalBytes));
        }
        if (stopped) return;
        const bytes = new Uint8Array(meta.total);
        let at = 0;
        for (const p of parts) {
          bytes.set(p, at);
          at += p.length;
        }
        printed.current({ bytes, fileName: meta.fileName, pages: meta.pages, batchJobId: jobId });
      } catch (e) {
        if (!stopped) setError(e);
      } finally {
        if (!stopped) setLoadingPercent(null);
      }
    })();
    return () => {
      stopped = true;
    };
  }, [jobId, done]);

  return { status, loadingPercent, error, start, cancel };
}
