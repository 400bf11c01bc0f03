import { z } from 'zod';
import { RoleSchema } from './enums.js';

/** system.config (no input) — what a client needs before anything else. */
export const PublicConfigOutputSchema = z.object({
  publishableKey: z.string().meta({ description: 'Stripe publishable key to load Stripe.js with.' }),
  stripeJsUrl: z
    .string()
    .nullable()
    .meta({ description: "Where to load Stripe.js from when it is not Stripe's own (the local emulator)." }),
  emulator: z.boolean().meta({ description: 'True when the server talks to the local Stripe emulator.' }),
  demo: z
    .object({
      password: z.string(),
      accounts: z.array(z.object({ email: z.string(), name: z.string(), role: RoleSchema })),
    })
    .nullable()
    .meta({ description: 'The seeded demo logins; only against the emulator, never in production.' }),
});
export type PublicConfigOutput = z.infer<typeof PublicConfigOutputSchema>;
