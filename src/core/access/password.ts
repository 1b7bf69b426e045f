/** The password rule 等保2.0 asks for: length and mixed character classes. */

export const MIN_PASSWORD_LENGTH = 10;

/** Chinese reasons the password is refused; empty when it is acceptable. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(`密码至少 ${MIN_PASSWORD_LENGTH} 位`);
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、特殊字符中的至少三类');
  if (username !== '' && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  if (/(.)\1\1\1/.test(password)) problems.push('密码不能含有连续四个相同的字符');
  return problems;
}

/** A new password may not be any of the user's last this many (the current one included). */
export const REMEMBERED_PASSWORDS = 5;

/** Whether a password set at `changedAt` is older than `maxAgeDays` (0: passwords never expire). */
export function passwordExpired(changedAt: string, now: Date, maxAgeDays: number): boolean {
  if (maxAgeDays <= 0) return false;
  return now.getTime() - Date.parse(changedAt) > maxAgeDays * 86_400_000;
}
