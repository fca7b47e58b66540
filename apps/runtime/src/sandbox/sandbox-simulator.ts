import { type Simulator, startSimulator } from '@parley/whatsapp/simulator';
import type { SandboxPort } from '../api/sandbox-routes.ts';
import { templateSeedsOf } from './template-seeds.ts';

export type SandboxSimulator = { url: string; simulator: Simulator; port: SandboxPort; stop: () => Promise<void> };

/**
 * Starts the built-in simulator on its own 127.0.0.1 port, posting signed
 * webhooks to the runtime exactly as Meta does, and adapts it to the
 * sandbox routes: play a customer, and jump its clock with the runtime's.
 */
export async function startSandboxSimulator(options: {
  accessToken: string;
  appSecret: string;
  phoneNumberId: string;
  webhookUrl: string;
}): Promise<SandboxSimulator> {
  const running = await startSimulator({
    accessTokens: [options.accessToken],
    appSecret: options.appSecret,
    phoneNumberId: options.phoneNumberId,
    webhookUrl: options.webhookUrl,
  });
  return {
    url: running.url,
    simulator: running.simulator,
    port: sandboxPortOf(running.simulator),
    stop: running.close,
  };
}

export function sandboxPortOf(simulator: Simulator): SandboxPort {
  const { customer } = simulator;
  return {
    async sendAsCustomer(phone, message) {
      const result = await (() => {
        switch (message.type) {
          case 'text':
            return customer.sendText(phone, message.text);
          case 'button':
            return customer.tapButton(phone, message.id, message.title);
          case 'list':
            return customer.pickListRow(phone, message.id, message.title);
          case 'location':
            return customer.shareLocation(phone, { latitude: message.latitude, longitude: message.longitude });
        }
      })();
      const outcome = result.delivery.outcome;
      if (outcome === 'failed' || outcome === 'dropped') {
        return { ok: false, message: `the webhook was not accepted (${result.delivery.lastError ?? outcome})` };
      }
      return { ok: true };
    },
    advanceClock: (ms) => {
      simulator.clock.advance(ms);
    },
    registerTemplates: (flow) => {
      for (const seed of templateSeedsOf(flow)) {
        if (!simulator.templates.find(seed.name, seed.language)) simulator.templates.add(seed);
      }
    },
  };
}
