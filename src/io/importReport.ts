/** What an import found and did, and how it is told in Chinese. */
import type { Delimiter } from './csvRecords.js';
import type { TextEncodingName } from './textDecoding.js';
import { ENCODING_LABELS } from './textDecoding.js';

export interface ImportIssue {
  file: string;
  /** 1-based line of the file, null for whole-file problems. */
  line: number | null;
  /** 1-based column of the cell, null when the problem is not one cell's. */
  column: number | null;
  header: string | null;
  message: string;
}

export interface ImportReport {
  file: string;
  encoding: TextEncodingName | null;
  delimiter: Delimiter;
  rows: number;
  /** Rows that gave no value at all (an unfilled template row): skipped. */
  unfilled: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** Errors beyond those listed. */
  moreErrors: number;
  moreWarnings: number;
  checkOnly: boolean;
  committed: boolean;
  importId: number | null;
}

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const DELIMITER_NAMES: Record<Delimiter, string> = { ',': '逗号', '\t': '制表符', ';': '分号' };

export function formatIssue(issue: ImportIssue): string {
  const where: string[] = [issue.file];
  if (issue.line !== null) where.push(`第${issue.line}行`);
  if (issue.column !== null) {
    where.push(`第${issue.column}列(${columnLetter(issue.column)}列${issue.header ? `“${issue.header}”` : ''})`);
  }
  return `${where.join(' ')}: ${issue.message}`;
}

export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  const encoding = report.encoding ? ENCODING_LABELS[report.encoding] : '—';
  lines.push(`文件: ${report.file}(编码 ${encoding},${DELIMITER_NAMES[report.delimiter]}分隔)`);
  lines.push(`数据行: ${report.rows}${report.unfilled > 0 ? `(其中 ${report.unfilled} 行未填写数值,已跳过)` : ''}`);
  if (report.errors.length > 0) {
    lines.push(`发现 ${report.errors.length + report.moreErrors} 处错误,${report.checkOnly ? '' : '本次导入未写入任何数据'}:`);
    for (const e of report.errors) lines.push(`  ✗ ${formatIssue(e)}`);
    if (report.moreErrors > 0) lines.push(`  …… 另有 ${report.moreErrors} 处错误未列出`);
  }
  if (report.warnings.length > 0) {
    lines.push(`提示 ${report.warnings.length + report.moreWarnings} 条(不影响导入,请核实):`);
    for (const w of report.warnings) lines.push(`  ! ${formatIssue(w)}`);
    if (report.moreWarnings > 0) lines.push(`  …… 另有 ${report.moreWarnings} 条提示未列出`);
  }
  if (report.errors.length === 0) {
    const counts = `新增 ${report.inserted} 条,修改 ${report.updated} 条,未变 ${report.unchanged} 条`;
    lines.push(report.checkOnly ? `检查通过(未写入):将${counts}` : `导入成功(批次 ${report.importId ?? '—'}):${counts}`);
  }
  return lines.join('\n');
}
