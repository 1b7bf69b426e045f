/** A small hand-made report, for testing the writers without a database. */
import type { Report, Table } from '../../src/reports/model.js';

const indicatorTable: Table = {
  title: '儿童与健康主要指标',
  columns: [
    { key: 'name', title: '指标' },
    { key: 'unit', title: '单位' },
    { key: 'target', title: '目标值' },
    { key: 'value', title: '2024年', numeric: true },
    { key: 'previous', title: '2023年', numeric: true },
    { key: 'change', title: '变化', numeric: true },
    { key: 'status', title: '状态' },
    { key: 'warning', title: '预警' },
  ],
  rows: [
    {
      cells: {
        name: '新生儿死亡率',
        unit: '‰',
        target: '≤3‰',
        value: '2.5',
        previous: '2.8',
        change: '-0.3',
        status: '已达标',
        warning: '正常',
      },
      warning: 'green',
    },
    {
      cells: {
        name: '5岁以下儿童死亡率',
        unit: '‰',
        target: '≤6‰',
        value: '6.4',
        previous: '6.1',
        change: '+0.3',
        status: '出现退步',
        warning: '红色预警',
      },
      warning: 'red',
    },
    {
      cells: {
        name: '每千名儿童儿科床位数',
        unit: '张',
        target: '≥2.5张',
        value: '1,234',
        previous: '—',
        change: '—',
        status: '数据不足',
        warning: '—',
      },
    },
  ],
  note: '注:变化为比上年增减。',
};

export function sampleReport(options: { draft?: boolean; synthetic?: boolean } = {}): Report {
  const draft = options.draft ?? false;
  return {
    meta: {
      kind: 'annual',
      title: '四平市儿童发展规划(2021-2030年)2024年统计监测报告',
      author: '四平市统计局',
      year: 2024,
      orgUnit: { code: '220300', name: '四平市', level: 'city' },
      generatedAt: '2025-03-01T08:00:00.000Z',
      draft,
      draftReason: draft ? '本报告含未经批准的数据(1 个成员单位的 2024 年数据尚未批准)。' : null,
      synthetic: options.synthetic ?? false,
      sourceLine: '资料来源:四平市卫生健康委员会、四平市教育局。',
    },
    preamble: [
      { text: '根据四平市儿童发展规划统计监测指标体系和各成员单位提供的数据,对七个领域进行了分析。' },
      { bold: '规划实施总体进展顺利。', text: '多数指标已提前实现规划目标。' },
    ],
    summary: {
      title: '各领域指标达标情况',
      columns: [
        { key: 'domain', title: '领域' },
        { key: 'monitored', title: '可监测指标', numeric: true },
        { key: 'achieved', title: '已达标', numeric: true },
        { key: 'rate', title: '达标率(%)', numeric: true },
      ],
      rows: [
        { cells: { domain: '儿童与健康', monitored: '12', achieved: '10', rate: '83.3' } },
        { cells: { domain: '合计', monitored: '33', achieved: '31', rate: '93.9' } },
      ],
    },
    sections: [
      {
        heading: '一、儿童与健康',
        paragraphs: [
          { bold: '儿童健康水平持续提高。', text: '2024年,四平市新生儿死亡率为2.5‰,比上年下降0.3个千分点,已提前实现规划目标。' },
        ],
        tables: [indicatorTable],
        charts: [],
        subsections: [
          {
            heading: '(一)城乡差异',
            paragraphs: [],
            tables: [
              {
                title: '城乡差异',
                columns: [
                  { key: 'name', title: '指标' },
                  { key: 'urban', title: '城镇', numeric: true },
                  { key: 'rural', title: '农村', numeric: true },
                ],
                rows: [{ cells: { name: '新生儿死亡率', urban: '2.1', rural: '2.9' } }],
              },
            ],
            charts: [],
            subsections: [],
          },
        ],
      },
      { heading: '二、儿童与安全', paragraphs: [{ text: '无表格的章节不单独成表。' }], tables: [], charts: [], subsections: [] },
      {
        heading: '三、儿童与教育/培训[试]',
        paragraphs: [],
        tables: [{ ...indicatorTable, title: '儿童与教育主要指标' }],
        charts: [],
        subsections: [],
      },
    ],
  };
}
