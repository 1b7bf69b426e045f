import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { CITY, LISHU, useServer } from '../support/server.js';
import { openWorkbook, rowTexts } from '../reports/workbook.js';
import { zipEntries } from '../support/zipEntries.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ANNUAL = '四平市儿童发展规划(2021-2030年)2024年统计监测报告';

/** The file name the browser saves under (the RFC 5987 form). */
function fileName(disposition: string | string[] | undefined): string {
  const match = /filename\*=UTF-8''([^;]+)/.exec(String(disposition));
  return match?.[1] ? decodeURIComponent(match[1]) : '';
}

/** Every row of every sheet, for looking for an indicator's name. */
async function workbookText(body: Buffer): Promise<string> {
  const book = await openWorkbook(body);
  return book.worksheets.flatMap((s) => rowTexts(s)).join('\n');
}

describe.each(DIALECTS)('report downloads (%s)', (dialect) => {
  const server = useServer(dialect, { demo: true });

  it("sends the city's statistical tables as an Excel file under its Chinese name, from approved data by default", async () => {
    const monitor = await server.login('city_monitor');
    const res = await monitor.get('/api/reports/tables?year=2024');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(fileName(res.headers['content-disposition'])).toBe('四平市儿童发展统计资料(2020—2024年).xlsx');
    expect(res.headers['x-report-draft']).toBe('false');
    expect(await workbookText(res.rawPayload)).toContain('新生儿死亡率');
  });

  it('marks a report of unapproved data as a draft, in the file name and the header', async () => {
    const monitor = await server.login('city_monitor');
    const res = await monitor.get(`/api/reports/tables?year=2024&org=${CITY}&data=all`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['x-report-draft']).toBe('true');
    expect(fileName(res.headers['content-disposition'])).toBe('四平市儿童发展统计资料(2020—2024年)(草稿).xlsx');
    expect(await workbookText(res.rawPayload)).not.toContain('仅包含');
    expect(await workbookText(res.rawPayload)).toContain('草稿:');
  });

  it('sends the annual report as Word by default, and as HTML and Excel, each under its Chinese name, with unapproved data to the bureau only', async () => {
    const office = await server.login('office');
    const word = await office.get('/api/reports/annual?year=2024');
    expect(word.statusCode, word.body).toBe(200);
    expect(word.headers['content-type']).toBe(DOCX);
    expect(fileName(word.headers['content-disposition'])).toBe(`${ANNUAL}.docx`);
    expect(zipEntries(word.rawPayload).get('word/document.xml')?.toString('utf8')).toContain('一、儿童与健康');
    // The office reads approved figures only, as on the monitoring pages; the bureau's draft carries the rest.
    const refused = await office.get('/api/reports/annual?year=2024&format=html&data=all');
    expect(refused.statusCode).toBe(403);
    const html = await (await server.login('city_monitor')).get('/api/reports/annual?year=2024&format=html&data=all');
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(fileName(html.headers['content-disposition'])).toBe(`${ANNUAL}(草稿).html`);
    expect(html.headers['x-report-draft']).toBe('true');
    expect(html.body).toContain('草稿');
    const excel = await office.get('/api/reports/annual?year=2024&format=xlsx');
    expect(excel.headers['content-type']).toBe(XLSX);
    expect(fileName(excel.headers['content-disposition'])).toBe(`${ANNUAL}.xlsx`);
    expect(await workbookText(excel.rawPayload)).toContain('一、儿童与健康');
  });

  it('sends the mid-term and final evaluations and the county comparison, and refuses a comparison of a county', async () => {
    const office = await server.login('office');
    const midterm = await office.get('/api/reports/midterm?year=2025&format=html');
    expect(midterm.statusCode, midterm.body).toBe(200);
    expect(fileName(midterm.headers['content-disposition'])).toMatch(/^四平市.*中期评估报告.*\.html$/);
    const final = await office.get('/api/reports/final?year=2030&format=xlsx');
    expect(final.statusCode, final.body).toBe(200);
    expect(final.headers['content-type']).toBe(XLSX);
    const counties = await office.get('/api/reports/counties?year=2024&format=html');
    expect(counties.statusCode, counties.body).toBe(200);
    expect(counties.body).toContain('伊通满族自治县');
    const lishu = await (await server.login('lishu_monitor')).get(`/api/reports/counties?year=2024&org=${LISHU}`);
    expect(lishu.statusCode).toBe(400);
    expect(lishu.json().error).toContain('梨树县没有下辖的县(市、区)');
  });

  it("builds a department's annual report only from its own indicators", async () => {
    const health = await server.login('lishu_health');
    const res = await health.get('/api/reports/annual?year=2024&format=html&data=all');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('新生儿死亡率');
    expect(res.body).toMatch(/本报告仅包含卫生健康委员会牵头或配合的\d+项监测指标,不反映规划全部指标的情况。/);
    expect(res.body).not.toContain('学前教育毛入园率');
    expect(res.body).not.toContain('未成年人犯罪人数占未成年人人口比重');
  });

  it('asks for a session', async () => {
    const res = await server.anonymous().get('/api/reports/tables?year=2024');
    expect(res.statusCode).toBe(401);
  });

  it("refuses a unit outside the user's subtree", async () => {
    const lishu = await server.login('lishu_monitor');
    const res = await lishu.get(`/api/reports/tables?year=2024&org=${CITY}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('无权查看该单位的数据');
    const own = await lishu.get(`/api/reports/tables?year=2024&org=${LISHU}`);
    expect(own.statusCode).toBe(200);
  });

  it('gives a viewer approved data only', async () => {
    const viewer = await server.login('viewer');
    const all = await viewer.get('/api/reports/tables?year=2024&data=all');
    expect(all.statusCode).toBe(403);
    expect(all.json().error).toBe('只读用户只能生成基于已批准数据的报告');
    const approved = await viewer.get('/api/reports/tables?year=2024&data=approved');
    expect(approved.statusCode).toBe(200);
    expect(approved.headers['x-report-draft']).toBe('false');
  });

  it("builds a department's report only from the indicators its department leads or cooperates on", async () => {
    const health = await server.login('lishu_health');
    const res = await health.get(`/api/reports/tables?year=2024&data=all`);
    expect(res.statusCode, res.body).toBe(200);
    const text = await workbookText(res.rawPayload);
    expect(text).toContain('梨树县儿童发展统计资料');
    expect(text).toMatch(/本资料仅包含卫生健康委员会牵头或配合的\d+项监测指标/);
    expect(text).toContain('新生儿死亡率');
    expect(text).toContain('每千人口拥有3岁以下婴幼儿托位数');
    expect(text).not.toContain('学前教育毛入园率');
    expect(text).not.toContain('未成年人犯罪人数占未成年人人口比重');
    const education = await server.login('lishu_education');
    const theirs = await workbookText((await education.get('/api/reports/tables?year=2024')).rawPayload);
    expect(theirs).toContain('学前教育毛入园率');
    expect(theirs).not.toContain('新生儿死亡率');
  });

  it("refuses a department's report on a unit above its own", async () => {
    const health = await server.login('lishu_health');
    const res = await health.get(`/api/reports/tables?year=2024&org=${CITY}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('无权查看该单位的数据');
  });

  it('refuses an unknown unit, a year outside the plan, a format the report is not written in and an unknown kind', async () => {
    const monitor = await server.login('city_monitor');
    const unknown = await monitor.get('/api/reports/tables?year=2024&org=229999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('单位代码“229999”不存在');
    const year = await monitor.get('/api/reports/tables?year=2019');
    expect(year.statusCode).toBe(400);
    expect(year.json().error).toBe('年份须在 2020–2030 之间');
    const format = await monitor.get('/api/reports/tables?year=2024&format=docx');
    expect(format.statusCode).toBe(400);
    expect(format.json().error).toBe('统计资料只能生成 xlsx 格式');
    const kind = await monitor.get('/api/reports/weekly?year=2024');
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error).toContain('请求参数不正确');
    const pdf = await monitor.get('/api/reports/annual?year=2024&format=pdf');
    expect(pdf.statusCode).toBe(400);
  });

  it('limits each user, not each address, to 20 reports a minute', async () => {
    const admin = await server.login('admin');
    // Refused requests cost little but count: a year outside the plan.
    for (let i = 0; i < 20; i++) expect((await admin.get('/api/reports/tables?year=2019')).statusCode).toBe(400);
    const limited = await admin.get('/api/reports/tables?year=2019');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toBe('请求过于频繁,请稍后再试');
    const other = await server.login('viewer');
    expect((await other.get('/api/reports/tables?year=2019')).statusCode).toBe(400);
  });
});
