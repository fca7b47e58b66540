import { z } from 'zod';

/**
 * The runtime's configuration, read from the environment once by main.ts.
 * Without Meta credentials the runtime runs in sandbox mode against the
 * built-in simulator; with them it talks to Meta and nothing else changes.
 */
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return fallback;
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed <= 0) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number above 0, got "${value}"` });
        return z.NEVER;
      }
      return parsed;
    });

const EnvSchema = z.object({
  WA_ACCESS_TOKEN: optionalText,
  WA_PHONE_NUMBER_ID: optionalText,
  WA_APP_SECRET: optionalText,
  WA_VERIFY_TOKEN: optionalText,
  WA_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'must look like "v25.0"')
    .default('v25.0'),
  WA_GRAPH_URL: z.url('must be a URL such as https://graph.facebook.com').default('https://graph.facebook.com'),
  PARLEY_ADMIN_TOKEN: optionalText.refine((value) => value === undefined || value.length >= 16, {
    message: 'must be at least 16 characters',
  }),
  PARLEY_DB: z.string().min(1, 'must be a file path').default('./data/parley.db'),
  PORT: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return 3000;
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
        ctx.addIssue({ code: 'custom', message: `must be a port number from 0 to 65535, got "${value}"` });
        return z.NEVER;
      }
      return parsed;
    }),
  /** Messages per second the sender allows itself per phone number (Meta's default cap is 80). */
  PARLEY_SEND_RATE: positiveInt(80),
  /** Business-initiated conversations (unique contacts reached outside the window) per moving 24 h. */
  PARLEY_TIER_LIMIT: positiveInt(250),
  /** Messages a contact may receive in one burst before the 1-per-6-seconds pair rate applies. */
  PARLEY_PAIR_BURST: positiveInt(20),
  PARLEY_HOST: z.string().default('127.0.0.1'),
});

export type Config = {
  mode: 'sandbox' | 'live';
  /** Present in live mode; in sandbox mode the simulator's credentials are generated at start. */
  meta?: { accessToken: string; phoneNumberId: string; appSecret: string; verifyToken: string };
  apiVersion: string;
  graphUrl: string;
  adminToken?: string;
  dbPath: string;
  port: number;
  host: string;
  sendRate: number;
  tierLimit: number;
  pairBurst: number;
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

const META_VARIABLES = ['WA_ACCESS_TOKEN', 'WA_PHONE_NUMBER_ID', 'WA_APP_SECRET', 'WA_VERIFY_TOKEN'] as const;

/** Parses the environment; every error names the variable and the rule, never its value if it is a secret. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')}: ${issue.message}`),
    };
  }
  const e = parsed.data;
  const present = META_VARIABLES.filter((name) => e[name] !== undefined);
  if (present.length > 0 && present.length < META_VARIABLES.length) {
    const missing = META_VARIABLES.filter((name) => e[name] === undefined);
    return {
      ok: false,
      errors: missing.map(
        (name) =>
          `${name}: is required when ${present.join(', ')} ${present.length === 1 ? 'is' : 'are'} set (set all four Meta variables, or none for sandbox mode)`,
      ),
    };
  }
  const base = {
    apiVersion: e.WA_API_VERSION,
    graphUrl: e.WA_GRAPH_URL,
    adminToken: e.PARLEY_ADMIN_TOKEN,
    dbPath: e.PARLEY_DB,
    port: e.PORT,
    host: e.PARLEY_HOST,
    sendRate: e.PARLEY_SEND_RATE,
    tierLimit: e.PARLEY_TIER_LIMIT,
    pairBurst: e.PARLEY_PAIR_BURST,
  };
  if (
    e.WA_ACCESS_TOKEN !== undefined &&
    e.WA_PHONE_NUMBER_ID !== undefined &&
    e.WA_APP_SECRET !== undefined &&
    e.WA_VERIFY_TOKEN !== undefined
  ) {
    if (e.PARLEY_ADMIN_TOKEN === undefined) {
      return { ok: false, errors: ['PARLEY_ADMIN_TOKEN: is required with Meta credentials (at least 16 characters)'] };
    }
    return {
      ok: true,
      config: {
        ...base,
        mode: 'live',
        meta: {
          accessToken: e.WA_ACCESS_TOKEN,
          phoneNumberId: e.WA_PHONE_NUMBER_ID,
          appSecret: e.WA_APP_SECRET,
          verifyToken: e.WA_VERIFY_TOKEN,
        },
      },
    };
  }
  return { ok: true, config: { ...base, mode: 'sandbox' } };
}
