import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** Real `tcxd` processes (CLI commands and servers) for CLI tests, durability tests and benchmarks. */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tcxdBin = path.join(repoRoot, 'server', 'bin', 'tcxd.js');

export type EnvOverrides = Readonly<Record<string, string | undefined>>;

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface CliResult extends Exit {
  readonly stdout: string;
  readonly stderr: string;
}

/** This process's environment without database settings, plus the overrides (undefined removes). */
export function childEnv(overrides: EnvOverrides = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: undefined, LOG_LEVEL: 'warn', DEMO_SEED: 'false', ...overrides };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env;
}

function spawnTcxd(args: readonly string[], env: EnvOverrides): ChildProcess {
  return spawn(process.execPath, [tcxdBin, ...args], { cwd: repoRoot, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
}

function exitOf(child: ChildProcess): Promise<Exit> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

/** Runs `tcxd <args>` to completion and returns its exit status and output. */
export async function runCli(args: readonly string[], env: EnvOverrides = {}, timeoutMs = 120_000): Promise<CliResult> {
  const child = spawnTcxd(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    const exit = await exitOf(child);
    return { ...exit, stdout, stderr };
  } finally {
    clearTimeout(timer);
  }
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  readonly pid: number;
  readonly baseUrl: string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<Exit>;
  /** Everything the process has written to stdout and stderr so far. */
  output(): string;
  /** Sends the signal (SIGTERM: graceful stop) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

/** Spawns `tcxd serve` on loopback (env.PORT, else a free port) and returns at once (not yet listening). */
export async function spawnServer(env: EnvOverrides): Promise<ServerProcess> {
  const port = env.PORT ?? String(await freePort());
  const child = spawnTcxd(['serve'], { HOST: '127.0.0.1', ...env, PORT: port });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not spawn tcxd serve');
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = exitOf(child);
  return {
    pid,
    baseUrl: `http://127.0.0.1:${port}`,
    exited,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Polls GET /api/health until it answers 200; fails early when the server exits. */
export async function waitHealthy(server: ServerProcess, timeoutMs = 120_000, intervalMs = 20): Promise<void> {
  const state: { exit: Exit | null } = { exit: null };
  void server.exited.then((exit) => (state.exit = exit));
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (state.exit) throw new Error(`server exited (${JSON.stringify(state.exit)}) before it was healthy:\n${server.output()}`);
    try {
      const response = await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  await server.stop('SIGKILL');
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${server.output()}`);
}

/** Spawns `tcxd serve` and waits until it is healthy. */
export async function startServer(env: EnvOverrides): Promise<ServerProcess> {
  const server = await spawnServer(env);
  await waitHealthy(server);
  return server;
}

/** The administrator password the first start prints once. */
export function firstAdminPassword(output: string): string | undefined {
  return /Mật khẩu \/ Password:\s+(\S+)/.exec(output)?.[1];
}

/** The temporary password printed by `create-admin`, `user add` and `user reset-password`. */
export function printedPassword(stdout: string): string | undefined {
  return /Temporary password:\s+(\S+)/.exec(stdout)?.[1];
}

export interface HttpResponse {
  readonly status: number;
  readonly body: unknown;
}

/** A signed-in client of a running server: sends the session cookie and the CSRF token. */
export interface HttpSession {
  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<HttpResponse>;
}

async function send(baseUrl: string, method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<Response> {
  return fetch(`${baseUrl}${url}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Signs in over HTTP (POST /api/auth/login) and returns a client for that session. */
export async function signInHttp(baseUrl: string, username: string, password: string): Promise<HttpSession> {
  const response = await send(baseUrl, 'POST', '/api/auth/login', {}, { username, password });
  const body: unknown = await response.json();
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(body)}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('tcxd_session='));
  const csrf = typeof body === 'object' && body !== null && 'csrfToken' in body ? body.csrfToken : undefined;
  if (!cookie || typeof csrf !== 'string') throw new Error('login answered without a session cookie or CSRF token');
  const headers = { cookie: cookie.split(';')[0] ?? '', 'x-csrf-token': csrf };
  return {
    request: async (method, url, payload) => {
      const res = await send(baseUrl, method, url, headers, payload);
      const text = await res.text();
      const parsed: unknown = text ? JSON.parse(text) : null;
      return { status: res.status, body: parsed };
    },
  };
}

/** A new, empty database on the PostgreSQL server of `url`; drop() removes it. */
export async function createScratchPostgres(url: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return { url: scratch.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
