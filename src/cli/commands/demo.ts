import type { Command } from 'commander';
import { requirePlan } from '../../app/context.js';
import { loadDemoData, SYNTHETIC_BANNER } from '../../app/demoLoader.js';
import { line, type Output } from '../output.js';
import { withApp } from '../withApp.js';

export function registerDemo(program: Command, out: Output): void {
  program
    .command('demo')
    .description('载入合成的演示数据(四平市 2018–2024 年;每次结果相同),用于试用')
    .action(async (_options: unknown, command: Command) => {
      await withApp(command, async (app) => {
        const plan = await requirePlan(app.db);
        const result = await loadDemoData(app.db, plan, new Date().toISOString());
        line(
          out,
          `已载入演示数据 ${result.years.first}–${result.years.last} 年:新增 ${result.inserted} 条,修改 ${result.updated} 条,未变 ${result.unchanged} 条`,
        );
        line(out, SYNTHETIC_BANNER);
      });
    });
}
