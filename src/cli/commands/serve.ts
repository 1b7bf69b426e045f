import type { Command } from 'commander';
import { prepareDatabase } from '../../app/bootstrap.js';
import { describeDb } from '../../db/url.js';
import { serveUntilStopped } from '../../server/listen.js';
import { line, type Output } from '../output.js';
import { withApp } from '../withApp.js';
import { parsePort } from '../options.js';

interface ServeOptions {
  port: string;
  host: string;
}

/** `serve`: the web application and its API, from one process. */
export function registerServe(program: Command, out: Output): void {
  program
    .command('serve')
    .description('启动网页端和 API 服务(默认 http://localhost:3000/)')
    .option('--port <port>', '端口', '3000')
    .option('--host <host>', '监听地址(局域网访问用 0.0.0.0)', '127.0.0.1')
    .action(async (options: ServeOptions, command: Command) => {
      const port = parsePort(options.port);
      await withApp(command, async (app) => {
        const prepared = await prepareDatabase(app.db, { demo: false });
        await serve(app, prepared.adminPassword, null, port, options.host, out);
      });
    });
}

export async function serve(
  app: Parameters<typeof serveUntilStopped>[0],
  adminPassword: string | null,
  banner: string | null,
  port: number,
  host: string,
  out: Output,
): Promise<void> {
  await serveUntilStopped(app, {
    port,
    host,
    onListening(address) {
      if (banner) line(out, banner);
      line(out, `数据库: ${describeDb(app.target)}`);
      line(out, `儿童发展规划监测评估系统已启动: ${address}`);
      if (adminPassword) {
        line(out, `首个管理员账户: admin  初始密码: ${adminPassword}  (仅显示这一次,首次登录后须修改)`);
      }
      line(out, '按 Ctrl+C 停止。');
    },
  });
}
