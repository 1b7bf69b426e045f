import type { Command } from 'commander';
import { csvLines, jsonLines, toRecord } from '../../app/assessmentJson.js';
import { runAssessment } from '../../app/assessment.js';
import { requirePlan } from '../../app/context.js';
import { isSynthetic, SYNTHETIC_BANNER } from '../../app/demoLoader.js';
import { getMeta } from '../../db/repositories/meta.js';
import { formatAssessmentTable } from '../assessmentTable.js';
import { line, type Output } from '../output.js';
import { withApp } from '../withApp.js';
import { parseFormatOption, parseYearOption, splitList } from '../options.js';

interface AssessFlags {
  year: string;
  org?: string;
  indicator?: string;
  format: string;
}

export function registerAssess(program: Command, out: Output): void {
  program
    .command('assess')
    .description('评估某一年各指标的进展状态和预警(方法见 methodology.md)')
    .requiredOption('--year <year>', '评估年份')
    .option('--org <code>', '单位代码(可用逗号分隔多个;all 为全部单位;默认为本市)')
    .option('--indicator <code>', '指标代码(可用逗号分隔多个;默认全部)')
    .option('--format <format>', '输出格式: table | json | csv', 'table')
    .action(async (flags: AssessFlags, command: Command) => {
      const year = parseYearOption(flags.year);
      const format = parseFormatOption(flags.format);
      await withApp(command, async (app) => {
        const plan = await requirePlan(app.db);
        const region = (await getMeta(app.db, 'region')) ?? plan.region;
        const orgUnits = flags.org === 'all' ? null : flags.org ? splitList(flags.org) : [region];
        const rows = await runAssessment(app.db, plan, {
          year,
          orgUnits,
          indicators: flags.indicator ? splitList(flags.indicator) : null,
        });
        const synthetic = await isSynthetic(app.db);
        const records = (function* () {
          for (const r of rows) yield toRecord(r, synthetic);
        })();
        if (format === 'json' || format === 'csv') {
          // Written a line at a time: a whole city with every unit is hundreds of thousands of records.
          for (const text of format === 'json' ? jsonLines(records) : csvLines(records)) out.write(text);
          if (synthetic) out.error(`${SYNTHETIC_BANNER}\n`);
        } else {
          line(out, formatAssessmentTable(plan, rows, year, synthetic ? SYNTHETIC_BANNER : null));
        }
      });
    });
}
