import { describe, expect, it } from 'vitest';
import { useServer } from '../support/server.js';

describe('the OpenAPI document at /api/docs', () => {
  const server = useServer('sqlite');

  it('describes every API route the server has, with a summary and a tag', async () => {
    const res = await server.anonymous().get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { paths: Record<string, Record<string, { summary?: string; tags?: string[] }>> };
    const routes = server.app.apiRoutes.filter((r) => !r.url.startsWith('/api/docs') && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(30);
    const missing: string[] = [];
    for (const r of routes) {
      const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const op = doc.paths[path]?.[r.method.toLowerCase()];
      if (!op || !op.summary || !op.tags?.length) missing.push(`${r.method} ${r.url}`);
    }
    expect(missing).toEqual([]);
  });

  it('serves the interactive page in the browser', async () => {
    const res = await server.anonymous().get('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});
