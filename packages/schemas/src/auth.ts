import { z } from 'zod';
import { RoleSchema } from './enums.js';
import { dateTimeField, idField, inputObject, textField, typeError } from './fields.js';

/** An email address, trimmed and lowercased before it is checked. */
export const EmailSchema = z
  .string({ error: typeError('email', 'a string') })
  .trim()
  .toLowerCase()
  .max(254, { error: 'email must be at most 254 characters' })
  .check(z.email({ error: 'email must be a valid email address, like name@example.com' }));
export type Email = z.infer<typeof EmailSchema>;

/** Sign-in only checks presence and a sane length; the password policy lives where accounts are created. */
export const PasswordSchema = z
  .string({ error: typeError('password', 'a string') })
  .min(1, { error: 'password must not be empty' })
  .max(1024, { error: 'password must be at most 1024 characters' });

export const UserSchema = z.object({
  id: idField('id'),
  email: EmailSchema,
  name: textField('name', { max: 200 }),
  role: RoleSchema,
});
export type User = z.infer<typeof UserSchema>;

/** auth.signIn */
export const SignInInputSchema = inputObject('signIn', { email: EmailSchema, password: PasswordSchema });
export type SignInInput = z.infer<typeof SignInInputSchema>;

export const SignInOutputSchema = z.object({
  accessToken: z.string().min(1).meta({ description: 'JWT to send as `Authorization: Bearer <token>`.' }),
  expiresAt: dateTimeField('expiresAt'),
  user: UserSchema,
});
export type SignInOutput = z.infer<typeof SignInOutputSchema>;

/** auth.me (no input) */
export const MeOutputSchema = UserSchema;
export type MeOutput = z.infer<typeof MeOutputSchema>;
