/**
 * Access rules in one place (outline's policies): every route declares in its config who may call
 * it and what the request is about, and these hooks apply the rule after routing and before the
 * handler. A route under /api without a rule stops the server from starting, so that no new route
 * can forget its check.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  audienceRefusal,
  REFUSALS,
  subjectRefusal,
  type AccessSubject,
  type Audience,
  type RefusalTexts,
} from '../../core/access/policy.js';
import type { Principal } from '../../core/access/roles.js';
import type { ServerContext } from '../context.js';
import { forbidden, unauthorized } from '../errors.js';

export interface RouteAccess {
  /** Who may call the route at all. */
  who: Audience;
  /** Reads what the request is about from its validated params, query and body (or the database, for an id). */
  about?: (request: FastifyRequest, ctx: ServerContext) => AccessSubject | Promise<AccessSubject>;
  /** A rule of this route's own beyond the subject's (e.g. the step of a submission): a Chinese reason to refuse, or null. */
  also?: (p: Principal, request: FastifyRequest, ctx: ServerContext) => string | null | Promise<string | null>;
  /** The refusals worded for what this route serves (the defaults are general). */
  refusals?: Partial<RefusalTexts>;
  /** Open to a user who must change the password first (initial, reset or expired); every other route is closed to him. */
  beforePasswordChange?: true;
}

function textsOf(access: RouteAccess): RefusalTexts {
  return access.refusals ? { ...REFUSALS, ...access.refusals } : REFUSALS;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's access rule; required for every /api route. */
    access?: RouteAccess;
  }
}

export const PUBLIC: RouteAccess = { who: 'public' };
export const SIGNED_IN: RouteAccess = { who: 'signedIn' };
/** Signed in, even with a password still to be changed: who am I, change the password, sign out. */
export const SIGNED_IN_BEFORE_PASSWORD_CHANGE: RouteAccess = { who: 'signedIn', beforePasswordChange: true };

/** The API's own description and the web app's files are public by nature. */
function isApiRoute(url: string): boolean {
  return url.startsWith('/api/') && url !== '/api/docs' && !url.startsWith('/api/docs/');
}

/** Refuses to register an /api route without a rule; gives every other route the public rule. */
export function requireAccessRules(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.access) return;
    if (isApiRoute(route.url)) {
      const methods = Array.isArray(route.method) ? route.method.join(',') : route.method;
      throw new Error(`route ${methods} ${route.url} declares no access rule (config.access)`);
    }
    route.config = { ...route.config, access: PUBLIC };
  });
}

/** The rule of the route a request was routed to; null for a request no route matched. */
export function accessOf(request: FastifyRequest): RouteAccess | null {
  return request.routeOptions.config.access ?? null;
}

/** Checks the caller's role as soon as the session is known, before the body is read. */
export function roleRefusal(request: FastifyRequest): void {
  const access = accessOf(request);
  if (!access || access.who === 'public') return;
  if (!request.auth) throw unauthorized();
  const refusal = audienceRefusal(request.auth.principal, access.who, textsOf(access));
  if (refusal) throw forbidden(refusal);
}

/** Applies each route's subject rule once the request has been validated. */
export function registerAccessRules(app: FastifyInstance, ctx: ServerContext): void {
  app.addHook('preHandler', async (request) => {
    const access = accessOf(request);
    if (!access || access.who === 'public') return;
    if (!request.auth) throw unauthorized();
    const p = request.auth.principal;
    if (access.about) {
      const subject = await access.about(request, ctx);
      const org = ctx.org();
      const unitName = (code: string) => (org.tree.has(code) ? (org.names.get(code) ?? code) : undefined);
      const refusal = subjectRefusal(p, subject, ctx.scope(), unitName, textsOf(access));
      if (refusal) throw forbidden(refusal);
    }
    if (access.also) {
      const refusal = await access.also(p, request, ctx);
      if (refusal) throw forbidden(refusal);
    }
  });
}
