import { describe, expect, it } from 'vitest';
import { describeError } from './describeError.js';

function coded(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('telling errors from below in Chinese', () => {
  it('explains a refused PostgreSQL connection and keeps the original text', () => {
    expect(describeError(coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5433'))).toBe(
      '无法连接 PostgreSQL 服务器(连接被拒绝):请检查地址和端口,以及服务器是否在运行(connect ECONNREFUSED 127.0.0.1:5433)',
    );
  });

  it('explains a missing PostgreSQL database and a busy SQLite file', () => {
    expect(describeError(coded('3D000', 'database "x" does not exist'))).toContain('不存在这个数据库');
    expect(describeError(coded('SQLITE_BUSY', 'database is locked'))).toContain('正被另一个操作占用');
  });

  it('names the missing file', () => {
    expect(describeError(Object.assign(coded('ENOENT', "ENOENT: no such file or directory, open 'a.csv'"), { path: 'a.csv' }))).toMatch(
      /^找不到文件: a.csv/,
    );
  });

  it('leaves our own Chinese messages as they are', () => {
    expect(describeError(new Error('年份“abc”无效'))).toBe('年份“abc”无效');
  });
});
