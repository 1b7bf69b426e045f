import type { Chart, Report, Section, Table } from './model.js';

/**
 * A small but complete annual report made by hand, for the writers' tests: two domains with findings, a table with
 * warnings, a line chart with a projection and a target, a bar chart, the warning list and the annex; draft and
 * synthetic. Its figures are invented.
 */

const SOURCE = '资料来源：四平市统计局根据成员单位报送数据整理（合成演示数据）';

export const infantMortalityChart: Chart = {
  title: '2020—2024年四平市婴儿死亡率',
  unit: '‰',
  kind: 'line',
  categories: ['2020', '2021', '2022', '2023', '2024', '2025'],
  series: [
    { name: '婴儿死亡率', values: [5.4, 5.0, 4.6, 4.3, 4.0, null] },
    { name: '按近年趋势推算', values: [null, null, null, null, 4.0, 3.8], dashed: true },
  ],
  target: { value: 4.5, label: '规划目标（≤4.5‰）' },
  source: '四平市卫生健康委员会',
};

export const vaccinationChart: Chart = {
  title: '2024年各县（市、区）适龄儿童免疫规划疫苗接种率',
  unit: '%',
  kind: 'bar',
  categories: ['铁西区', '铁东区', '梨树县', '伊通满族自治县', '双辽市'],
  series: [{ name: '2024年', values: [99.1, 98.7, 97.2, 94.6, 98.0] }],
  target: { value: 95, label: '规划目标（≥95%）' },
  source: SOURCE,
};

const INDICATOR_COLUMNS: Table['columns'] = [
  { key: 'name', title: '指标' },
  { key: 'unit', title: '单位' },
  { key: 'target', title: '2030年目标' },
  { key: 'baseline', title: '2020年', numeric: true },
  { key: 'previous', title: '2023年', numeric: true },
  { key: 'value', title: '2024年', numeric: true },
  { key: 'change', title: '比上年', numeric: true },
  { key: 'status', title: '状态' },
];

const healthTable: Table = {
  title: '儿童与健康领域主要指标监测情况',
  columns: INDICATOR_COLUMNS,
  rows: [
    {
      cells: {
        name: '婴儿死亡率',
        unit: '‰',
        target: '≤4.5',
        baseline: '5.4',
        previous: '4.3',
        value: '4.0',
        change: '-0.3',
        status: '已提前实现规划目标',
      },
      warning: 'green',
    },
    {
      cells: {
        name: '5岁以下儿童死亡率',
        unit: '‰',
        target: '≤6.0',
        baseline: '7.1',
        previous: '6.1',
        value: '6.4',
        change: '0.3',
        status: '出现退步',
      },
      warning: 'red',
    },
    {
      cells: {
        name: '儿童超重率',
        unit: '%',
        target: '增长得到有效控制',
        baseline: '9.8',
        previous: '10.6',
        value: '10.9',
        change: '0.3',
        status: '需加快进度',
      },
      warning: 'yellow',
    },
    {
      cells: {
        name: '适龄儿童免疫规划疫苗接种率',
        unit: '%',
        target: '≥95',
        baseline: '96.2',
        previous: '97.0',
        value: '97.6',
        change: '0.6',
        status: '进展顺利',
      },
    },
  ],
  note: '注：状态按2024年数值与规划目标比较判定；“比上年”单位为百分点或千分点。',
};

const educationTable: Table = {
  title: '儿童与教育领域主要指标监测情况',
  columns: INDICATOR_COLUMNS,
  rows: [
    {
      cells: {
        name: '学前教育毛入园率',
        unit: '%',
        target: '≥92',
        baseline: '88.5',
        previous: '91.2',
        value: '92.3',
        change: '1.1',
        status: '已提前实现规划目标',
      },
      warning: 'green',
    },
    {
      cells: {
        name: '九年义务教育巩固率',
        unit: '%',
        target: '≥96',
        baseline: '95.1',
        previous: '95.3',
        value: '95.3',
        change: '0.0',
        status: '距目标尚有差距',
      },
      warning: 'yellow',
    },
  ],
};

const health: Section = {
  heading: '一、儿童与健康',
  paragraphs: [
    {
      bold: '（一）儿童健康水平持续提高。',
      text: '2024年，四平市婴儿死亡率为4.0‰，比上年下降0.3个千分点，已提前实现规划目标。',
    },
    {
      bold: '（二）5岁以下儿童死亡率出现反弹。',
      text: '2024年，5岁以下儿童死亡率为6.4‰，比上年上升0.3个千分点，出现反弹，需引起重视。',
    },
    { text: '适龄儿童免疫规划疫苗接种率为97.6%，比上年提高0.6个百分点，进展顺利。' },
  ],
  tables: [healthTable],
  charts: [infantMortalityChart, vaccinationChart],
  subsections: [],
};

const education: Section = {
  heading: '二、儿童与教育',
  paragraphs: [
    {
      bold: '（一）学前教育普及水平进一步提升。',
      text: '2024年，学前教育毛入园率为92.3%，比上年提高1.1个百分点，已提前实现规划目标。',
    },
    {
      bold: '（二）义务教育巩固水平保持稳定。',
      text: '2024年，九年义务教育巩固率为95.3%，与上年持平，距规划目标尚有差距。',
    },
  ],
  tables: [educationTable],
  charts: [],
  subsections: [],
};

const warnings: Section = {
  heading: '三、预警指标',
  paragraphs: [{ text: '2024年，红色预警指标1项，黄色预警指标2项，需相关成员单位重点关注。' }],
  tables: [],
  charts: [],
  subsections: [
    {
      heading: '（一）红色预警',
      paragraphs: [{ text: '5岁以下儿童死亡率（6.4‰）高于规划目标（≤6.0‰），且比上年上升。' }],
      tables: [],
      charts: [],
      subsections: [],
    },
    {
      heading: '（二）黄色预警',
      paragraphs: [{ text: '儿童超重率、九年义务教育巩固率按近年趋势推算，2030年难以实现规划目标。' }],
      tables: [],
      charts: [],
      subsections: [],
    },
  ],
};

const annex: Section = {
  heading: '附录　数据来源与方法',
  paragraphs: [
    { text: '本报告数据来源于四平市妇女儿童工作委员会各成员单位报送的年度统计数据，经市统计局审核汇总。' },
    { text: '指标状态依据《四平市儿童发展规划（2021—2030年）》确定的目标值，按年度实际值、年均变化速度和目标年要求判定。' },
  ],
  tables: [],
  charts: [],
  subsections: [],
};

export const sampleReport: Report = {
  meta: {
    kind: 'annual',
    title: '四平市儿童发展规划（2021—2030年）2024年统计监测报告',
    author: '四平市统计局',
    year: 2024,
    orgUnit: { code: '220300', name: '四平市', level: 'city' },
    generatedAt: '2025-03-18T09:30:00.000Z',
    draft: true,
    draftReason: '本报告含未经批准的数据（3个成员单位的2024年数据尚未批准）。',
    synthetic: true,
    sourceLine: SOURCE,
  },
  preamble: [
    {
      text: '根据《四平市儿童发展规划（2021—2030年）》统计监测指标体系和各成员单位提供的数据，对儿童与健康、儿童与教育等领域的规划实施情况进行了综合分析。',
    },
    { text: '监测结果显示，2024年规划实施总体进展顺利，大部分指标已实现或接近规划目标。' },
  ],
  summary: {
    title: '重点统计指标监测情况汇总',
    columns: [
      { key: 'domain', title: '领域' },
      { key: 'monitored', title: '可监测指标（项）', numeric: true },
      { key: 'achieved', title: '已实现目标（项）', numeric: true },
      { key: 'rate', title: '达标率（%）', numeric: true },
      { key: 'missing', title: '缺少数据（项）', numeric: true },
    ],
    rows: [
      { cells: { domain: '儿童与健康', monitored: '4', achieved: '2', rate: '50.0', missing: '0' } },
      { cells: { domain: '儿童与教育', monitored: '2', achieved: '1', rate: '50.0', missing: '1' } },
      { cells: { domain: '合计', monitored: '6', achieved: '3', rate: '50.0', missing: '1' } },
    ],
  },
  sections: [health, education, warnings, annex],
};

/** The sample report with every piece of text replaced by markup, to prove the writers escape it. */
export function hostileReport(): Report {
  const evil = '<script>alert("x")</script>&<b>';
  const report = structuredClone(sampleReport);
  report.meta.title = `${evil}报告`;
  report.meta.author = evil;
  report.meta.draftReason = evil;
  report.preamble = [{ bold: evil, text: evil }];
  const first = report.sections[0];
  if (first) {
    first.heading = evil;
    first.charts = [
      { ...infantMortalityChart, title: evil, unit: evil, source: evil, series: [{ name: evil, values: [1, 2, 3, 4, 5, 6] }] },
    ];
    const table = first.tables[0];
    if (table) table.rows[0] = { cells: { name: evil, value: evil }, warning: evil };
  }
  return report;
}
