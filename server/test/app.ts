import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/connect.ts';
import { createTestDatabase } from './database.ts';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly database: Database;
  close(): Promise<void>;
}

/** The real app on a fresh test database, without logs and without the web build. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', LOGIN_RATE_PER_IP: '1000', ...env });
  const app = await buildApp(config, database);
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A signed-in browser: sends the session cookie and the CSRF token. */
export interface Agent {
  readonly csrfToken: string;
  readonly token: string;
  request(method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

/** Signs in through the API and returns an agent for that session. */
export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Agent> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'tcxd_session');
  if (!cookie) throw new Error('no session cookie');
  const { csrfToken } = response.json<{ csrfToken: string }>();
  return agentFor(app, cookie.value, csrfToken);
}

/** An agent for an existing session token. */
export function agentFor(app: FastifyInstance, token: string, csrfToken: string): Agent {
  return {
    csrfToken,
    token,
    request: (method, url, body) =>
      app.inject({
        method,
        url,
        cookies: { tcxd_session: token },
        headers: { 'x-csrf-token': csrfToken },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      }),
  };
}
