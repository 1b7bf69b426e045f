/** Every error leaves the server as `{ error: 中文说明, details? }` with the right status. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { logSecurity } from '../db/repositories/securityLog.js';
import type { ServerContext } from './context.js';
import { HttpError, PASSWORD_CHANGE_REQUIRED } from './errors.js';

export function registerErrorHandler(app: FastifyInstance, ctx: ServerContext): void {
  app.setErrorHandler(async (error: FastifyError | HttpError | Error, request, reply) => {
    if (error instanceof HttpError) {
      // 等保2.0 asks that refused attempts to reach others' data be audited, not only logins.
      // A user asked to change the password first is not reaching for others' data.
      if (error.statusCode === 403 && request.auth && error.code !== PASSWORD_CHANGE_REQUIRED) {
        await logSecurity(ctx.db, {
          at: ctx.now().toISOString(),
          event: 'access_denied',
          username: request.auth.principal.username,
          ip: request.ip,
          success: false,
          detail: `${request.method} ${request.url.slice(0, 500)}:${error.message}`,
        }).catch((e: unknown) => request.log.error(e));
      }
      return reply.code(error.statusCode).send({ error: error.message, details: error.details, code: error.code });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => `${v.instancePath || '请求'}: ${v.message ?? ''}`);
      return reply.code(400).send({ error: `请求参数不正确:${issues.join(';')}`, details: error.validation });
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 429) return reply.code(429).send({ error: '请求过于频繁,请稍后再试' });
    if (status === 413) return reply.code(413).send({ error: '上传的文件过大' });
    if (status >= 500) {
      request.log.error(error);
      return reply.code(500).send({ error: '服务器内部错误,请联系系统管理员' });
    }
    return reply.code(status).send({ error: error.message });
  });
}
