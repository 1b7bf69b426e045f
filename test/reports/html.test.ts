import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/reports/html/escapeHtml.js';
import { writeHtml } from '../../src/reports/html/writeHtml.js';
import type { Report } from '../../src/reports/model.js';
import { hostileReport, sampleReport } from '../../src/reports/report.fixtures.js';

const approved: Report = { ...sampleReport, meta: { ...sampleReport.meta, draft: false, draftReason: null, synthetic: false } };

describe('printable HTML of a report', () => {
  const html = writeHtml(sampleReport);

  it('is one Chinese page for A4 print with nothing loaded from elsewhere', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/font-family: var\(--fang\)/);
    expect(html).not.toMatch(/<script|<link|<img|\ssrc=|@import|url\((?!#)/i);
  });

  it('gives the SVG elements of different charts different ids, as they share one page', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the cover, the chapters as headings and the findings with a bold opening judgement', () => {
    expect(html).toContain('<p class="date">2025年3月18日</p>');
    expect(html).toContain('本报告含未经批准的数据（3个成员单位的2024年数据尚未批准）。');
    expect(html).toMatch(/<p class="synthetic">【合成数据】本报告所用数据为系统生成的合成演示数据/);
    for (const heading of ['一、儿童与健康', '二、儿童与教育', '三、预警指标']) expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain('<h3>（一）红色预警</h3>');
    expect(html).toContain('<p class="text"><strong>（一）儿童健康水平持续提高。</strong>2024年，四平市婴儿死亡率为4.0‰');
  });

  it('writes tables with a repeating header, figures right-aligned and warning rows coloured', () => {
    expect(html.match(/<table><thead>/g)).toHaveLength(3);
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('<tr class="warning-red"><td>5岁以下儿童死亡率</td><td>‰</td><td>≤6.0</td><td class="num">7.1</td>');
    expect(html).toContain('<tr class="warning-yellow"><td>儿童超重率</td>');
    expect(html).toContain('<tr><td>适龄儿童免疫规划疫苗接种率</td>');
    expect(html).toContain('<p class="caption">表2　儿童与健康领域主要指标监测情况</p>');
  });

  it('inlines each chart as SVG under its numbered caption', () => {
    expect(html.match(/<svg role="img" aria-label="图\d\u3000[^"]+"/g)).toEqual([
      '<svg role="img" aria-label="图1　2020—2024年四平市婴儿死亡率"',
      '<svg role="img" aria-label="图2　2024年各县（市、区）适龄儿童免疫规划疫苗接种率"',
    ]);
    expect(html).toContain('资料来源：四平市卫生健康委员会');
  });

  it('marks a draft on the screen and in the margin of every printed page', () => {
    expect(html).toContain('<div class="draft-mark" aria-hidden="true">草稿</div>');
    expect(html).toContain('<div class="draft-watermark" aria-hidden="true">草稿</div>');
    expect(html).toContain('@page { @top-right { content: "草稿";');
    expect(html).toContain('<title>【草稿】');
  });

  it('has no draft mark nor synthetic notice when the report is approved and real', () => {
    const page = writeHtml(approved);
    expect(page).not.toContain('草稿');
    expect(page).not.toContain('合成数据】');
  });
});

describe('printable HTML of text with markup in it', () => {
  it('escapes every text, in the page and in the charts', () => {
    const page = writeHtml(hostileReport());
    expect(page).not.toMatch(/<script|<b>/);
    expect(page).toContain('<h2>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&lt;b&gt;</h2>');
    expect(page).toContain('<title>【草稿】&lt;script&gt;');
    // An unknown warning is data: no class is made of it.
    expect(page).not.toContain('warning-&lt;');
  });

  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
