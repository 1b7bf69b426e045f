import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { samples } from '../support/sampleDocuments.js';
import { type Client, CITY, LISHU, TIEXI, useServer } from '../support/server.js';

const MAX_BYTES = 64 * 1024;

interface Row {
  departmentCode: string;
  orgUnitCode: string;
  orgUnitName: string;
  uploaded: boolean;
  latest: { id: number; fileName: string; uploadedBy: string } | null;
  files: { id: number }[];
}
interface Table {
  rows: Row[];
  totals: { expected: number; uploaded: number };
}

/** A multipart/form-data body as a browser sends it. */
function form(fields: Record<string, string>, files: { name: string; content: Buffer }[] = []) {
  const boundary = '----childplanTestBoundary7MA4YWxk';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8'));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        'utf8',
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(DIALECTS)('implementation plans (%s)', (dialect) => {
  const server = useServer(dialect, { config: { loginRatePerMinute: 1000, maxUploadBytes: MAX_BYTES } });

  const upload = (c: Client, fields: Record<string, string>, files: { name: string; content: Buffer }[]) =>
    c.request({ method: 'POST', url: '/api/implementation-plans', ...form(fields, files) });
  const table = async (c: Client, query = 'year=2024'): Promise<Table> => {
    const res = await c.get(`/api/implementation-plans?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as Table;
  };
  const reportingUnits = () =>
    server.ctx.org().ordered.filter((code) => ['city', 'county'].includes(server.ctx.org().tree.get(code)?.level ?? ''));

  const docx = samples.docx();
  let lishuFile = 0;

  it('takes a department’s plan for its own unit, under its Chinese name, with its SHA-256', async () => {
    const c = await server.login('lishu_health');
    const res = await upload(c, { department: 'health', orgUnit: LISHU, year: '2024' }, [
      { name: '梨树县卫健委实施方案.docx', content: docx },
    ]);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      fileName: '梨树县卫健委实施方案.docx',
      departmentCode: 'health',
      orgUnitCode: LISHU,
      year: 2024,
      size: docx.length,
      uploadedBy: 'lishu_health',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      sha256: createHash('sha256').update(docx).digest('hex'),
    });
    lishuFile = body.id as number;
    const stored = await server.ctx.db
      .selectFrom('stored_file')
      .select(['kind', 'content'])
      .where('id', '=', lishuFile)
      .executeTakeFirstOrThrow();
    expect(stored.kind).toBe('implementation_plan');
    expect(Buffer.from(stored.content)).toEqual(docx);
  });

  it('lets a city department send the plan of a county below it', async () => {
    const c = await server.login('city_health');
    const res = await upload(c, { department: 'health', orgUnit: TIEXI, year: '2024' }, [{ name: 'tiexi.pdf', content: samples.pdf() }]);
    expect(res.statusCode).toBe(201);
    const city = await upload(c, { department: 'health', orgUnit: CITY, year: '2024' }, [{ name: '市卫健委.ofd', content: samples.ofd() }]);
    expect(city.statusCode).toBe(201);
  });

  it('refuses a plan for another department, another county, a township, or from a user who is not a department’s', async () => {
    const c = await server.login('lishu_health');
    const file = [{ name: 'a.pdf', content: samples.pdf() }];
    const otherDept = await upload(c, { department: 'education', orgUnit: LISHU, year: '2024' }, file);
    expect(otherDept.statusCode).toBe(403);
    expect(otherDept.json()).toEqual({ error: '只能为本成员单位(本级或下辖县级单位)上传实施方案' });
    expect((await upload(c, { department: 'health', orgUnit: TIEXI, year: '2024' }, file)).statusCode).toBe(403);
    expect((await upload(c, { department: 'health', orgUnit: CITY, year: '2024' }, file)).statusCode).toBe(403);
    const township = await server.ctx.db.selectFrom('org_unit').select('code').where('parent_code', '=', LISHU).executeTakeFirstOrThrow();
    const low = await upload(c, { department: 'health', orgUnit: township.code, year: '2024' }, file);
    expect(low.statusCode).toBe(400);
    expect(low.json().error).toBe('实施方案按市或县(市、区)一级单位上传');
    const office = await upload(await server.login('office'), { department: 'health', orgUnit: LISHU, year: '2024' }, file);
    expect(office.statusCode).toBe(403);
    expect(office.json()).toEqual({ error: '只有成员单位用户可以上传实施方案' });
  });

  it('refuses a file whose content does not match its extension, a type not allowed, an empty file', async () => {
    const c = await server.login('lishu_health');
    const fields = { department: 'health', orgUnit: LISHU, year: '2024' };
    const exe = await upload(c, fields, [{ name: '方案.pdf', content: samples.exe() }]);
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error).toContain('文件“方案.pdf”的内容不是PDF 文档');
    const zip = await upload(c, fields, [{ name: '方案.docx', content: samples.plainZip() }]);
    expect(zip.json().error).toContain('内容不是Word 文档');
    const txt = await upload(c, fields, [{ name: '方案.txt', content: samples.text() }]);
    expect(txt.statusCode).toBe(400);
    expect(txt.json().error).toContain('类型(.txt)不允许上传');
    const exeName = await upload(c, fields, [{ name: 'setup.exe', content: samples.exe() }]);
    expect(exeName.json().error).toContain('类型(.exe)不允许上传');
    const empty = await upload(c, fields, [{ name: '方案.pdf', content: Buffer.alloc(0) }]);
    expect(empty.json().error).toBe('文件“方案.pdf”是空文件');
  });

  it('accepts every allowed type by its first bytes', async () => {
    const c = await server.login('lishu_health');
    const fields = { department: 'health', orgUnit: LISHU, year: '2023' };
    for (const [name, content] of [
      ['a.doc', samples.ole2()],
      ['a.wps', samples.ole2()],
      ['a.xls', samples.ole2()],
      ['a.xlsx', samples.xlsxByHand()],
      ['a.JPG', samples.jpeg()],
      ['a.png', samples.png()],
    ] as const) {
      const res = await upload(c, fields, [{ name, content }]);
      expect(res.statusCode, name).toBe(201);
    }
  });

  it('refuses a file over the size limit, two files, no file, and a missing or odd year', async () => {
    const c = await server.login('lishu_health');
    const fields = { department: 'health', orgUnit: LISHU, year: '2024' };
    const big = await upload(c, fields, [{ name: 'big.pdf', content: Buffer.concat([samples.pdf(), Buffer.alloc(MAX_BYTES)]) }]);
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toBe('文件超过上传大小上限(64 KB)');
    const two = await upload(c, fields, [
      { name: 'a.pdf', content: samples.pdf() },
      { name: 'b.pdf', content: samples.pdf() },
    ]);
    expect(two.statusCode).toBe(400);
    expect(two.json().error).toBe('每次只能上传一个文件');
    const none = await upload(c, fields, []);
    expect(none.json().error).toBe('请选择要上传的文件');
    const noYear = await upload(c, { department: 'health', orgUnit: LISHU }, [{ name: 'a.pdf', content: samples.pdf() }]);
    expect(noYear.json().error).toBe('请填写年度(四位数字)');
    const late = await upload(c, { ...fields, year: '2040' }, [{ name: 'a.pdf', content: samples.pdf() }]);
    expect(late.json().error).toBe('年份须在 2020–2030 之间');
    const json = await c.post('/api/implementation-plans', { department: 'health' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error).toBe('请以 multipart/form-data 方式上传文件');
  });

  it('shows the office every department × the city and each county, with who sent what', async () => {
    const t = await table(await server.login('office'));
    const departments = await server.ctx.db.selectFrom('department').select('code').where('active', '=', 1).execute();
    expect(t.rows).toHaveLength(departments.length * reportingUnits().length);
    expect(t.totals).toEqual({ expected: t.rows.length, uploaded: 3 });
    const lishu = t.rows.find((r) => r.departmentCode === 'health' && r.orgUnitCode === LISHU);
    expect(lishu).toMatchObject({
      orgUnitName: '梨树县',
      uploaded: true,
      latest: { id: lishuFile, fileName: '梨树县卫健委实施方案.docx', uploadedBy: 'lishu_health' },
    });
    expect(t.rows.find((r) => r.departmentCode === 'education' && r.orgUnitCode === LISHU)).toMatchObject({
      uploaded: false,
      latest: null,
      files: [],
    });
  });

  it('shows a county bureau its county only, a department its own rows only, and nothing to a viewer', async () => {
    const county = await table(await server.login('lishu_monitor'));
    expect(new Set(county.rows.map((r) => r.orgUnitCode))).toEqual(new Set([LISHU]));
    const own = await table(await server.login('lishu_health'));
    expect(own.rows.map((r) => [r.departmentCode, r.orgUnitCode])).toEqual([['health', LISHU]]);
    const city = await table(await server.login('city_health'));
    expect(city.rows.every((r) => r.departmentCode === 'health')).toBe(true);
    expect(city.rows).toHaveLength(reportingUnits().length);
    const narrowed = await table(await server.login('office'), `year=2024&org=${TIEXI}&department=health`);
    expect(narrowed.rows).toHaveLength(1);
    expect(narrowed.totals.uploaded).toBe(1);

    const wider = await (await server.login('lishu_monitor')).get(`/api/implementation-plans?year=2024&org=${CITY}`);
    expect(wider.statusCode).toBe(403);
    expect(wider.json()).toEqual({ error: '无权查看该单位的数据' });
    const otherDept = await (await server.login('lishu_health')).get('/api/implementation-plans?year=2024&department=education');
    expect(otherDept.statusCode).toBe(403);
    const viewer = await (await server.login('viewer')).get('/api/implementation-plans?year=2024');
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json()).toEqual({ error: '只读用户无权查看实施方案报送情况' });
  });

  it('downloads a plan under its Chinese name to those who may see it', async () => {
    for (const who of ['lishu_health', 'city_health', 'lishu_monitor', 'city_monitor', 'office', 'admin'] as const) {
      const res = await (await server.login(who)).get(`/api/files/${lishuFile}`);
      expect(res.statusCode, who).toBe(200);
      expect(res.rawPayload).toEqual(docx);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="${'_'.repeat(10)}.docx"; filename*=UTF-8''${encodeURIComponent('梨树县卫健委实施方案.docx')}`,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('refuses the download to another department, another county and a viewer', async () => {
    for (const who of ['lishu_education', 'tiexi_health', 'viewer'] as const) {
      const res = await (await server.login(who)).get(`/api/files/${lishuFile}`);
      expect(res.statusCode, who).toBe(403);
      expect(res.json()).toEqual({ error: '无权下载该文件' });
    }
    expect((await (await server.login('admin')).get('/api/files/999999')).statusCode).toBe(404);
  });

  it('lets only the uploading department or the admin delete a plan, keeping the record', async () => {
    for (const who of ['lishu_education', 'tiexi_health', 'office', 'lishu_monitor'] as const) {
      const res = await (await server.login(who)).delete(`/api/files/${lishuFile}`);
      expect(res.statusCode, who).toBe(403);
      expect(res.json()).toEqual({ error: '只有上传单位的用户或系统管理员可以删除该文件' });
    }
    const c = await server.login('lishu_health');
    expect((await c.delete(`/api/files/${lishuFile}`)).json()).toEqual({ ok: true });
    expect((await c.get(`/api/files/${lishuFile}`)).statusCode).toBe(404);
    expect((await c.delete(`/api/files/${lishuFile}`)).statusCode).toBe(404);
    const row = await server.ctx.db
      .selectFrom('stored_file')
      .select(['deleted_by', 'deleted_at'])
      .where('id', '=', lishuFile)
      .executeTakeFirstOrThrow();
    expect(row.deleted_by).toBe('lishu_health');
    expect(row.deleted_at).not.toBeNull();
    expect((await table(c)).rows[0]).toMatchObject({ uploaded: false, latest: null });

    const tiexi = (await table(await server.login('office'), `year=2024&org=${TIEXI}&department=health`)).rows[0]?.latest?.id;
    expect((await (await server.login('admin')).delete(`/api/files/${tiexi}`)).statusCode).toBe(200);
  });
});
