import type { Locale, Role } from '@tcxd/contract';

/** One role held over one organisation subtree. */
export interface Grant {
  readonly id: string;
  readonly role: Role;
  readonly unitId: string;
  readonly unitPath: string;
  readonly unitName: string;
  readonly unitCode: string;
}

export type Actor =
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly username: string;
      readonly fullName: string;
      /** All grants of the user. */
      readonly grants: readonly Grant[];
      /** The grant chosen in the scope switcher, or null for all of them. */
      readonly activeGrantId: string | null;
    }
  | { readonly kind: 'system'; readonly name: string };

/** Who acts, and the request it comes from: the first argument of every service function. */
export interface Context {
  readonly actor: Actor;
  readonly requestId: string | null;
  readonly ip: string | null;
  readonly locale: Locale;
}

/** The context of a command-line operation (full scope, audited under the command name). */
export function systemContext(name: string): Context {
  return { actor: { kind: 'system', name }, requestId: null, ip: null, locale: 'vi' };
}

/** The user id behind a context, or null for the system. */
export function actorUserId(ctx: Context): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
}
