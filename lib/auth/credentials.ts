import { z } from 'zod';

export const PASSWORD_MIN = 8;

export const signInSchema = z.object({
  email: z.email('Enter a valid email address').trim().toLowerCase().max(254),
  password: z.string().min(1, 'Enter your password').max(200),
});

export const signUpSchema = z.object({
  name: z.string().trim().min(1, 'Tell us what to call you').max(80, 'Name must be at most 80 characters'),
  email: z.email('Enter a valid email address').trim().toLowerCase().max(254),
  password: z
    .string()
    .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
    .max(200, 'Password must be at most 200 characters'),
  // An invite token (instance or team invite) the sign-up came with; checked by the server, never trusted.
  invite: z.string().max(100).optional(),
});

export type SignUpInput = z.input<typeof signUpSchema>;
