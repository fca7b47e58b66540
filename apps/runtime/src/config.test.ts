import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';

const meta = {
  WA_ACCESS_TOKEN: 'EAAG-secret-token-value',
  WA_PHONE_NUMBER_ID: '106540352242922',
  WA_APP_SECRET: 'app-secret-value-123',
  WA_VERIFY_TOKEN: 'verify',
  PARLEY_ADMIN_TOKEN: 'admin-token-0123456789',
};

describe('parseConfig', () => {
  it('runs in sandbox mode with defaults when no Meta variable is set', () => {
    const result = parseConfig({});
    expect(result).toMatchObject({
      ok: true,
      config: { mode: 'sandbox', port: 3000, dbPath: './data/parley.db', sendRate: 80, apiVersion: 'v25.0' },
    });
  });

  it('runs live with all four Meta variables and an admin token', () => {
    expect(parseConfig(meta)).toMatchObject({
      ok: true,
      config: { mode: 'live', meta: { phoneNumberId: '106540352242922' } },
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PARLEY_SEND_RATE: '0' }, 'PARLEY_SEND_RATE'],
    [{ PARLEY_TIER_LIMIT: '2.5' }, 'PARLEY_TIER_LIMIT'],
    [{ WA_API_VERSION: '25' }, 'WA_API_VERSION'],
    [{ WA_GRAPH_URL: 'not a url' }, 'WA_GRAPH_URL'],
    [{ PARLEY_ADMIN_TOKEN: 'short' }, 'PARLEY_ADMIN_TOKEN'],
    [{ WA_ACCESS_TOKEN: 'x' }, 'WA_APP_SECRET'],
    [{ ...meta, PARLEY_ADMIN_TOKEN: undefined }, 'PARLEY_ADMIN_TOKEN'],
  ])('names the variable in error for %o', (env, variable) => {
    const result = parseConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.some((error) => error.startsWith(`${variable}:`))).toBe(true);
  });

  it('never repeats a secret value in its errors', () => {
    const result = parseConfig({ WA_ACCESS_TOKEN: meta.WA_ACCESS_TOKEN, WA_APP_SECRET: meta.WA_APP_SECRET });
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result);
    expect(text).not.toContain(meta.WA_ACCESS_TOKEN);
    expect(text).not.toContain(meta.WA_APP_SECRET);
  });
});
