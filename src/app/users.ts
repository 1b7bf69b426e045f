/** Creating users: the checks shared by `childplan user add` and the admin's page. */
import { passwordProblems } from '../core/access/password.js';
import { isRole, ROLE_LABELS, ROLES, type Role } from '../core/access/roles.js';
import type { Db } from '../db/dialect.js';
import { logSecurity } from '../db/repositories/securityLog.js';
import { findUserByName, insertUser } from '../db/repositories/users.js';
import { hashPassword } from '../server/auth/passwords.js';

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  role: string;
  orgUnitCode: string;
  departmentCode: string | null;
  /** The user must change the password at first login (true for accounts made by an admin). */
  mustChangePassword: boolean;
}

export class UserInputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(';'));
  }
}

/** Chinese problems with a new user; empty when it can be created. */
export async function userInputProblems(db: Db, input: UserInput): Promise<string[]> {
  const problems: string[] = [];
  if (!/^[A-Za-z0-9_.-]{3,50}$/.test(input.username)) problems.push('用户名须为 3–50 位字母、数字、下划线、点或短横线');
  else if (await findUserByName(db, input.username)) problems.push(`用户名“${input.username}”已存在`);
  if (input.displayName.trim() === '') problems.push('姓名不能为空');
  problems.push(...(await placementProblems(db, input.role, input.orgUnitCode, input.departmentCode)));
  problems.push(...passwordProblems(input.password, input.username));
  return problems;
}

/** Chinese problems with a user's role, unit and department, on creation and on change. */
export async function placementProblems(db: Db, role: string, orgUnitCode: string, departmentCode: string | null): Promise<string[]> {
  const problems: string[] = [];
  if (!isRole(role)) {
    problems.push(`角色“${role}”无效(可选:${ROLES.map((r) => `${r} ${ROLE_LABELS[r]}`).join('、')})`);
  }
  const org = await db.selectFrom('org_unit').select(['code', 'level']).where('code', '=', orgUnitCode).executeTakeFirst();
  if (!org) problems.push(`单位代码“${orgUnitCode}”不存在`);
  else if (!['province', 'city', 'county'].includes(org.level)) problems.push('用户只能属于市或县(市、区)一级单位');
  if (role === 'department') {
    if (!departmentCode) problems.push('成员单位用户须指定所属成员单位');
    else {
      const dept = await db.selectFrom('department').select(['code', 'active']).where('code', '=', departmentCode).executeTakeFirst();
      if (!dept) problems.push(`成员单位代码“${departmentCode}”不存在`);
      else if (dept.active !== 1) problems.push(`成员单位“${departmentCode}”已停用`);
    }
  } else if (departmentCode) {
    problems.push('只有成员单位角色的用户才能指定所属成员单位');
  }
  return problems;
}

export async function createUser(db: Db, input: UserInput, createdBy: string, at: string, ip = 'cli'): Promise<number> {
  const problems = await userInputProblems(db, input);
  if (problems.length > 0) throw new UserInputError(problems);
  const id = await insertUser(db, {
    username: input.username,
    displayName: input.displayName.trim(),
    passwordHash: await hashPassword(input.password),
    role: input.role as Role,
    orgUnitCode: input.orgUnitCode,
    departmentCode: input.departmentCode,
    mustChangePassword: input.mustChangePassword,
    createdBy,
    at,
  });
  await logSecurity(db, {
    at,
    event: 'user_created',
    username: createdBy,
    ip,
    success: true,
    detail: `创建用户 ${input.username}(${ROLE_LABELS[input.role as Role]},单位 ${input.orgUnitCode}${input.departmentCode ? `,${input.departmentCode}` : ''})`,
  });
  return id;
}
