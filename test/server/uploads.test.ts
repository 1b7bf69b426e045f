import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { type Client, LISHU, TIEXI, useServer } from '../support/server.js';

const YEAR = 2025;
const SHEET = '填报表';

interface UploadFile {
  name: string;
  content: Buffer;
}

/** A multipart/form-data body as a browser sends it: optional fields, then the file. */
function multipart(file: UploadFile, fields: Record<string, string> = {}) {
  const boundary = `----childplan${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (c: Client, file: UploadFile, fields?: Record<string, string>): Promise<LightMyRequestResponse> =>
  c.request({ method: 'POST', url: '/api/uploads/preview', ...multipart(file, fields) });

async function loadBook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

function entrySheet(book: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = book.getWorksheet(SHEET);
  if (!sheet) throw new Error('no entry sheet');
  return sheet;
}

/** The row of the template holding a line: indicator, unit, sex and area as written in the sheet. */
function rowOf(sheet: ExcelJS.Worksheet, indicator: string, org = LISHU, sex = '合计', area = '合计'): number {
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (
      row.getCell(1).value === indicator &&
      row.getCell(3).value === org &&
      row.getCell(6).value === sex &&
      row.getCell(7).value === area
    ) {
      return r;
    }
  }
  throw new Error(`no row for ${indicator} ${org} ${sex} ${area}`);
}

async function xlsxOf(book: ExcelJS.Workbook, name = '填好的模板.xlsx'): Promise<UploadFile> {
  return { name, content: Buffer.from(await book.xlsx.writeBuffer()) };
}

/** A plain workbook with the import's headers and the given rows. */
async function plainWorkbook(rows: (string | number)[][], name = '数据.xlsx'): Promise<UploadFile> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  sheet.addRow(['指标代码', '单位代码', '年份', '性别', '城乡', '数值']);
  for (const row of rows) sheet.addRow(row);
  return xlsxOf(book, name);
}

describe.each(DIALECTS)('Excel and CSV upload (%s)', (dialect) => {
  const server = useServer(dialect, { demo: true });

  const storedCount = async (): Promise<number> =>
    Number(
      (
        await server.ctx.db
          .selectFrom('data_value')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const template = async (c: Client, query = `year=${YEAR}&orgs=${LISHU}`): Promise<ExcelJS.Workbook> => {
    const res = await c.get(`/api/templates?${query}`);
    expect(res.statusCode).toBe(200);
    return loadBook(res.rawPayload);
  };

  it('gives a department its template: a row per form line, codes locked, dropdowns, last year and stored values, instructions', async () => {
    const c = await server.login('lishu_health');
    const put = await c.put('/api/values', {
      year: YEAR,
      department: 'health',
      entries: [
        { indicator: 'newborn_visit_rate', orgUnit: LISHU, value: '96.5', source: '妇幼年报' },
        { indicator: 'neonatal_mortality', orgUnit: LISHU, value: '3.1' },
      ],
    });
    expect(put.statusCode).toBe(200);

    const res = await c.get(`/api/templates?year=${YEAR}&orgs=${LISHU}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = String(res.headers['content-disposition']);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('2025年_梨树县_卫生健康委员会_填报模板.xlsx');

    const book = await loadBook(res.rawPayload);
    expect(book.worksheets.map((s) => s.name)).toEqual(['填报表', '说明']);
    const sheet = entrySheet(book);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '指标代码',
      '指标名称',
      '单位代码',
      '单位名称',
      '年份',
      '性别',
      '城乡',
      '年龄组',
      '计量单位',
      '上年数值',
      '数值',
      '分子',
      '分母',
      '来源',
      '备注',
    ]);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const form = (await c.get(`/api/forms?org=${LISHU}&year=${YEAR}`)).json();
    let filled = 0;
    sheet.eachRow((row, n) => {
      if (n > 1 && row.getCell(2).value) filled++;
    });
    expect(filled).toBe(form.lines.length);

    const visit = rowOf(sheet, 'newborn_visit_rate');
    const line = form.lines.find((l: { key: string }) => l.key === `newborn_visit_rate|${LISHU}|total|total|total`);
    expect(sheet.getCell(`B${visit}`).value).toBe('新生儿访视率');
    expect(sheet.getCell(`D${visit}`).value).toBe('梨树县');
    expect(sheet.getCell(`E${visit}`).value).toBe(YEAR);
    expect(sheet.getCell(`J${visit}`).value).toBe(line.previous[2].value);
    expect(sheet.getCell(`K${visit}`).value).toBe(96.5);
    expect(sheet.getCell(`N${visit}`).value).toBe('妇幼年报');

    for (const ref of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'])
      expect(sheet.getCell(`${ref}${visit}`).protection?.locked, ref).not.toBe(false);
    for (const ref of ['K', 'L', 'M', 'N', 'O']) expect(sheet.getCell(`${ref}${visit}`).protection?.locked, ref).toBe(false);
    expect(sheet.getCell(`F${visit}`).dataValidation).toMatchObject({ type: 'list', formulae: ['"合计,男,女"'] });
    expect(sheet.getCell(`G${visit}`).dataValidation).toMatchObject({ type: 'list', formulae: ['"合计,城镇,农村"'] });
    expect(sheet.getCell(`K${visit}`).dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 100] });

    const guide = book.getWorksheet('说明');
    const text: string[] = [];
    guide?.eachRow((row) => text.push((row.values as unknown[]).join(' ')));
    expect(text.join('\n')).toContain('请勿修改指标代码');
    expect(text.join('\n')).toContain('梨树县(220322)');
  });

  it('makes one template for several units of the user’s subtree', async () => {
    const c = await server.login('city_health');
    const res = await c.get(`/api/templates?year=${YEAR}&orgs=${TIEXI},${LISHU}`);
    expect(res.statusCode).toBe(200);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(String(res.headers['content-disposition']))?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('2025年_铁西区、梨树县_卫生健康委员会_填报模板.xlsx');
    const sheet = entrySheet(await loadBook(res.rawPayload));
    expect(rowOf(sheet, 'newborn_visit_rate', TIEXI)).toBeGreaterThan(1);
    expect(rowOf(sheet, 'newborn_visit_rate', LISHU)).toBeGreaterThan(rowOf(sheet, 'newborn_visit_rate', TIEXI));
  });

  it('refuses a template of another department, another county or an unknown unit, in Chinese', async () => {
    const education = await server.login('lishu_education');
    const other = await education.get(`/api/templates?department=health&year=${YEAR}&orgs=${LISHU}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toBe('无权查看其他成员单位的填报表');
    const tiexi = await server.login('tiexi_health');
    const county = await tiexi.get(`/api/templates?year=${YEAR}&orgs=${LISHU}`);
    expect(county.statusCode).toBe(403);
    expect(county.json().error).toBe('无权查看该单位的数据');
    const unknown = await tiexi.get(`/api/templates?year=${YEAR}&orgs=999999`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('单位代码“999999”不存在');
    const viewer = await server.login('viewer');
    // A template carries the unit's stored values, drafts included: member departments only.
    const byViewer = await viewer.get(`/api/templates?year=${YEAR}&department=health&orgs=${LISHU}`);
    expect(byViewer.statusCode).toBe(403);
    expect(byViewer.json().error).toBe('只有成员单位用户可以填报数据');
    expect((await server.anonymous().get(`/api/templates?year=${YEAR}`)).statusCode).toBe(401);
  });

  it('names the cell of each error in a filled template and writes nothing', async () => {
    const c = await server.login('lishu_health');
    const book = await template(c);
    const sheet = entrySheet(book);
    const visit = rowOf(sheet, 'newborn_visit_rate');
    const under3 = rowOf(sheet, 'under3_management_rate');
    const neonatal = rowOf(sheet, 'neonatal_mortality');
    sheet.getCell(`K${visit}`).value = 'abc';
    sheet.getCell(`K${under3}`).value = 120;
    sheet.getCell(`K${neonatal}`).value = 2.9;
    const before = await storedCount();

    const res = await upload(c, await xlsxOf(book));
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.token).toBeNull();
    expect(preview.year).toBe(YEAR);
    expect(preview.counts.errors).toBe(2);
    expect(preview.errors).toEqual(
      [
        {
          sheet: SHEET,
          row: visit,
          column: 'K',
          cell: `K${visit}`,
          location: `「填报表」第 ${visit} 行 K 列`,
          message: '数值“abc”不是数字',
        },
        {
          sheet: SHEET,
          row: under3,
          column: 'K',
          cell: `K${under3}`,
          location: `「填报表」第 ${under3} 行 K 列`,
          message: '“3岁以下儿童系统管理率”是百分比,不能超过 100(当前为 120)',
        },
      ].sort((a, b) => a.row - b.row),
    );
    expect(await storedCount()).toBe(before);
  });

  it('previews a corrected template’s changes, confirms it once, keeps the history, and refuses the token again', async () => {
    const c = await server.login('lishu_health');
    const book = await template(c);
    const sheet = entrySheet(book);
    const visit = rowOf(sheet, 'newborn_visit_rate');
    const under3 = rowOf(sheet, 'under3_management_rate');
    sheet.getCell(`K${visit}`).value = 97.1;
    sheet.getCell(`K${under3}`).value = '95';
    const before = await storedCount();

    const res = await upload(c, await xlsxOf(book));
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.errors).toEqual([]);
    expect(preview.token).toEqual(expect.any(String));
    expect(preview.counts).toMatchObject({ inserted: 1, updated: 1, unchanged: 1, errors: 0 });
    expect(preview.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: visit,
          indicator: 'newborn_visit_rate',
          orgUnitName: '梨树县',
          old: 96.5,
          new: 97.1,
          kind: 'update',
          label: '合计',
        }),
        expect.objectContaining({ row: under3, indicator: 'under3_management_rate', old: null, new: 95, kind: 'insert' }),
        expect.objectContaining({ indicator: 'neonatal_mortality', old: 3.1, new: 3.1, kind: 'unchanged' }),
      ]),
    );
    expect(await storedCount()).toBe(before);

    const confirm = await c.post(`/api/uploads/${preview.token}/confirm`, { reason: '按妇幼年报更正' });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json()).toEqual({ inserted: 1, updated: 1, unchanged: 1 });
    expect(await storedCount()).toBe(before + 1);
    const history = (await c.get(`/api/values/history?indicator=newborn_visit_rate&org=${LISHU}&year=${YEAR}`)).json();
    expect(history.current).toMatchObject({ value: 97.1, updatedBy: 'lishu_health' });
    expect(history.versions[0]).toMatchObject({ value: 96.5, replacedBy: 'lishu_health', reason: '按妇幼年报更正' });

    const again = await c.post(`/api/uploads/${preview.token}/confirm`, { reason: '' });
    expect(again.statusCode).toBe(404);
    expect(again.json().error).toBe('预览不存在或已过期(预览保留 30 分钟,且只能确认一次),请重新上传文件');
  });

  it('keeps a preview for the user who made it only, and for 30 minutes', async () => {
    const c = await server.login('lishu_health');
    const file = await plainWorkbook([['newborn_visit_rate', LISHU, YEAR, '男', '合计', 96]]);
    const token = (await upload(c, file)).json().token as string;
    const other = await server.login('city_health');
    expect((await other.post(`/api/uploads/${token}/confirm`, { reason: '' })).statusCode).toBe(404);
    expect((await c.post(`/api/uploads/${token}/confirm`, { reason: '' })).json()).toEqual({ inserted: 1, updated: 0, unchanged: 0 });

    const late = (await upload(c, await plainWorkbook([['newborn_visit_rate', LISHU, YEAR, '女', '合计', 95]]))).json().token as string;
    server.advanceClock(31 * 60_000);
    const again = await server.login('lishu_health');
    expect((await again.post(`/api/uploads/${late}/confirm`, { reason: '' })).statusCode).toBe(404);
  });

  it('marks a row of another county and a row of another department’s indicator as errors of those rows', async () => {
    const c = await server.login('lishu_health');
    const before = await storedCount();
    const res = await upload(
      c,
      await plainWorkbook([
        ['newborn_visit_rate', LISHU, YEAR, '合计', '农村', 95],
        ['newborn_visit_rate', TIEXI, YEAR, '合计', '合计', 95],
        ['preschool_gross_enrollment', LISHU, YEAR, '合计', '合计', 90],
        ['newborn_visit_rate', LISHU, 2024, '合计', '城镇', 95],
      ]),
    );
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.token).toBeNull();
    expect(preview.errors).toEqual([
      expect.objectContaining({
        sheet: 'Sheet1',
        row: 3,
        cell: 'B3',
        location: '「Sheet1」第 3 行 B 列',
        message: '无权填报“新生儿访视率”在“铁西区”的数据',
      }),
      expect.objectContaining({ row: 4, cell: 'A4', message: expect.stringMatching(/^无权填报“.+”在“梨树县”的数据$/) }),
      expect.objectContaining({ row: 5, cell: 'C5', message: '本文件是 2025 年的数据,这一行却是 2024 年:一次只能上传一个年度的数据' }),
    ]);
    expect(preview.changes).toEqual([expect.objectContaining({ row: 2, kind: 'insert', label: '农村' })]);
    expect(await storedCount()).toBe(before);
  });

  it('refuses rows of a submitted year at confirmation when submitted meanwhile, and of an approved year in the preview', async () => {
    const c = await server.login('lishu_health');
    const typed = { year: 2026, department: 'health', entries: [{ indicator: 'neonatal_mortality', orgUnit: LISHU, value: '3' }] };
    expect((await c.put('/api/values', typed)).statusCode).toBe(200);
    const file = await plainWorkbook([['newborn_visit_rate', LISHU, 2026, '合计', '合计', 93]]);
    const preview = (await upload(c, file)).json();
    expect(preview.errors).toEqual([]);
    expect((await c.post(`/api/submissions/health/${LISHU}/2026/submit`, { reason: '' })).statusCode).toBe(200);
    const confirm = await c.post(`/api/uploads/${preview.token}/confirm`, { reason: '' });
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json().error).toBe('梨树县 2026 年的数据已提交,已锁定,不能修改(须先退回)');
    const submitted = (await upload(c, file)).json();
    expect(submitted.token).toBeNull();
    expect(submitted.errors).toEqual([
      expect.objectContaining({ row: 2, cell: 'B2', message: '梨树县 2026 年的数据已提交,已锁定,不能修改(须先退回)' }),
    ]);

    // The demonstration data of 2023 went through review and approval.
    const approved = (await upload(c, await plainWorkbook([['newborn_visit_rate', LISHU, 2023, '合计', '合计', 93]]))).json();
    expect(approved.errors).toEqual([
      expect.objectContaining({ row: 2, cell: 'B2', message: '梨树县 2023 年的数据已批准,已锁定,不能修改(须由批准人重新打开)' }),
    ]);
  });

  it('imports the long CSV format saved by Excel in GBK with Chinese headers', async () => {
    const c = await server.login('lishu_health');
    const text =
      '指标代码,单位代码,年份,性别,城乡,数值,来源\r\nneonatal_mortality,220322,2025,男,合计,3.4,妇幼年报\r\n\r\nneonatal_mortality,220322,2025,女,合计,—,\r\n';
    const res = await upload(c, { name: '梨树县新生儿死亡率.csv', content: iconv.encode(text, 'gbk') });
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({
      sheet: null,
      fileName: '梨树县新生儿死亡率.csv',
      counts: { rows: 2, inserted: 1, skipped: 1, errors: 0 },
    });
    expect(preview.changes).toEqual([expect.objectContaining({ row: 2, sex: 'male', label: '男', new: 3.4 })]);
    expect((await c.post(`/api/uploads/${preview.token}/confirm`, { reason: '' })).json()).toEqual({
      inserted: 1,
      updated: 0,
      unchanged: 0,
    });
    const stored = await server.ctx.db
      .selectFrom('data_value')
      .select(['value', 'source'])
      .where('indicator_code', '=', 'neonatal_mortality')
      .where('org_unit_code', '=', LISHU)
      .where('year', '=', YEAR)
      .where('sex', '=', 'male')
      .executeTakeFirst();
    expect(stored).toEqual({ value: 3.4, source: '妇幼年报' });

    const badCell = await upload(c, {
      name: '错误.csv',
      content: iconv.encode('指标代码,单位代码,年份,数值\r\nneonatal_mortality,220322,2025,三点四\r\n', 'gbk'),
    });
    expect(badCell.json().errors).toEqual([
      { sheet: null, row: 2, column: 'D', cell: 'D2', location: '第 2 行 D 列', message: '数值“三点四”不是数字' },
    ]);
  });

  it('refuses a renamed .txt, a text file named .xlsx, a damaged workbook and a sheet without the header, in Chinese', async () => {
    const c = await server.login('lishu_health');
    const before = await storedCount();
    const txt = await upload(c, { name: '数据.txt', content: Buffer.from('指标代码,单位代码,年份,数值\r\n') });
    expect(txt.statusCode).toBe(400);
    expect(txt.json().error).toBe('文件“数据.txt”的类型(.txt)不能导入:只接受 Excel 工作簿(.xlsx)或 CSV 文件(.csv)');
    const renamed = await upload(c, { name: '数据.xlsx', content: Buffer.from('指标代码,单位代码,年份,数值\r\n') });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().error).toContain('文件“数据.xlsx”的内容不是Excel 表格');
    const good = (await plainWorkbook([['newborn_visit_rate', LISHU, YEAR, '合计', '合计', 90]])).content;
    const damaged = Buffer.from(good);
    damaged.fill(0x20, 60, 400);
    const corrupt = await upload(c, { name: '损坏.xlsx', content: damaged });
    expect(corrupt.statusCode).toBe(400);
    expect(corrupt.json().error).toBe(
      '文件“损坏.xlsx”无法作为 Excel 工作簿读取,文件可能已损坏或不是 .xlsx 格式;请用 Excel 或 WPS 打开后重新“另存为” .xlsx 再上传',
    );
    const book = new ExcelJS.Workbook();
    book.addWorksheet('汇总').addRow(['地区', '人数']);
    const noHeader = await upload(c, await xlsxOf(book, '汇总.xlsx'));
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error).toContain('文件“汇总.xlsx”的工作表(「汇总」)中没有找到可识别的表头');
    const empty = await upload(c, await plainWorkbook([['newborn_visit_rate', LISHU, YEAR, '合计', '合计', '']]));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toBe('文件“数据.xlsx”中没有填写任何数值(数值、分子、分母列均为空),未导入任何数据');
    expect(await storedCount()).toBe(before);
  });

  it('documents the three routes in the OpenAPI document', async () => {
    const doc = (await server.anonymous().get('/api/docs/json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/templates', '/api/uploads/preview', '/api/uploads/{token}/confirm']),
    );
    expect(doc.paths['/api/uploads/preview'].post.tags).toEqual(['Excel 导入']);
  });

  it('takes uploads only from member departments, for their own department, as multipart with a file', async () => {
    const file = await plainWorkbook([['newborn_visit_rate', LISHU, YEAR, '合计', '合计', 90]]);
    const viewer = await upload(await server.login('viewer'), file);
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json().error).toBe('只有成员单位用户可以填报数据');
    const monitor = await upload(await server.login('lishu_monitor'), file);
    expect(monitor.statusCode).toBe(403);
    const c = await server.login('lishu_health');
    const posing = await upload(c, file, { department: 'education' });
    expect(posing.statusCode).toBe(403);
    expect(posing.json().error).toBe('只能上传本单位的填报数据');
    expect((await upload(c, file, { department: 'health' })).statusCode).toBe(200);
    const json = await c.post('/api/uploads/preview', { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error).toBe('请以 multipart/form-data 方式上传文件(字段名 file)');
    expect((await server.anonymous().request({ method: 'POST', url: '/api/uploads/preview', ...multipart(file) })).statusCode).toBe(401);
  });
});
