import { type ErrorCode, errorResponse } from '@tcxd/contract';
import type { z } from 'zod';
import { getLocale } from '../i18n/locale-store.ts';

type QueryValue = string | number | boolean | null | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

/** A failed API call: the server's typed error, or 'network' when no answer came. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly requestId: string | null = null,
    readonly issues: readonly { readonly path: string; readonly message: string }[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ApiHooks {
  /** The CSRF token of the current session, sent on every state-changing request. */
  readonly csrfToken: () => string | null;
  /** Called when the server says the session is gone (401 unauthenticated). */
  readonly onUnauthenticated: () => void;
  /** Called when the server refuses everything until the password is changed. */
  readonly onPasswordChangeRequired: () => void;
}

let hooks: ApiHooks = { csrfToken: () => null, onUnauthenticated: () => {}, onPasswordChangeRequired: () => {} };

/** Connects the client to the session (set once by the session provider). */
export function configureApi(next: Partial<ApiHooks>): void {
  hooks = { ...hooks, ...next };
}

/** A path with its query string (empty values left out). */
export function urlOf(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The ApiError of a failed answer's status and (parsed JSON) body. */
export function apiErrorOf(status: number, statusText: string, body: unknown): ApiError {
  const parsed = errorResponse.safeParse(body);
  if (!parsed.success) return new ApiError(status, 'internal', statusText || `HTTP ${status}`);
  const { code, message, requestId, issues, retryAfterSeconds } = parsed.data.error;
  return new ApiError(status, code, message, requestId, issues ?? [], retryAfterSeconds ?? null);
}

async function errorOf(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  return apiErrorOf(response.status, response.statusText, body);
}

/** Tells the session hooks about a failure that ends or restricts the session. */
export function reportApiError(error: ApiError): void {
  if (error.code === 'unauthenticated') hooks.onUnauthenticated();
  if (error.code === 'password_change_required') hooks.onPasswordChangeRequired();
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The headers of every API call: the chosen language and, for writes, the CSRF token. */
export function apiHeaders(method: Method): Record<string, string> {
  const headers: Record<string, string> = { 'accept-language': getLocale() };
  const csrf = hooks.csrfToken();
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  return headers;
}

interface RequestOptions {
  readonly query?: Query;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

/**
 * Calls the API with the session cookie, the chosen language and (for writes) the CSRF
 * token; validates the answer with the contract schema; throws ApiError on failure.
 */
export async function apiRequest<S extends z.ZodType>(method: Method, path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
  const headers: Record<string, string> = { accept: 'application/json', ...apiHeaders(method) };
  if (options.body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }

  if (!response.ok) {
    const error = await errorOf(response);
    reportApiError(error);
    throw error;
  }
  return schema.parse(await response.json());
}

/** Shorthands for the HTTP methods. */
export const api = {
  get: <S extends z.ZodType>(path: string, schema: S, query?: Query, signal?: AbortSignal) =>
    apiRequest('GET', path, schema, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <S extends z.ZodType>(path: string, schema: S, body?: unknown) => apiRequest('POST', path, schema, { body }),
  put: <S extends z.ZodType>(path: string, schema: S, body?: unknown) => apiRequest('PUT', path, schema, { body }),
  patch: <S extends z.ZodType>(path: string, schema: S, body?: unknown) => apiRequest('PATCH', path, schema, { body }),
};
