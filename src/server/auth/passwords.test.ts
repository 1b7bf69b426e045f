import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { passwordProblems } from '../../core/access/password.js';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('generates passwords that always meet the complexity rule and are all different', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const p = generatePassword((n) => randomBytes(n));
      expect(passwordProblems(p, 'admin')).toEqual([]);
      seen.add(p);
    }
    expect(seen.size).toBe(2000);
  });

  it('draws again rather than give a password with four equal characters in a row', () => {
    let call = 0;
    const p = generatePassword((n) => (call++ === 0 ? Buffer.alloc(n, 0) : randomBytes(n)));
    expect(call).toBeGreaterThan(1);
    expect(passwordProblems(p, 'nobody')).toEqual([]);
  });

  it('hashes with Argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('Right-Passw0rd');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'Right-Passw0rd')).toBe(true);
    expect(await verifyPassword(hash, 'Wrong-Passw0rd')).toBe(false);
    expect(await verifyPassword('not a hash', 'Right-Passw0rd')).toBe(false);
  });
});
