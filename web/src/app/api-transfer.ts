import type { z } from 'zod';
import { ApiError, apiErrorOf, apiHeaders, type Query, reportApiError, urlOf } from './api-client.ts';

interface UploadOptions {
  readonly query?: Query;
  /** Called with the fraction sent so far (0–1). */
  readonly onProgress?: (fraction: number) => void;
  readonly signal?: AbortSignal;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Posts a file as the raw request body (XMLHttpRequest, for the upload progress) and
 * validates the JSON answer; throws ApiError like every other call.
 */
export function apiUpload<S extends z.ZodType>(path: string, schema: S, file: Blob, contentType: string, options: UploadOptions = {}): Promise<z.infer<S>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', urlOf(path, options.query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', contentType);
    for (const [name, value] of Object.entries(apiHeaders('POST'))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = schema.safeParse(body);
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiError(xhr.status, 'internal', 'unexpected answer'));
        return;
      }
      const error = apiErrorOf(xhr.status, xhr.statusText, body);
      reportApiError(error);
      reject(error);
    };
    options.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

function fileNameOf(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

/** Downloads a file answer (GET) and saves it under the name the server gave. */
export async function apiDownload(path: string, query: Query, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(urlOf(path, query), { headers: apiHeaders('GET'), credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) {
    const error = apiErrorOf(response.status, response.statusText, await response.json().catch(() => null));
    reportApiError(error);
    throw error;
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
