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
  email: z.string().trim().max(200).email('电子邮箱格式不正确 / not a valid e-mail address').nullable().optional().or(z.literal('')),
});
export type NewUserInput = z.infer<typeof NewUserInput>;

/** Roles whose users act for one organisation and so must name it. */
export const ROLES_NEEDING_ORG = ['department', 'county', 'enterprise'] as const;

export const EMAIL = z.string().trim().max(200).email('电子邮箱格式不正确 / not a valid e-mail address');

/** An administrator's edit of a user; only the given fields change. `orgCode` null clears it. */
export const UserUpdateInput = z.object({
  rowVersion: z.number().int().min(1),
  displayName: z.string().trim().min(1).max(100).optional(),
  role: z.enum(ROLES).optional(),
  orgCode: z.string().trim().min(1).nullable().optional(),
  email: z.union([EMAIL, z.literal('')]).nullable().optional(),
  active: z.boolean().optional(),
});
export type UserUpdateInput = z.infer<typeof UserUpdateInput>;

export const ResetPasswordInput = z.object({
  rowVersion: z.number().int().min(1),
  /** Omitted: a random password is made and returned once. */
  password: PASSWORD.optional(),
});
