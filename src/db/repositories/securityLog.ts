/** The security log (等保2.0 audit): logins, failures, lockouts and administrative actions. */
import type { Db } from '../dialect.js';

export const SECURITY_EVENTS = {
  login: '登录',
  login_failed: '登录失败',
  locked: '账户锁定',
  logout: '退出',
  session_expired: '会话超过最长时限',
  session_limit: '超出同时登录数，结束最早的会话',
  password_changed: '修改密码',
  password_reset: '重置密码',
  user_created: '创建用户',
  user_updated: '修改用户',
  department_changed: '修改成员单位',
  assignment_changed: '修改任务分工',
  deadline_changed: '修改报送截止日期',
  submission_reopened: '重新打开已批准数据',
  access_denied: '越权访问被拒绝',
  year_published: '公开发布年度数据',
  year_withdrawn: '撤回公开发布',
} as const;
export type SecurityEvent = keyof typeof SECURITY_EVENTS;

export interface SecurityEntry {
  at: string;
  event: SecurityEvent;
  username: string;
  ip: string;
  success: boolean;
  detail: string;
}

export async function logSecurity(db: Db, e: SecurityEntry): Promise<void> {
  await db
    .insertInto('security_log')
    .values({ at: e.at, event: e.event, username: e.username, ip: e.ip, success: e.success ? 1 : 0, detail: e.detail })
    .execute();
}

export interface SecurityQuery {
  username?: string;
  event?: string;
  from?: string;
  to?: string;
  text?: string;
  limit: number;
  offset: number;
}

export async function searchSecurityLog(db: Db, q: SecurityQuery) {
  let query = db.selectFrom('security_log');
  if (q.username) query = query.where('username', '=', q.username);
  if (q.event) query = query.where('event', '=', q.event);
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<=', q.to);
  if (q.text) query = query.where('detail', 'like', `%${q.text.replace(/[%_]/g, '')}%`);
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
