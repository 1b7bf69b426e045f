/** Password hashing with Argon2id (memory-hard, as 等保2.0 expects of stored credentials). */
import { hash, verify } from '@node-rs/argon2';

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

/** A password for a new account that passes the complexity rule: shown once, changed at first login. */
export function generatePassword(random: (n: number) => Buffer): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const bytes = random(12);
  let body = '';
  for (const b of bytes) body += alphabet[b % alphabet.length];
  return `${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}#7a`;
}
