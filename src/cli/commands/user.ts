import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { createUser, UserInputError } from '../../app/users.js';
import { passwordProblems, REMEMBERED_PASSWORDS } from '../../core/access/password.js';
import { ROLE_LABELS, ROLES } from '../../core/access/roles.js';
import { retirePassword } from '../../db/repositories/passwordHistory.js';
import { logSecurity } from '../../db/repositories/securityLog.js';
import { deleteUserSessions } from '../../db/repositories/sessions.js';
import { findUserByName } from '../../db/repositories/users.js';
import { generatePassword, hashPassword } from '../../server/auth/passwords.js';
import { currentUser, line, type Output } from '../output.js';
import { withApp } from '../withApp.js';

interface AddOptions {
  name?: string;
  role: string;
  org: string;
  department?: string;
  password?: string;
  user?: string;
}

/** `user add | list | reset-password`: accounts from the command line (the admin's fallback). */
export function registerUser(program: Command, out: Output): void {
  const user = program.command('user').description('用户管理:添加用户、列出用户、重置密码');

  user
    .command('add <username>')
    .description(`添加用户。角色: ${ROLES.map((r) => `${r}(${ROLE_LABELS[r]})`).join('、')}`)
    .requiredOption('--role <role>', '角色')
    .requiredOption('--org <code>', '所属单位代码(市或县级,如 220300、220322)')
    .option('--department <code>', '所属成员单位代码(成员单位角色必填,如 health、education)')
    .option('--name <name>', '姓名')
    .option('--password <password>', '初始密码(省略则随机生成并显示)')
    .option('--user <name>', '操作人(记入安全日志)')
    .action(async (username: string, options: AddOptions, command: Command) => {
      await withApp(command, async (app) => {
        const password = options.password ?? generatePassword((n) => randomBytes(n), username);
        try {
          await createUser(
            app.db,
            {
              username,
              displayName: options.name ?? username,
              password,
              role: options.role,
              orgUnitCode: options.org,
              departmentCode: options.department ?? null,
              mustChangePassword: true,
            },
            currentUser(options.user),
            new Date().toISOString(),
          );
        } catch (error) {
          if (error instanceof UserInputError) {
            for (const p of error.problems) out.error(`错误: ${p}\n`);
            out.exitCode = 1;
            return;
          }
          throw error;
        }
        line(out, `已添加用户 ${username}(${ROLE_LABELS[options.role as keyof typeof ROLE_LABELS]})。`);
        if (!options.password) line(out, `初始密码: ${password}  (首次登录后须修改)`);
      });
    });

  user
    .command('list')
    .description('列出全部用户')
    .action(async (_options: unknown, command: Command) => {
      await withApp(command, async (app) => {
        const rows = await app.db
          .selectFrom('app_user')
          .select(['username', 'display_name', 'role', 'org_unit_code', 'department_code', 'active', 'locked_until'])
          .orderBy('username')
          .execute();
        for (const r of rows) {
          const role = ROLE_LABELS[r.role as keyof typeof ROLE_LABELS] ?? r.role;
          line(
            out,
            [r.username, r.display_name, role, r.org_unit_code, r.department_code ?? '', r.active === 1 ? '启用' : '停用'].join('\t'),
          );
        }
      });
    });

  user
    .command('reset-password <username>')
    .description('重置密码并解除锁定(新密码随机生成并显示,首次登录后须修改)')
    .option('--password <password>', '指定新密码')
    .option('--user <name>', '操作人(记入安全日志)')
    .action(async (username: string, options: { password?: string; user?: string }, command: Command) => {
      await withApp(command, async (app) => {
        const found = await findUserByName(app.db, username);
        if (!found) {
          out.error(`错误: 用户“${username}”不存在\n`);
          out.exitCode = 1;
          return;
        }
        const password = options.password ?? generatePassword((n) => randomBytes(n), username);
        const problems = passwordProblems(password, username);
        if (problems.length > 0) {
          for (const p of problems) out.error(`错误: ${p}\n`);
          out.exitCode = 1;
          return;
        }
        const at = new Date().toISOString();
        await retirePassword(app.db, found.id, found.password_hash, at, REMEMBERED_PASSWORDS - 1);
        await app.db
          .updateTable('app_user')
          .set({
            password_hash: await hashPassword(password),
            must_change_password: 1,
            failed_logins: 0,
            locked_until: null,
            password_changed_at: at,
          })
          .where('id', '=', found.id)
          .execute();
        await deleteUserSessions(app.db, found.id);
        await logSecurity(app.db, {
          at,
          event: 'password_reset',
          username: currentUser(options.user),
          ip: 'cli',
          success: true,
          detail: `重置用户 ${username} 的密码`,
        });
        line(out, `已重置 ${username} 的密码${options.password ? '' : `: ${password}`}(首次登录后须修改)`);
      });
    });
}
