import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import type { Context } from './context.ts';
import type { LoadedSession } from './sessions.ts';

/** What a route declares about itself; the route-walking scope test reads it too. */
export interface RouteAccess {
  /** Reachable without a session (login, health, docs). */
  readonly public?: boolean;
  /** The kind of record named by the route's :id parameter. */
  readonly entity?: string;
  /** Allowed while the user must still change the password. */
  readonly beforePasswordChange?: boolean;
}

/** A registered route and what it declares (read by the route-walking scope test). */
export interface RouteEntry {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess;
  readonly hasBody: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    readonly routeCatalog: readonly RouteEntry[];
    readonly config: Config;
    readonly database: Database;
    readonly db: Kysely<DB>;
  }
  interface FastifyRequest {
    session: LoadedSession | null;
    context: Context | null;
  }
  interface FastifyContextConfig extends RouteAccess {
    readonly _routeAccess?: true;
  }
}
