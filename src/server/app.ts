/** The Fastify server: the API under /api, its OpenAPI document at /api/docs, and the web app. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerAuthRoutes } from './auth/routes.js';
import { registerSessionHook } from './auth/sessionHook.js';
import type { ServerContext } from './context.js';
import { registerErrorHandler } from './errorHandler.js';
import { PUBLIC, registerAccessRules, requireAccessRules } from './plugins/accessRules.js';
import { registerRoutes } from './routes.js';

export interface RouteEntry {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route, as registered: the OpenAPI document must describe each. */
    apiRoutes: RouteEntry[];
  }
}

export interface BuildOptions {
  logger?: boolean;
}

export async function buildServer(ctx: ServerContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: ctx.config.maxUploadBytes,
    // Behind a government intranet's reverse proxy the client address is in X-Forwarded-For.
    trustProxy: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app, ctx);
  requireAccessRules(app);
  const routes: RouteEntry[] = [];
  app.decorate('apiRoutes', routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (route.url.startsWith('/api/')) routes.push({ method, url: route.url });
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: ctx.config.maxUploadBytes, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'childplan 儿童发展规划监测评估系统 API', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'childplan_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  registerSessionHook(app, ctx);
  registerAccessRules(app, ctx);
  app.get('/api/health', { config: { access: PUBLIC }, schema: { tags: ['系统'], summary: '健康检查', hide: false } }, () => ({
    ok: true,
  }));
  registerAuthRoutes(app, ctx);
  registerRoutes(app, ctx);

  const webRoot = ctx.config.webRoot;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt app is served without a restart.
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      setHeaders(res, path) {
        // Hashed assets never change; the page that names them must always be fresh.
        res.header('cache-control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
      },
    });
    // Client-side routes: every path that is not an API call or a file gets the app's page.
    app.setNotFoundHandler((request, reply) => {
      // A missing script or style is a 404, not the page: the browser must not run HTML as JavaScript.
      if (
        request.url.startsWith('/api/') ||
        request.url.startsWith('/assets/') ||
        (request.method !== 'GET' && request.method !== 'HEAD')
      ) {
        return reply.code(404).send({ error: '未找到' });
      }
      return reply.sendFile('index.html');
    });
  }
  return app;
}
