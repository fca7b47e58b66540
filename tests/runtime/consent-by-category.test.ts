import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consents, postEvent, sendsTo, templatesReceived, visits } from './both-ways.ts';
import { type RuntimeUnderTest, readFixture, startRuntimeUnderTest, textOf, waitFor } from './runtime-under-test.ts';

/**
 * Consent is kept per category (marketing, utility, authentication), and the
 * sender checks it per category when a template is about to go.
 */
let rt: RuntimeUnderTest;
beforeEach(async () => {
  rt = await startRuntimeUnderTest();
  await rt.publish(readFixture('notify.json'));
  await rt.publish(readFixture('follow-up.json'));
});
afterEach(async () => {
  await rt.close();
});

const MINUTE = 60_000;

async function ledger(phone: string, count: number) {
  return waitFor(`${count} consent records`, async () => {
    const rows = await consents(rt, phone);
    return rows.length >= count ? rows : undefined;
  });
}

/** Posts an event and waits for its template to be received, or for the flow to be told it was not sent. */
async function settle(event: string, phone: string, toldBefore: number) {
  const sent = rt.received(phone).length;
  await postEvent(rt, event, phone);
  await waitFor(`the ${event} template or its not_sent path`, async () => {
    const told = (await visits(rt, 'notify')).told_opted_out ?? 0;
    return rt.received(phone).length > sent || told > toldBefore ? true : undefined;
  });
}

describe('a customer who writes an opt-out word', () => {
  it.each([
    ['STOP', ['marketing', 'utility', 'authentication'], []],
    ['stop promotions', ['marketing'], ['order_update', 'login_code']],
  ])('"%s" records opt-outs of %j, and only those categories stop', async (word, categories, stillSent) => {
    const phone = '4915112380001';
    await rt.customer.sendText(phone, word);
    await waitFor('the opt-out confirmation', () =>
      rt.received(phone).some((body) => textOf(body).includes('unsubscribed')),
    );
    const rows = await ledger(phone, categories.length);
    expect(rows).toHaveLength(categories.length);
    expect(rows.map((row) => row.category).sort()).toEqual([...categories].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ action: 'opt_out', wording: `The customer wrote "${word}".` });
      expect(row.source).toMatch(/^flow:follow-up@1\//);
    }

    await settle('update', phone, 0);
    await settle('code', phone, (await visits(rt, 'notify')).told_opted_out ?? 0);
    expect(templatesReceived(rt, phone)).toEqual(stillSent);
    // What was refused was refused by the runtime itself, never sent to Meta.
    expect(sendsTo(rt, phone).filter((request) => JSON.stringify(request.body).includes('"template"'))).toHaveLength(
      stillSent.length,
    );
    expect((await visits(rt, 'notify')).told_opted_out ?? 0).toBe(2 - stillSent.length);
  });
});

describe("a marketing stop in WhatsApp (Meta's user_preferences webhook)", () => {
  it('blocks the marketing template but not authentication or utility ones', async () => {
    const phone = '4915112380002';
    // The offer goes ten minutes after the opt-in; the customer stops marketing in between.
    await postEvent(rt, 'promo_later', phone);
    await ledger(phone, 1);
    await rt.customer.setMarketingPreference(phone, 'stop');
    const rows = await ledger(phone, 2);
    expect(rows[1]).toMatchObject({ category: 'marketing', action: 'opt_out', source: 'whatsapp_user_preferences' });

    await rt.advance(10 * MINUTE);
    await waitFor('the flow to hear the offer was not sent', async () =>
      (await visits(rt, 'notify')).told_opted_out === 1 ? true : undefined,
    );
    // The runtime held it back itself: Meta never saw it.
    expect(sendsTo(rt, phone, 'spring_sale')).toEqual([]);

    await rt.advance(30 * MINUTE);
    await postEvent(rt, 'code', phone);
    await postEvent(rt, 'update', phone);
    await waitFor('the code and the update', () => templatesReceived(rt, phone).length >= 2);
    expect(templatesReceived(rt, phone).sort()).toEqual(['login_code', 'order_update']);
  });

  it('resumed, restores the opt-in the customer had before the stop', async () => {
    const phone = '4915112380003';
    await postEvent(rt, 'promo_later', phone);
    await ledger(phone, 1);
    await rt.customer.setMarketingPreference(phone, 'stop');
    await rt.customer.setMarketingPreference(phone, 'resume');
    const rows = await ledger(phone, 3);
    expect(rows.map((row) => `${row.category} ${row.action}`)).toEqual([
      'marketing opt_in',
      'marketing opt_out',
      'marketing resume',
    ]);
    await rt.advance(10 * MINUTE);
    await waitFor('the offer', () => templatesReceived(rt, phone).includes('spring_sale'));
    expect((await visits(rt, 'notify')).told_opted_out).toBeUndefined();
  });
});
