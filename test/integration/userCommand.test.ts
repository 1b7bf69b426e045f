import { describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/context.js';
import { verifyPassword } from '../../src/server/auth/passwords.js';
import { runCli } from '../support/cli.js';
import { DIALECTS } from '../support/databases.js';
import { useDatabase } from '../support/useDatabase.js';

describe.each(DIALECTS)('childplan user (%s)', (dialect) => {
  const database = useDatabase(dialect);

  it('adds a department user who must change the password at first login', async () => {
    const res = await runCli(
      database.url,
      'user',
      'add',
      'lishu_edu',
      '--role',
      'department',
      '--org',
      '220322',
      '--department',
      'education',
      '--name',
      '王老师',
      '--password',
      'Lishu-Edu-2025!',
    );
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('已添加用户 lishu_edu(成员单位)');
    const app = await openApp(database.url);
    try {
      const user = await app.db.selectFrom('app_user').selectAll().where('username', '=', 'lishu_edu').executeTakeFirstOrThrow();
      expect(user).toMatchObject({
        role: 'department',
        org_unit_code: '220322',
        department_code: 'education',
        display_name: '王老师',
        must_change_password: 1,
      });
      expect(user.password_hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(user.password_hash, 'Lishu-Edu-2025!')).toBe(true);
      const log = await app.db.selectFrom('security_log').select(['event', 'detail']).where('event', '=', 'user_created').execute();
      expect(log.some((l) => l.detail.includes('lishu_edu'))).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('generates and shows a password that meets the rule when none is given', async () => {
    const res = await runCli(database.url, 'user', 'add', 'office1', '--role', 'evaluator', '--org', '220300');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/初始密码: \S{10,}/);
  });

  it('refuses in Chinese a bad role, an unknown unit, a weak password and a duplicate name, adding nobody', async () => {
    const res = await runCli(database.url, 'user', 'add', 'lishu_edu', '--role', 'boss', '--org', '999999', '--password', 'abc');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('用户名“lishu_edu”已存在');
    expect(res.stderr).toContain('角色“boss”无效');
    expect(res.stderr).toContain('单位代码“999999”不存在');
    expect(res.stderr).toContain('密码至少 10 位');
    const dept = await runCli(
      database.url,
      'user',
      'add',
      'x_user',
      '--role',
      'department',
      '--org',
      '220322',
      '--password',
      'Lishu-Edu-2025!',
    );
    expect(dept.code).toBe(1);
    expect(dept.stderr).toContain('成员单位用户须指定所属成员单位');
  });

  it('resets a password and unlocks the account', async () => {
    const res = await runCli(database.url, 'user', 'reset-password', 'lishu_edu');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/已重置 lishu_edu 的密码: \S+/);
    const missing = await runCli(database.url, 'user', 'reset-password', 'nobody');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('用户“nobody”不存在');
  });
});
