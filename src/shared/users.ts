import { z } from 'zod';
import { ROLES } from './roles';

export const USERNAME = z
  .string()
  .trim()
  .min(2, '用户名至少2个字符 / username needs at least 2 characters')
  .max(40)
  .regex(/^[a-zA-Z0-9_.-]+$/, '用户名只能包含字母、数字、_ . - / username: letters, digits, _ . - only');

export const PASSWORD = z
  .string()
  .min(8, '密码至少8位 / password needs at least 8 characters')
  .max(200);

export const LoginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });
export type LoginBody = z.infer<typeof LoginBody>;

export const NewUserInput = z.object({
  username: USERNAME,
  password: PASSWORD,
  role: z.enum(ROLES),
  orgCode: z.string().nullable().optional(),
  displayName: z.string().min(1).max(100).optional(),
});
export type NewUserInput = z.infer<typeof NewUserInput>;

/** Roles whose users act for one organisation and so must name it. */
export const ROLES_NEEDING_ORG = ['department', 'county', 'enterprise'] as const;
