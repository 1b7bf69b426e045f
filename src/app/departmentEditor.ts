/** The office's changes to the list of member departments (成员单位), each in the security log. */
import { chinaDate } from '../core/time/chinaTime.js';
import type { Db } from '../db/dialect.js';
import {
  insertDepartment,
  itemsLedFrom,
  listDepartments,
  updateDepartment,
  type DepartmentRecord,
} from '../db/repositories/departments.js';
import { logSecurity } from '../db/repositories/securityLog.js';
import type { Actor } from './actor.js';
import { clash, invalid, missing } from './appError.js';

export const DEPARTMENT_CODE = /^[a-z][a-z0-9_]{1,39}$/;

export interface NewDepartment {
  code: string;
  name: string;
  shortName: string;
  sortOrder?: number;
}

export interface DepartmentChange {
  name?: string;
  shortName?: string;
  sortOrder?: number;
  active?: boolean;
}

export async function addDepartment(db: Db, actor: Actor, d: NewDepartment): Promise<DepartmentRecord> {
  if (!DEPARTMENT_CODE.test(d.code)) throw invalid('成员单位代码须为小写英文字母开头的 2–40 位小写字母、数字或下划线');
  const name = d.name.trim();
  const shortName = d.shortName.trim();
  if (name === '' || shortName === '') throw invalid('成员单位名称和简称不能为空');
  const all = await listDepartments(db);
  if (all.some((x) => x.code === d.code)) throw clash(`成员单位代码“${d.code}”已存在`);
  if (all.some((x) => x.name === name)) throw clash(`已有名为“${name}”的成员单位`);
  const sortOrder = d.sortOrder ?? Math.max(0, ...all.map((x) => x.sortOrder)) + 1;
  await db.transaction().execute(async (trx) => {
    await insertDepartment(trx, { code: d.code, name, shortName, sortOrder, updatedBy: actor.principal.username, updatedAt: actor.at });
    await log(trx, actor, `新增成员单位 ${d.code} ${name}(简称 ${shortName})`);
  });
  return found(db, d.code);
}

export async function changeDepartment(db: Db, actor: Actor, code: string, change: DepartmentChange): Promise<DepartmentRecord> {
  const all = await listDepartments(db);
  const old = all.find((x) => x.code === code);
  if (!old) throw missing(`成员单位“${code}”不存在`);
  const next = {
    name: change.name?.trim() ?? old.name,
    shortName: change.shortName?.trim() ?? old.shortName,
    sortOrder: change.sortOrder ?? old.sortOrder,
    active: change.active ?? old.active,
  };
  if (next.name === '' || next.shortName === '') throw invalid('成员单位名称和简称不能为空');
  if (all.some((x) => x.code !== code && x.name === next.name)) throw clash(`已有名为“${next.name}”的成员单位`);
  if (old.active && !next.active) {
    // Indicators without a lead department would have nobody to report them.
    const led = await itemsLedFrom(db, code, Number(chinaDate(new Date(actor.at)).slice(0, 4)));
    if (led.length > 0) {
      const shown = led.slice(0, 5).join('、') + (led.length > 5 ? ' 等' : '');
      throw clash(`“${old.name}”仍牵头 ${led.length} 项任务(${shown}),请先在任务分工中改由其他单位牵头,再停用`, { items: led });
    }
  }
  const said: string[] = [];
  if (next.name !== old.name) said.push(`名称 ${old.name} → ${next.name}`);
  if (next.shortName !== old.shortName) said.push(`简称 ${old.shortName} → ${next.shortName}`);
  if (next.sortOrder !== old.sortOrder) said.push(`排序 ${old.sortOrder} → ${next.sortOrder}`);
  if (next.active !== old.active) said.push(next.active ? '启用' : '停用');
  if (said.length === 0) return old;
  await db.transaction().execute(async (trx) => {
    await updateDepartment(trx, code, { ...next, updatedBy: actor.principal.username, updatedAt: actor.at });
    await log(trx, actor, `修改成员单位 ${code}:${said.join(';')}`);
  });
  return found(db, code);
}

async function found(db: Db, code: string): Promise<DepartmentRecord> {
  const d = (await listDepartments(db)).find((x) => x.code === code);
  if (!d) throw missing(`成员单位“${code}”不存在`);
  return d;
}

function log(db: Db, actor: Actor, detail: string): Promise<void> {
  return logSecurity(db, {
    at: actor.at,
    event: 'department_changed',
    username: actor.principal.username,
    ip: actor.ip,
    success: true,
    detail,
  });
}
