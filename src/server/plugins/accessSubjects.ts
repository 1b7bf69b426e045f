/** Reading what a request is about for the access rules: fields of its validated params, query and body. */
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../core/access/roles.js';
import type { ServerContext } from '../context.js';
import type { RouteAccess } from './accessRules.js';

type Part = 'params' | 'query' | 'body';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** A text field of the request, or undefined when absent. */
export function field(request: FastifyRequest, part: Part, name: string): string | undefined {
  const value = record(request[part])[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** A unit named by the request, listed for the subject (an absent unit means the user's own). */
export function unitsOf(...codes: (string | undefined)[]): string[] {
  return codes.filter((c): c is string => c !== undefined);
}

/** A text field of every element of an array field of the body (e.g. each entry's unit). */
export function eachField(request: FastifyRequest, list: string, name: string): string[] {
  const items = record(request.body)[list];
  if (!Array.isArray(items)) return [];
  return items.map((item) => record(item)[name]).filter((v): v is string => typeof v === 'string');
}

/**
 * The plan's work (departments, the division of work, deadlines, publication) belongs to the
 * office of the plan's own region: an office or admin of a county acts within its county only.
 */
export function atPlanRoot(p: Principal, ctx: ServerContext): string | null {
  const org = ctx.org();
  if (org.tree.parent(p.orgUnitCode) === null) return null;
  const root = org.tree.roots()[0] ?? '';
  return `只有${org.names.get(root) ?? root}本级的用户可以执行此操作`;
}

/** The figures of a unit, approved or (asked with data=all) including unapproved values: the monitoring pages' rule. */
export const FIGURE_READ: RouteAccess = {
  who: 'signedIn',
  about: (request) => ({ units: unitsOf(field(request, 'query', 'org')), unapproved: field(request, 'query', 'data') === 'all' }),
};

/** Departments, the division of work, deadlines and publication: the office (or admin) of the plan's region; `what` completes the refusal. */
export function planWork(what: string): RouteAccess {
  return {
    who: ['admin', 'evaluator'],
    also: (p, _request, ctx) => atPlanRoot(p, ctx),
    refusals: { role: `只有评估组(妇儿工委办公室)和系统管理员可以${what}` },
  };
}

/** Users and the security log; `what` completes the refusal. */
export function adminOnly(what: string): RouteAccess {
  return { who: ['admin'], refusals: { role: `只有系统管理员可以${what}` } };
}
