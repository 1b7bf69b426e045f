/** Errors from below (database drivers, the file system) told in Chinese, with what to do. */
interface CodedError {
  code?: unknown;
  message: string;
}

const MESSAGES: Record<string, string> = {
  SQLITE_BUSY: '数据库正被另一个操作占用(例如另一个导入),请稍后重试',
  SQLITE_CANTOPEN: '无法打开 SQLite 数据库文件:请检查路径和权限',
  SQLITE_READONLY: 'SQLite 数据库文件是只读的:请检查文件权限',
  SQLITE_CORRUPT: 'SQLite 数据库文件已损坏:请从备份恢复',
  SQLITE_NOTADB: '指定的文件不是 SQLite 数据库',
  ECONNREFUSED: '无法连接 PostgreSQL 服务器(连接被拒绝):请检查地址和端口,以及服务器是否在运行',
  ENOTFOUND: '找不到 PostgreSQL 服务器的主机名:请检查数据库地址',
  ETIMEDOUT: '连接 PostgreSQL 服务器超时:请检查网络和地址',
  ENOENT: '找不到文件',
  EACCES: '没有权限读取或写入文件',
  EISDIR: '这是一个文件夹,不是文件',
  '3D000': 'PostgreSQL 中不存在这个数据库:请先创建(createdb 库名)',
  '28P01': 'PostgreSQL 用户名或密码错误',
  '28000': 'PostgreSQL 拒绝了这个用户的连接',
};

const FILE_CODES = new Set(['ENOENT', 'EACCES', 'EISDIR']);

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as CodedError).code;
  const known = typeof code === 'string' ? MESSAGES[code] : undefined;
  if (!known) return error.message;
  const path = (error as { path?: unknown }).path;
  // A file's error is told in full by its path; a database's keeps the driver's words for the administrator.
  if (FILE_CODES.has(code as string)) return typeof path === 'string' ? `${known}: ${path}` : known;
  return `${known}(${error.message})`;
}
