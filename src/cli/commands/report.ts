/** `childplan report`: the annual monitoring report, the evaluations, the county comparison and the statistical tables as files. */
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { requirePlan } from '../../app/context.js';
import { SYNTHETIC_BANNER } from '../../app/demoLoader.js';
import { planYears } from '../../app/planItems.js';
import {
  checkFormat,
  generateReport,
  REPORT_FORMATS,
  REPORT_KIND_LABELS,
  type ReportData,
  type ReportFormat,
  type ReportRequestKind,
} from '../../app/reportFiles.js';
import { getMeta } from '../../db/repositories/meta.js';
import { line, type Output } from '../output.js';
import { parseYearOption } from '../options.js';
import { withApp } from '../withApp.js';

interface ReportFlags {
  year?: string;
  org?: string;
  format?: string;
  out: string;
  data: string;
  townships?: boolean;
}

/** Subcommand → the kind it writes, its description and the year it defaults to (the evaluations' years). */
const SUBCOMMANDS: { name: string; kind: ReportRequestKind; description: string; defaultYear?: number }[] = [
  { name: 'annual', kind: 'annual', description: '年度监测统计报告(总体判断、分领域发现、指标表、图表、预警、差距、定性目标、附录)' },
  {
    name: 'midterm',
    kind: 'midterm',
    description: '中期评估报告(2025 年:与 2020 年基期比较的进展、达标情况、预计难以实现的目标、建议)',
    defaultYear: 2025,
  },
  { name: 'final', kind: 'final', description: '终期评估报告(2030 年)', defaultYear: 2030 },
  { name: 'counties', kind: 'counties', description: '县(市、区)比较报告:各县级单位逐项指标并列比较' },
  { name: 'tables', kind: 'tables', description: '统计资料(Excel):每个领域一张表,各指标按单位、分组和年份列示' },
];

export function registerReport(program: Command, out: Output): void {
  const report = program.command('report').description('生成报告文件(Word、HTML 或 Excel)');
  for (const sub of SUBCOMMANDS) {
    const command = report.command(sub.name).description(sub.description);
    if (sub.defaultYear) command.option('--year <year>', `报告年份(默认 ${sub.defaultYear})`, String(sub.defaultYear));
    else command.requiredOption('--year <year>', '报告年份');
    command
      .option('--org <code>', '单位代码(默认为本市)')
      .option('--format <format>', sub.kind === 'tables' ? '输出格式: xlsx' : '输出格式: docx | html | xlsx(默认按 --out 的扩展名)')
      .requiredOption('--out <file>', '输出文件路径')
      .option('--data <data>', 'approved:仅已批准的数据;all:含未批准的数据(默认,含未批准数据时标为“草稿”)', 'all');
    if (sub.kind === 'tables') command.option('--townships', '同时列出各县级单位下的乡镇(街道)');
    command.action(async (flags: ReportFlags, cmd: Command) => {
      await runReport(sub.kind, flags, cmd, out);
    });
  }
}

async function runReport(kind: ReportRequestKind, flags: ReportFlags, command: Command, out: Output): Promise<void> {
  const year = parseYearOption(flags.year ?? '');
  const data = parseData(flags.data);
  const path = resolve(flags.out);
  const format = parseReportFormat(flags.format, path);
  checkFormat(kind, format);
  checkOutputPath(path);
  await withApp(command, async (app) => {
    const plan = await requirePlan(app.db);
    const { first, last } = planYears(plan);
    if (year < first || year > last) throw new Error(`年份须在 ${first}–${last} 之间`);
    const orgUnit = flags.org?.trim() || ((await getMeta(app.db, 'region')) ?? plan.region);
    const unit = await app.db.selectFrom('org_unit').select('name').where('code', '=', orgUnit).executeTakeFirst();
    if (!unit) throw new Error(`单位代码“${orgUnit}”不存在`);
    const file = await generateReport(app.db, plan, { kind, year, orgUnit, format, data, townships: flags.townships === true });
    writeAtomically(path, file.content);
    line(out, `已生成${unit.name}${year}年${REPORT_KIND_LABELS[kind]}(${format}):${path}`);
    if (file.meta.draft) line(out, `注意:报告含未经批准的数据,每页均标有“草稿”。${file.meta.draftReason ?? ''}`);
    if (file.meta.synthetic) out.error(`${SYNTHETIC_BANNER}\n`);
  });
}

function parseData(text: string): ReportData {
  if (text === 'approved' || text === 'all') return text;
  throw new Error(`数据范围“${text}”无效(应为 approved 或 all)`);
}

/** The format asked for, else the one the file's extension names; the two must agree. */
function parseReportFormat(text: string | undefined, path: string): ReportFormat {
  const extension = extname(path).slice(1).toLowerCase();
  const format = text ?? extension;
  if (!isFormat(format)) {
    throw new Error(
      text
        ? `输出格式“${text}”无效(应为 docx、html 或 xlsx)`
        : `无法从文件名“${basename(path)}”判断格式,请用 --format 指定 docx、html 或 xlsx`,
    );
  }
  if (extension !== format) throw new Error(`输出文件“${basename(path)}”的扩展名与格式 ${format} 不符(应为 .${format})`);
  return format;
}

function isFormat(text: string): text is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(text);
}

/** Refused before any work: a folder that does not exist, or a path that is a folder. */
function checkOutputPath(path: string): void {
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`输出文件夹“${folder}”不存在`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new Error(`“${path}”是一个文件夹,请给出文件名`);
}

/** Written beside the target and renamed: a failure never leaves half a file under the report's name. */
function writeAtomically(path: string, content: Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
