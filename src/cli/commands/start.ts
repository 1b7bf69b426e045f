import type { Command } from 'commander';
import { runAssessment } from '../../app/assessment.js';
import { loadDemoData, isSynthetic, SYNTHETIC_BANNER } from '../../app/demoLoader.js';
import { initialise } from '../../app/initialise.js';
import { getMeta } from '../../db/repositories/meta.js';
import { loadStoredPlan } from '../../db/repositories/plans.js';
import { describeDb } from '../../db/url.js';
import { loadBuiltinPlan } from '../../plans/siping/loadPlan.js';
import { formatAssessmentTable } from '../assessmentTable.js';
import { line, type Output } from '../output.js';
import { withApp } from '../withApp.js';

/** One command for a first look: the schema, the Siping plan, demo data when empty, the latest assessment. */
export function registerStart(program: Command, out: Output): void {
  program
    .command('start')
    .description('一键试用:初始化数据库,空库时载入演示数据,显示最新年度的评估结果')
    .action(async (_options: unknown, command: Command) => {
      await withApp(command, async (app) => {
        const now = new Date().toISOString();
        const region = (await getMeta(app.db, 'region')) ?? '2203';
        const current = (await loadStoredPlan(app.db)) ?? (await initialise(app.db, loadBuiltinPlan(), region, now)).plan;
        const any = await app.db.selectFrom('data_value').select('id').limit(1).execute();
        if (any.length === 0) {
          const loaded = await loadDemoData(app.db, current, now);
          line(out, `空数据库:已载入演示数据 ${loaded.inserted} 条。`);
        }
        const latest = await app.db
          .selectFrom('data_value')
          .select((eb) => eb.fn.max('year').as('year'))
          .executeTakeFirst();
        const year = Number(latest?.year ?? new Date().getFullYear() - 1);
        const rows = await runAssessment(app.db, current, {
          year,
          orgUnits: [(await getMeta(app.db, 'region')) ?? current.region],
          indicators: null,
        });
        line(out, formatAssessmentTable(current, rows, year, (await isSynthetic(app.db)) ? SYNTHETIC_BANNER : null));
        line(out, `数据库: ${describeDb(app.target)}`);
        line(
          out,
          '下一步: npx childplan --help 查看全部命令;npx childplan import 文件.csv 导入数据;npx childplan assess --year 2024 --org all --format csv > 评估.csv',
        );
      });
    });
}
