import type { Command } from 'commander';
import { runAssessment } from '../../app/assessment.js';
import { prepareDatabase } from '../../app/bootstrap.js';
import { isSynthetic, SYNTHETIC_BANNER } from '../../app/demoLoader.js';
import { getMeta } from '../../db/repositories/meta.js';
import { formatAssessmentTable } from '../assessmentTable.js';
import { parsePort } from '../options.js';
import { line, type Output } from '../output.js';
import { withApp } from '../withApp.js';
import { serve } from './serve.js';

interface StartOptions {
  port: string;
  host: string;
  serve: boolean;
}

/**
 * One command for a first look (`npm start`): the schema, the Siping plan, demo data when the
 * database is empty, the first admin, the latest assessment, then the web application.
 */
export function registerStart(program: Command, out: Output): void {
  program
    .command('start')
    .description('一键试用:初始化数据库,空库时载入演示数据,显示最新年度评估结果,并启动网页端')
    .option('--port <port>', '端口', '3000')
    .option('--host <host>', '监听地址(局域网访问用 0.0.0.0)', '127.0.0.1')
    .option('--no-serve', '只初始化并显示评估结果,不启动网页端')
    .action(async (options: StartOptions, command: Command) => {
      const port = parsePort(options.port);
      await withApp(command, async (app) => {
        const prepared = await prepareDatabase(app.db, { demo: true });
        if (prepared.demoRows !== null) line(out, `空数据库:已载入演示数据 ${prepared.demoRows} 条。`);
        const latest = await app.db
          .selectFrom('data_value')
          .select((eb) => eb.fn.max('year').as('year'))
          .executeTakeFirst();
        const year = Number(latest?.year ?? new Date().getFullYear() - 1);
        const region = (await getMeta(app.db, 'region')) ?? prepared.plan.region;
        const rows = await runAssessment(app.db, prepared.plan, { year, orgUnits: [region], indicators: null });
        const synthetic = await isSynthetic(app.db);
        line(out, formatAssessmentTable(prepared.plan, rows, year, synthetic ? SYNTHETIC_BANNER : null));
        if (!options.serve) {
          if (prepared.adminPassword) line(out, `首个管理员账户: admin  初始密码: ${prepared.adminPassword}`);
          return;
        }
        await serve(app, prepared.adminPassword, null, port, options.host, out);
      });
    });
}
