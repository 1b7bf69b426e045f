/**
 * The content of a report as plain data: built from the database by the model builders
 * (annualModel.ts, evaluationModel.ts, …), rendered by the writers (docx, html, xlsx). Every
 * sentence is final Chinese text here; writers only lay it out.
 */

export type ReportKind = 'annual' | 'midterm' | 'final' | 'county_comparison' | 'statistical_tables';

export interface ReportMeta {
  kind: ReportKind;
  /** e.g. 四平市儿童发展规划(2021-2030年)2024年统计监测报告 */
  title: string;
  /** e.g. 四平市统计局 — the author line under the title. */
  author: string;
  year: number;
  orgUnit: { code: string; name: string; level: string };
  /** ISO timestamp of generation. */
  generatedAt: string;
  /** Data not all approved: every page carries 草稿 and the cover says why. */
  draft: boolean;
  /** Why it is a draft, e.g. 本报告含未经批准的数据(3 个成员单位的 2024 年数据尚未批准)。 */
  draftReason: string | null;
  /** The demo data set: the cover says the figures are synthetic. */
  synthetic: boolean;
  /** Line naming the data sources, for the cover and every chart (资料来源: …). */
  sourceLine: string;
}

/** A sentence or paragraph; `bold` opens a finding (its judgement, ending with 。). */
export interface Paragraph {
  bold?: string;
  text: string;
}

export interface TableColumn {
  key: string;
  title: string;
  /** Right-aligned numbers. */
  numeric?: boolean;
}

export interface TableRow {
  cells: Record<string, string>;
  /** For colouring: the warning of the row (red/yellow/green/none), if any. */
  warning?: string;
}

export interface Table {
  title: string;
  columns: TableColumn[];
  rows: TableRow[];
  note?: string;
}

/** A chart as data; writers render it (ECharts on the server, PNG in Word, SVG in HTML). */
export interface Chart {
  title: string;
  /** The unit shown on the value axis, e.g. ‰. */
  unit: string;
  kind: 'line' | 'bar';
  categories: string[];
  series: { name: string; values: (number | null)[]; dashed?: boolean }[];
  /** A horizontal target line. */
  target?: { value: number; label: string };
  source: string;
}

export interface Section {
  /** e.g. 一、儿童与健康 or (一)… for subsections. */
  heading: string;
  paragraphs: Paragraph[];
  tables: Table[];
  charts: Chart[];
  subsections: Section[];
}

export interface Report {
  meta: ReportMeta;
  /** The preamble: basis of the analysis, the domains, the overall judgement. */
  preamble: Paragraph[];
  /** Summary figures (methodology §7) overall and per domain. */
  summary: Table;
  sections: Section[];
}
