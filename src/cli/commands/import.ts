import type { Command } from 'commander';
import { requirePlan } from '../../app/context.js';
import { isSynthetic, SYNTHETIC_BANNER } from '../../app/demoLoader.js';
import { formatReport } from '../../io/importReport.js';
import { importValues } from '../../io/valueImporter.js';
import { currentUser, line, type Output } from '../output.js';
import { withApp } from '../withApp.js';

export function registerImport(program: Command, out: Output): void {
  program
    .command('import <file>')
    .description('导入 CSV 数据文件(长格式;UTF-8 或 GBK;逗号或制表符分隔)。整个文件一次完成:有任何错误则不写入')
    .option('--check', '只检查,不写入')
    .option('--user <name>', '记录为修改人的用户名')
    .option('--reason <text>', '修改原因(记入修改历史)')
    .action(async (file: string, options: { check?: boolean; user?: string; reason?: string }, command: Command) => {
      await withApp(command, async (app) => {
        const plan = await requirePlan(app.db);
        const report = await importValues(app.db, plan, {
          path: file,
          checkOnly: options.check === true,
          who: currentUser(options.user),
          ...(options.reason ? { reason: options.reason } : {}),
        });
        line(out, formatReport(report));
        if (await isSynthetic(app.db)) line(out, SYNTHETIC_BANNER);
        if (report.errors.length > 0) out.exitCode = 1;
      });
    });
}
