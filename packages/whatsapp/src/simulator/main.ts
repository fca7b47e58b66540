import { z } from 'zod';
import { startSimulator } from './start-simulator.ts';

/**
 * `pnpm sim`: the simulator on its own, for the runtime's sandbox or manual
 * poking with curl. This entry point is its own composition root, so it is the
 * one place in the package that reads the environment.
 */
const Env = z.object({
  SIM_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  SIM_WEBHOOK_URL: z.url().optional(),
  SIM_APP_SECRET: z.string().min(1).optional(),
  SIM_ACCESS_TOKEN: z.string().min(1).optional(),
  SIM_PHONE_NUMBER_ID: z.string().regex(/^\d+$/).optional(),
  SIM_WABA_ID: z.string().regex(/^\d+$/).optional(),
});

const env = Env.safeParse(process.env);
if (!env.success) {
  for (const issue of env.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}

const running = await startSimulator({
  port: env.data.SIM_PORT,
  webhookUrl: env.data.SIM_WEBHOOK_URL,
  appSecret: env.data.SIM_APP_SECRET,
  accessTokens: env.data.SIM_ACCESS_TOKEN === undefined ? undefined : [env.data.SIM_ACCESS_TOKEN],
  phoneNumberId: env.data.SIM_PHONE_NUMBER_ID,
  wabaId: env.data.SIM_WABA_ID,
});
const { options } = running.simulator;
console.log(`WhatsApp Graph API simulator on ${running.url}`);
console.log(`  phone_number_id ${options.phoneNumberId}, waba ${options.wabaId}, token "${options.accessTokens[0]}"`);
console.log(`  webhooks → ${options.webhookUrl ?? '(none; PUT /_sim/webhook-url to set)'}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}
