import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { samples } from '../support/sampleDocuments.js';
import { CITY, LISHU, TIEXI, useServer, type Client, type TestUser } from '../support/server.js';

const YEAR = 2024;
const base = (org: string, item: string, year = YEAR) => `/api/qualitative/${year}/${org}/${item}`;

/** A multipart/form-data body with one file, as a browser sends it. */
function upload(client: Client, url: string, fileName: string, content: Buffer) {
  const boundary = `----childplan${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
      'utf8',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  ]);
  return client.request({ method: 'POST', url, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

interface ItemReply {
  code: string;
  domain: string;
  lead: { code: string; name: string } | null;
  cooperating: { code: string }[];
  report: { text: string; updatedBy: string } | null;
  evidence: { id: number; name: string; size: number; type: string }[];
  rating: { rating: string; label: string; comment: string } | null;
  mayWrite: boolean;
  mayRate: boolean;
}

describe.each(DIALECTS)('qualitative goals (%s)', (dialect) => {
  const server = useServer(dialect);
  // One session per user for the whole block: signing in again and again would meet the login rate limit.
  const sessions = new Map<TestUser, Promise<Client>>();
  const as = (user: TestUser): Promise<Client> => {
    let c = sessions.get(user);
    if (!c) {
      c = server.login(user);
      sessions.set(user, c);
    }
    return c;
  };
  const storedFiles = async () =>
    Number(
      (
        await server.ctx.db
          .selectFrom('stored_file')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('lets the lead department write and rewrite its report, and keeps both versions in the history', async () => {
    const c = await as('lishu_health');
    const first = await c.put(`${base(LISHU, 'H1')}/report`, { text: '2024年梨树县完善儿童健康服务体系,第一稿。' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      code: 'H1',
      lead: { code: 'health', name: '卫生健康委员会' },
      report: { text: '2024年梨树县完善儿童健康服务体系,第一稿。', updatedBy: 'lishu_health' },
      mayWrite: true,
      mayRate: false,
    });
    const second = await c.put(`${base(LISHU, 'H1')}/report`, { text: '第二稿:新建儿童友好医院 2 所。' });
    expect(second.json().report.text).toBe('第二稿:新建儿童友好医院 2 所。');

    const history = await c.get(`${base(LISHU, 'H1')}/history`);
    expect(history.statusCode).toBe(200);
    const entries = history.json().entries as { kind: string; text: string; changedBy: string; department: { name: string } }[];
    expect(entries.map((e) => e.text)).toEqual(['2024年梨树县完善儿童健康服务体系,第一稿。', '第二稿:新建儿童友好医院 2 所。']);
    expect(entries.every((e) => e.kind === 'report' && e.changedBy === 'lishu_health' && e.department.name === '卫生健康委员会')).toBe(
      true,
    );

    const rows = await server.ctx.db
      .selectFrom('qualitative_history')
      .select(['old_text', 'new_text'])
      .where('item_code', '=', 'H1')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.old_text)).toEqual([null, '2024年梨树县完善儿童健康服务体系,第一稿。']);
  });

  it('writes no history when the same text is saved again', async () => {
    const c = await as('lishu_health');
    await c.put(`${base(LISHU, 'H5')}/report`, { text: '同一段文字' });
    await c.put(`${base(LISHU, 'H5')}/report`, { text: '同一段文字' });
    expect((await c.get(`${base(LISHU, 'H5')}/history`)).json().entries).toHaveLength(1);
  });

  it('refuses the report of another department, another county, the office, the bureau and a viewer', async () => {
    const body = { text: '冒名填写' };
    const education = await (await as('lishu_education')).put(`${base(LISHU, 'H2')}/report`, body);
    expect(education.statusCode).toBe(403);
    expect(education.json().error).toBe('只有牵头单位(卫生健康委员会)的用户可以填报梨树县“H2”的进展情况');
    for (const user of ['tiexi_health', 'office', 'city_monitor', 'lishu_monitor', 'viewer', 'admin'] as const) {
      const res = await (await as(user)).put(`${base(LISHU, 'H2')}/report`, body);
      expect(res.statusCode, user).toBe(403);
      expect(res.json().error).toContain('只有牵头单位');
    }
    expect((await server.anonymous().put(`${base(LISHU, 'H2')}/report`, body)).statusCode).toBe(401);
    const stored = await server.ctx.db.selectFrom('qualitative_report').select('text').where('item_code', '=', 'H2').execute();
    expect(stored).toEqual([]);
  });

  it('lets the city department write for a county below it, but a county department not for the city or another county', async () => {
    const city = await as('city_health');
    expect((await city.put(`${base(LISHU, 'H7')}/report`, { text: '市卫健委代填' })).statusCode).toBe(200);
    const lishu = await as('lishu_health');
    expect((await lishu.put(`${base(CITY, 'H7')}/report`, { text: '越级填写' })).statusCode).toBe(403);
    expect((await lishu.put(`${base(TIEXI, 'H7')}/report`, { text: '跨县填写' })).statusCode).toBe(403);
  });

  it('shows a department only the goals it leads or cooperates on, and others every qualitative goal', async () => {
    const health = (await (await as('lishu_health')).get(`/api/qualitative?year=${YEAR}&org=${LISHU}`)).json();
    const codes = (health.items as ItemReply[]).map((i) => i.code);
    expect(codes).toContain('H1');
    expect(codes).toContain('HM1');
    expect(codes.every((c) => c.startsWith('H'))).toBe(true);
    // H3 is monitored by the mortality indicators: not a qualitative goal.
    expect(codes).not.toContain('H3');
    expect(health.org).toEqual({ code: LISHU, name: '梨树县' });
    expect(health.ratings).toContainEqual({ value: 'off_track', label: '滞后' });

    const viewer = (await (await as('viewer')).get(`/api/qualitative?year=${YEAR}&org=${LISHU}`)).json();
    expect(viewer.items).toHaveLength(114);
    const h1 = (viewer.items as ItemReply[]).find((i) => i.code === 'H1');
    expect(h1?.report?.text).toBe('第二稿:新建儿童友好医院 2 所。');
    expect(h1?.mayWrite).toBe(false);

    const education = (await (await as('lishu_education')).get(`/api/qualitative?year=${YEAR}`)).json();
    expect((education.items as ItemReply[]).every((i) => i.domain === 'E')).toBe(true);
    expect(education.org.code).toBe(LISHU);
  });

  it('lets a cooperating department see the goal but not write it', async () => {
    await server.ctx.db
      .insertInto('assignment')
      .values([
        { year: YEAR, item_code: 'H11', department_code: 'health', role: 'lead', updated_by: 'test', updated_at: '2024-01-01T00:00:00Z' },
        {
          year: YEAR,
          item_code: 'H11',
          department_code: 'education',
          role: 'cooperate',
          updated_by: 'test',
          updated_at: '2024-01-01T00:00:00Z',
        },
      ])
      .execute();
    const c = await as('lishu_education');
    const list = (await c.get(`/api/qualitative?year=${YEAR}&org=${LISHU}`)).json();
    const h11 = (list.items as ItemReply[]).find((i) => i.code === 'H11');
    expect(h11).toMatchObject({ lead: { code: 'health' }, cooperating: [{ code: 'education' }], mayWrite: false });
    expect((await c.get(`${base(LISHU, 'H11')}/history`)).statusCode).toBe(200);
    expect((await c.put(`${base(LISHU, 'H11')}/report`, { text: '配合单位' })).statusCode).toBe(403);
    // The assignment of 2024 does not reach back to 2023.
    const earlier = (await c.get(`/api/qualitative?year=2023&org=${LISHU}`)).json();
    expect((earlier.items as ItemReply[]).some((i) => i.code === 'H11')).toBe(false);
  });

  it('refuses to show another county, a higher unit, or a goal the department has no part in', async () => {
    const tiexi = await as('tiexi_health');
    const list = await tiexi.get(`/api/qualitative?year=${YEAR}&org=${LISHU}`);
    expect(list.statusCode).toBe(403);
    expect(list.json().error).toBe('无权查看梨树县的定性目标');
    expect((await tiexi.get(`${base(LISHU, 'H1')}/history`)).statusCode).toBe(403);
    expect((await (await as('lishu_health')).get(`/api/qualitative?year=${YEAR}&org=${CITY}`)).statusCode).toBe(403);
    const education = await (await as('lishu_education')).get(`${base(LISHU, 'H1')}/history`);
    expect(education.statusCode).toBe(403);
    expect(education.json().error).toBe('无权查看梨树县“H1”的进展情况');
    const summary = await tiexi.get(`/api/qualitative/summary?year=${YEAR}&org=${LISHU}`);
    expect(summary.statusCode).toBe(403);
  });

  it('filters the list by department, and keeps a department to its own', async () => {
    const office = await as('office');
    const education = (await office.get(`/api/qualitative?year=${YEAR}&org=${LISHU}&department=education`)).json();
    expect((education.items as ItemReply[]).map((i) => i.code)).toContain('E1');
    expect((education.items as ItemReply[]).every((i) => i.domain === 'E' || i.code === 'H11')).toBe(true);
    const unknown = await office.get(`/api/qualitative?year=${YEAR}&org=${LISHU}&department=nobody`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toBe('成员单位代码“nobody”不存在');
    const other = await (await as('lishu_health')).get(`/api/qualitative?year=${YEAR}&org=${LISHU}&department=education`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toBe('成员单位用户只能查看本单位负责的目标');
  });

  it('stores evidence of the lead department and serves it under its Chinese name to those who may see it', async () => {
    const c = await as('lishu_health');
    const pdf = samples.pdf();
    const res = await upload(c, `${base(LISHU, 'H4')}/evidence`, '2024年出生缺陷防治工作总结(定稿).pdf', pdf);
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      name: '2024年出生缺陷防治工作总结(定稿).pdf',
      size: pdf.length,
      type: 'application/pdf',
      uploadedBy: 'lishu_health',
    });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);

    const list = (await c.get(`/api/qualitative?year=${YEAR}&org=${LISHU}`)).json();
    expect((list.items as ItemReply[]).find((i) => i.code === 'H4')?.evidence).toEqual([expect.objectContaining({ id: file.id })]);

    for (const user of ['lishu_health', 'city_health', 'city_monitor', 'office', 'viewer'] as const) {
      const download = await (await as(user)).get(`/api/qualitative/evidence/${file.id}`);
      expect(download.statusCode, user).toBe(200);
      expect(download.rawPayload.equals(pdf)).toBe(true);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['content-disposition']).toBe(
        // Parentheses are not attr-chars in RFC 5987: they are percent-encoded too.
        `attachment; filename="2024___________(__).pdf"; filename*=UTF-8''${encodeURIComponent('2024年出生缺陷防治工作总结')}%28${encodeURIComponent('定稿')}%29.pdf`,
      );
    }
    const row = await server.ctx.db
      .selectFrom('stored_file')
      .select(['kind', 'item_code', 'department_code', 'org_unit_code', 'year'])
      .where('id', '=', file.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ kind: 'evidence', item_code: 'H4', department_code: 'health', org_unit_code: LISHU, year: YEAR });
  });

  it('refuses evidence files by guessed id to another department, another county and a viewer of another unit', async () => {
    const owner = await as('lishu_health');
    const id = (await upload(owner, `${base(LISHU, 'HM1')}/evidence`, '台账.xlsx', samples.xlsxByHand())).json().id as number;
    for (const user of ['lishu_education', 'tiexi_health'] as const) {
      const c = await as(user);
      const download = await c.get(`/api/qualitative/evidence/${id}`);
      expect(download.statusCode, user).toBe(403);
      expect(download.json().error).toBe('无权下载该文件');
      const del = await c.delete(`/api/qualitative/evidence/${id}`);
      expect(del.statusCode, user).toBe(403);
      expect(del.json().error).toBe('只有牵头单位的用户可以删除本单位上传的佐证材料');
    }
    for (const user of ['viewer', 'office', 'city_monitor'] as const) {
      expect((await (await as(user)).delete(`/api/qualitative/evidence/${id}`)).statusCode, user).toBe(403);
    }
    const upload403 = await upload(await as('lishu_education'), `${base(LISHU, 'HM1')}/evidence`, '冒名.pdf', samples.pdf());
    expect(upload403.statusCode).toBe(403);
    const missing = await owner.get('/api/qualitative/evidence/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('文件不存在或已删除');
    expect((await owner.get('/api/qualitative/evidence/abc')).statusCode).toBe(400);
  });

  it('soft-deletes evidence: gone from the list and from download, kept with who deleted it', async () => {
    const c = await as('lishu_health');
    const id = (await upload(c, `${base(LISHU, 'HM3')}/evidence`, '现场照片.jpg', samples.jpeg())).json().id as number;
    const del = await c.delete(`/api/qualitative/evidence/${id}`);
    expect(del.statusCode).toBe(200);
    expect(del.json()).toEqual({ ok: true });
    expect((await c.get(`/api/qualitative/evidence/${id}`)).statusCode).toBe(404);
    expect((await c.delete(`/api/qualitative/evidence/${id}`)).statusCode).toBe(404);
    const list = (await c.get(`/api/qualitative?year=${YEAR}&org=${LISHU}`)).json();
    expect((list.items as ItemReply[]).find((i) => i.code === 'HM3')?.evidence).toEqual([]);
    const row = await server.ctx.db
      .selectFrom('stored_file')
      .select(['deleted_by', 'deleted_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.deleted_by).toBe('lishu_health');
    expect(row.deleted_at).not.toBeNull();
  });

  it('refuses a file of a wrong type or with a disguised extension, and stores nothing', async () => {
    const c = await as('lishu_health');
    const before = await storedFiles();
    const exe = await upload(c, `${base(LISHU, 'HM5')}/evidence`, '工具.exe', samples.exe());
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error).toContain('文件“工具.exe”的类型(.exe)不允许上传');
    const disguised = await upload(c, `${base(LISHU, 'HM5')}/evidence`, '工作总结.pdf', samples.exe());
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().error).toContain('文件“工作总结.pdf”的内容不是PDF 文档,与扩展名 .pdf 不符');
    const zip = await upload(c, `${base(LISHU, 'HM5')}/evidence`, '材料.docx', samples.plainZip());
    expect(zip.statusCode).toBe(400);
    const empty = await upload(c, `${base(LISHU, 'HM5')}/evidence`, '空.txt', Buffer.alloc(0));
    expect(empty.json().error).toBe('文件“空.txt”是空文件');
    const notMultipart = await c.post(`${base(LISHU, 'HM5')}/evidence`, { file: 'x' });
    expect(notMultipart.statusCode).toBe(400);
    expect(notMultipart.json().error).toBe('请以 multipart/form-data 方式上传文件');
    expect(await storedFiles()).toBe(before);
  });

  it('lets the evaluation group rate a goal and keeps every rating, and refuses departments and the bureau', async () => {
    const office = await as('office');
    const first = await office.put(`${base(LISHU, 'H12')}/rating`, { rating: 'needs_acceleration', comment: '进度偏慢' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      rating: { rating: 'needs_acceleration', label: '需加快进度', comment: '进度偏慢' },
      mayRate: true,
    });
    const second = await office.put(`${base(LISHU, 'H12')}/rating`, { rating: 'on_track', comment: '已追上进度' });
    expect(second.json().rating.label).toBe('进展顺利');

    const history = (await office.get(`${base(LISHU, 'H12')}/history`)).json();
    expect(history.entries).toMatchObject([
      { kind: 'rating', rating: 'needs_acceleration', ratingLabel: '需加快进度', comment: '进度偏慢', changedBy: 'office' },
      { kind: 'rating', rating: 'on_track', ratingLabel: '进展顺利', comment: '已追上进度', changedBy: 'office' },
    ]);

    for (const user of ['lishu_health', 'city_monitor', 'viewer', 'admin'] as const) {
      const res = await (await as(user)).put(`${base(LISHU, 'H12')}/rating`, { rating: 'achieved', comment: '' });
      expect(res.statusCode, user).toBe(403);
      expect(res.json().error).toBe('只有评估组(妇儿工委办公室)可以评估定性目标');
    }
    const bad = await office.put(`${base(LISHU, 'H12')}/rating`, { rating: 'excellent', comment: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toContain('评估结论须为 achieved、on_track、needs_acceleration、off_track、not_assessed 之一');
    const rating = await server.ctx.db
      .selectFrom('qualitative_rating')
      .select(['rating', 'rated_by'])
      .where('item_code', '=', 'H12')
      .execute();
    expect(rating).toEqual([{ rating: 'on_track', rated_by: 'office' }]);
  });

  it('counts ratings per domain in the summary, with unrated and reported items', async () => {
    const office = await as('office');
    await office.put(`${base(TIEXI, 'S1')}/rating`, { rating: 'achieved', comment: '' });
    await office.put(`${base(TIEXI, 'S4')}/rating`, { rating: 'off_track', comment: '滞后于计划' });
    await (await as('tiexi_health')).put(`${base(TIEXI, 'H1')}/report`, { text: '铁西区进展' });
    const summary = await office.get(`/api/qualitative/summary?year=${YEAR}&org=${TIEXI}`);
    expect(summary.statusCode).toBe(200);
    const body = summary.json();
    expect(body.org).toEqual({ code: TIEXI, name: '铁西区' });
    const s = body.domains.find((d: { domain: string }) => d.domain === 'S');
    expect(s.counts).toMatchObject({ achieved: 1, off_track: 1, on_track: 0 });
    expect(s.counts.unrated).toBe(s.items - 2);
    expect(body.domains.find((d: { domain: string }) => d.domain === 'H').reported).toBe(1);
    expect(body.total).toMatchObject({ items: 114, reported: 1 });
    expect(body.total.counts.achieved + body.total.counts.off_track + body.total.counts.unrated).toBe(114);

    const health = (await (await as('tiexi_health')).get(`/api/qualitative/summary?year=${YEAR}&org=${TIEXI}`)).json();
    expect(health.domains.map((d: { domain: string }) => d.domain)).toEqual(['H']);
  });

  it('refuses a goal that has an indicator, and unknown goals, units and years, in Chinese', async () => {
    const c = await as('lishu_health');
    const monitored = await c.put(`${base(LISHU, 'H3')}/report`, { text: '死亡率下降' });
    expect(monitored.statusCode).toBe(400);
    expect(monitored.json().error).toMatch(/^“H3”由监测指标(.*新生儿死亡率.*)监测,不是定性目标;请通过指标数据填报$/);
    expect((await (await as('office')).put(`${base(LISHU, 'H3')}/rating`, { rating: 'achieved', comment: '' })).statusCode).toBe(400);

    const unknown = await c.put(`${base(LISHU, 'H99')}/report`, { text: 'x' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('规划中没有编号为“H99”的主要目标或策略措施');
    const org = await c.put(`${base('229999', 'H1')}/report`, { text: 'x' });
    expect(org.statusCode).toBe(404);
    expect(org.json().error).toBe('单位代码“229999”不存在');
    const township = await server.ctx.db
      .selectFrom('org_unit')
      .select(['code', 'name'])
      .where('level', '=', 'township')
      .where('parent_code', '=', LISHU)
      .executeTakeFirstOrThrow();
    const low = await c.put(`${base(township.code, 'H1')}/report`, { text: 'x' });
    expect(low.statusCode).toBe(400);
    expect(low.json().error).toBe(`“${township.name}”不是市或县(市、区)一级单位;定性目标由市和县(市、区)填报、评估`);
    const year = await c.put(`${base(LISHU, 'H1', 2019)}/report`, { text: 'x' });
    expect(year.statusCode).toBe(400);
    expect(year.json().error).toBe('年份须在规划期 2021–2030 年之内');
    const notYear = await c.get(`/api/qualitative?year=abc&org=${LISHU}`);
    expect(notYear.statusCode).toBe(400);
    expect(notYear.json().error).toContain('年份须为四位数字');
    expect((await c.get(`/api/qualitative/summary?year=2031&org=${LISHU}`)).statusCode).toBe(400);
  });

  it('refuses an empty report, one over 20,000 characters, and a missing text', async () => {
    const c = await as('lishu_health');
    const empty = await c.put(`${base(LISHU, 'HM8')}/report`, { text: '  \n ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toBe('进展情况不能为空');
    const long = await c.put(`${base(LISHU, 'HM8')}/report`, { text: '进'.repeat(20_001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error).toBe('进展情况不能超过 20000 字(现为 20001 字)');
    expect((await c.put(`${base(LISHU, 'HM8')}/report`, { text: '进'.repeat(20_000) })).statusCode).toBe(200);
    const missing = await c.put(`${base(LISHU, 'HM8')}/report`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toContain('请填写进展情况');
    const nul = await c.put(`${base(LISHU, 'HM8')}/report`, { text: 'a\u0000b' });
    expect(nul.statusCode).toBe(400);
  });

  it('lists the routes in the OpenAPI document', async () => {
    const doc = (await server.anonymous().get('/api/docs/json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/qualitative',
        '/api/qualitative/summary',
        '/api/qualitative/{year}/{org}/{item}/report',
        '/api/qualitative/{year}/{org}/{item}/rating',
        '/api/qualitative/{year}/{org}/{item}/history',
        '/api/qualitative/{year}/{org}/{item}/evidence',
        '/api/qualitative/evidence/{id}',
      ]),
    );
  });
});

describe.each(DIALECTS)('qualitative evidence size limit (%s)', (dialect) => {
  const server = useServer(dialect, { config: { maxUploadBytes: 4096 } });

  it('refuses a file over the upload limit, naming it, and stores nothing', async () => {
    const c = await server.login('lishu_health');
    const big = Buffer.concat([samples.pdf(), Buffer.alloc(5000, 0x20)]);
    const res = await upload(c, `${base(LISHU, 'H1')}/evidence`, '扫描件.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('文件“扫描件.pdf”超过上传大小上限(4 KB)');
    const rows = await server.ctx.db.selectFrom('stored_file').select('id').execute();
    expect(rows).toEqual([]);
    expect((await upload(c, `${base(LISHU, 'H1')}/evidence`, '扫描件.pdf', samples.pdf())).statusCode).toBe(201);
  });
});
