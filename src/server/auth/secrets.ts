import { createHash, randomBytes } from 'node:crypto';
import type { Secrets } from '../../core/ports';
import { dummyVerify, hashPassword, verifyPassword } from './password';

const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('hex');

export const secrets: Secrets = {
  hashPassword,
  verifyPassword,
  dummyVerify,
  newSessionToken() {
    const token = randomBytes(32).toString('base64url');
    return { token, id: sessionIdOf(token) };
  },
  sessionIdOf,
};
