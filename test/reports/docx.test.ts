import { beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/reports/docx/writeDocx.js';
import type { Report } from '../../src/reports/model.js';
import { hostileReport, sampleReport } from '../../src/reports/report.fixtures.js';
import { zipEntries } from '../support/zipEntries.js';

function text(entries: Map<string, Buffer>, name: string): string {
  const entry = entries.get(name);
  if (!entry) throw new Error(`${name} is missing from the .docx`);
  return entry.toString('utf8');
}

/** All the paragraph text of an XML part, runs joined, paragraphs on lines. */
function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

function parts(entries: Map<string, Buffer>, prefix: string): string[] {
  return [...entries.keys()].filter((name) => name.startsWith(prefix)).map((name) => text(entries, name));
}

describe('Word document of a draft report of synthetic data', () => {
  let entries: Map<string, Buffer>;
  let document: string;
  let paragraphs: string[];

  beforeAll(async () => {
    entries = zipEntries(await writeDocx(sampleReport));
    document = text(entries, 'word/document.xml');
    paragraphs = paragraphsOf(document);
  });

  it('is an A4 document in two sections: the cover, then the body numbered from page 1', () => {
    expect(document.match(/<w:pgSz w:w="11906" w:h="16838"/g)).toHaveLength(2);
    expect(document).toMatch(/<w:pgNumType w:start="1"/);
    const footers = parts(entries, 'word/footer');
    expect(footers.some((footer) => footer.includes('PAGE'))).toBe(true);
  });

  it('has a cover with title, author, date, the draft reason and the synthetic-data notice', () => {
    const cover = paragraphs.slice(0, paragraphs.indexOf(sampleReport.meta.title, 2) + 1);
    expect(cover).toContain(sampleReport.meta.title);
    expect(cover).toContain('四平市统计局');
    expect(cover).toContain('2025年3月18日');
    expect(cover).toContain('本报告含未经批准的数据（3个成员单位的2024年数据尚未批准）。');
    expect(cover.some((p) => p.startsWith('【合成数据】') && p.includes('合成演示数据'))).toBe(true);
  });

  it('puts 草稿 in the header of every section, so on every page', () => {
    const headerIds = [...document.matchAll(/<w:headerReference w:type="default" r:id="(rId\d+)"/g)].map((m) => m[1]);
    expect(headerIds).toHaveLength(2);
    const headers = parts(entries, 'word/header');
    expect(headers).toHaveLength(2);
    for (const header of headers) expect(paragraphsOf(header).join('')).toContain('草稿');
  });

  it('has the chapter headings as Word headings and the findings with a bold opening judgement', () => {
    for (const heading of ['一、儿童与健康', '二、儿童与教育', '三、预警指标', '附录　数据来源与方法']) {
      expect(document).toMatch(new RegExp(`<w:pStyle w:val="Heading1"/>[\\s\\S]*?<w:t[^>]*>${heading}</w:t>`));
    }
    expect(document).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?<w:t[^>]*>（一）红色预警<\/w:t>/);
    expect(document).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t[^>]*>（一）儿童健康水平持续提高。<\/w:t><\/w:r>/);
    expect(paragraphs).toContain('（一）儿童健康水平持续提高。2024年，四平市婴儿死亡率为4.0‰，比上年下降0.3个千分点，已提前实现规划目标。');
  });

  it('writes the tables with captions, a header row repeated on every page and every cell', () => {
    expect(document.match(/<w:tbl>/g)).toHaveLength(3);
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(3);
    for (const caption of ['表1　重点统计指标监测情况汇总', '表2　儿童与健康领域主要指标监测情况', '表3　儿童与教育领域主要指标监测情况'])
      expect(paragraphs).toContain(caption);
    for (const cell of [
      '5岁以下儿童死亡率',
      '≤6.0',
      '7.1',
      '出现退步',
      '九年义务教育巩固率',
      '95.3',
      '注：状态按2024年数值与规划目标比较判定；“比上年”单位为百分点或千分点。',
    ])
      expect(paragraphs).toContain(cell);
  });

  it('right-aligns the figures and shades the rows under a red or yellow warning', () => {
    expect(document).toMatch(/<w:jc w:val="right"\/>[\s\S]{0,400}?<w:t[^>]*>-0\.3<\/w:t>/);
    const rows = [...document.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    const shading = (name: string) => rows.find((r) => r.includes(`>${name}<`))?.match(/w:fill="([0-9A-F]{6})"/)?.[1];
    expect(shading('5岁以下儿童死亡率')).toBe('FFC7CE');
    expect(shading('儿童超重率')).toBe('FFEB9C');
    expect(shading('婴儿死亡率')).toBeUndefined();
  });

  it('embeds each chart as a PNG image under its numbered caption', () => {
    const media = [...entries.keys()].filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    for (const name of media) expect(entries.get(name)?.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(document.match(/<a:blip r:embed=/g)).toHaveLength(2);
    expect(paragraphs).toContain('图1　2020—2024年四平市婴儿死亡率');
    expect(paragraphs).toContain('图2　2024年各县（市、区）适龄儿童免疫规划疫苗接种率');
  });

  it('sets the official fonts and sizes: 仿宋 三号 body, 黑体 and 楷体 headings, 宋体 二号 title', () => {
    const styles = text(entries, 'word/styles.xml');
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="仿宋"[\s\S]*<w:sz w:val="32"\/>[\s\S]*<\/w:docDefaults>/);
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?w:eastAsia="黑体"/);
    expect(styles).toMatch(/w:styleId="Heading2"[\s\S]*?w:eastAsia="楷体"/);
    expect(styles).toMatch(/w:styleId="Title"[\s\S]*?w:eastAsia="宋体"[\s\S]*?<w:sz w:val="44"\/>/);
  });
});

describe('Word document of an approved report', () => {
  it('has no 草稿 anywhere and no draft reason on the cover', async () => {
    const approved: Report = { ...sampleReport, meta: { ...sampleReport.meta, draft: false, draftReason: null, synthetic: false } };
    const entries = zipEntries(await writeDocx(approved));
    expect(parts(entries, 'word/header')).toHaveLength(0);
    const all = [...entries.values()].map((entry) => entry.toString('utf8')).join('');
    expect(all).not.toContain('草稿');
    expect(all).not.toContain('合成数据');
  });
});

describe('Word document of text with markup in it', () => {
  it('keeps the markup as text', async () => {
    const document = text(zipEntries(await writeDocx(hostileReport())), 'word/document.xml');
    expect(document).not.toContain('<script');
    expect(document).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&lt;b&gt;');
  });
});
