import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { LISHU, useServer } from '../support/server.js';

const PUBLIC = new Set(['POST /api/auth/login', 'GET /api/health']);

describe.each(DIALECTS)('every API route is guarded (%s)', (dialect) => {
  const server = useServer(dialect);

  const routes = () =>
    server.app.apiRoutes.filter(
      (r) =>
        !r.url.startsWith('/api/docs') &&
        // The public portal's routes are read-only and need no session (test/server/publicPortal.test.ts).
        !(r.url.startsWith('/api/public/') && r.method === 'GET') &&
        r.method !== 'HEAD' &&
        !PUBLIC.has(`${r.method} ${r.url}`),
    );
  // Parameters filled with plausible values: the guard must answer before anything is looked up.
  const concrete = (url: string) =>
    url
      .replace(/:year/g, '2025')
      .replace(/:org/g, LISHU)
      .replace(/:department/g, 'health')
      .replace(/:[A-Za-z]+/g, '1');

  it('answers 401 to every route without a session', async () => {
    const anonymous = server.anonymous();
    const open: string[] = [];
    for (const r of routes()) {
      const res = await anonymous.request({
        method: r.method as 'GET',
        url: concrete(r.url),
        payload: r.method === 'GET' ? undefined : {},
      });
      if (res.statusCode !== 401) open.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(routes().length).toBeGreaterThan(40);
    expect(open).toEqual([]);
  });

  it('answers 403 to every change without the CSRF token, even with a session', async () => {
    const admin = await server.login('admin');
    const open: string[] = [];
    for (const r of routes().filter((x) => x.method !== 'GET')) {
      const res = await admin.request({
        method: r.method as 'POST',
        url: concrete(r.url),
        payload: {},
        headers: { 'x-csrf-token': 'forged' },
      });
      if (res.statusCode !== 403) open.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(open).toEqual([]);
  });

  it('refuses a session cookie that was never issued', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'childplan_session=guessed-token' } });
    expect(res.statusCode).toBe(401);
  });

  it('keeps a department away from another department’s values in its own county', async () => {
    const education = await server.login('lishu_education');
    const res = await education.get(`/api/values/history?indicator=newborn_visit_rate&org=${LISHU}&year=2024`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('无权查看该数值');
  });
});
