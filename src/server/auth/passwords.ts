/** Password hashing with Argon2id (memory-hard, as 等保2.0 expects of stored credentials). */
import { hash, verify } from '@node-rs/argon2';
import { passwordProblems } from '../../core/access/password.js';

// OWASP's minimum for Argon2id: 19 MiB, 2 passes. About 30 ms a hash on one core.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A password for a new account that passes the complexity rule: shown once, changed at first login.
 * Four groups of four from 56 letters and digits without look-alikes (about 90 bits), joined by '-',
 * with an upper-case letter somewhere in the first half and a digit somewhere in the second.
 */
export function generatePassword(random: (n: number) => Buffer, username = ''): string {
  // A draw can break the rule (four equal characters in a row, once in ~40 000): draw again.
  for (let attempt = 0; attempt < 100; attempt++) {
    const password = drawPassword(random);
    if (passwordProblems(password, username).length === 0) return password;
  }
  throw new Error('the random source gives no acceptable password');
}

function drawPassword(random: (n: number) => Buffer): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const bytes = random(18);
  const pick = (set: string, i: number): string => set[(bytes[i] ?? 0) % set.length] ?? 'x';
  const chars = Array.from({ length: 16 }, (_, i) => pick(alphabet, i));
  chars[(bytes[16] ?? 0) % 8] = pick('ABCDEFGHJKLMNPQRSTUVWXYZ', 16);
  chars[8 + ((bytes[17] ?? 0) % 8)] = pick('23456789', 17);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
