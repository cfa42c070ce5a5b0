import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { limits } from '@tcxd/contract';

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes).
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1, algorithm: 2 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** Checks a password against a stored hash; false on any malformed hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

// A hash of a random password, verified against when the user does not exist so that
// timing does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(generatePassword());
  return dummyHash;
}

const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of 16 characters without look-alike letters. */
export function generatePassword(length = 16): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordWeakness(password: string, username: string): { vi: string; en: string } | null {
  if (password.length < limits.passwordMin)
    return { vi: `cần ít nhất ${limits.passwordMin} ký tự`, en: `needs at least ${limits.passwordMin} characters` };
  if (password.toLowerCase().includes(username.toLowerCase()))
    return { vi: 'không được chứa tên đăng nhập', en: 'must not contain the username' };
  if (new Set(password).size < 5)
    return { vi: 'quá ít ký tự khác nhau', en: 'too few distinct characters' };
  return null;
}
