/** The signed-in user of a request as the actor of an audited command. */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../app/actor.js';
import { principal } from './auth/sessionHook.js';
import type { ServerContext } from './context.js';

export function actorOf(request: FastifyRequest, ctx: ServerContext): Actor {
  return { principal: principal(request), ip: request.ip, at: ctx.now().toISOString() };
}
