import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEditor, launchBrowser, openEditor, ROOT, type Runtime, screenshot, startRuntime } from './harness.ts';
import { meaningOf, WELCOME_CONNECTIONS, WELCOME_STEPS } from './welcome-spec.ts';

// One story, in order: a support lead builds the welcome flow from an empty
// canvas through the UI alone, meets two problems and fixes them, publishes,
// and chats with the result. Each `it` continues where the previous one stopped.

let runtime: Runtime;
let browser: Browser;
let page: Page;
let errors: string[];

const field = (label: string) => page.getByLabel(label, { exact: true });
const button = (name: string) => page.getByRole('button', { name, exact: true });
const problems = () => page.getByRole('region', { name: 'Problems' });

async function selectStep(name: string) {
  await page.getByRole('tab', { name: 'Step' }).click();
  await field('Step to edit').selectOption({ label: name });
}

beforeAll(async () => {
  await buildEditor();
  [runtime, browser] = await Promise.all([startRuntime(), launchBrowser()]);
  ({ page, errors } = await openEditor(browser, runtime));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

describe('building the welcome flow in the editor', () => {
  it('creates an empty flow and adds every step through the palette and the inspector', async () => {
    await field('Name of the new flow').fill('Welcome and product finder');
    await button('Create flow').click();
    await expect.poll(() => page.getByRole('application', { name: 'Flow canvas' }).isVisible()).toBe(true);
    for (const step of WELCOME_STEPS) {
      await page.getByRole('tab', { name: 'Step' }).click();
      await field('Step to edit').selectOption({ label: '(none)' });
      await page.getByRole('button', { name: `Add ${step.kind}`, exact: true }).click();
      await field('Name on the canvas').fill(step.label);
      await step.fill(page);
    }
    expect(await page.locator('.react-flow__node').count()).toBe(WELCOME_STEPS.length);
  }, 60_000);

  it('connects every path with the "Connect … to" selects', async () => {
    for (const [from, port, to] of WELCOME_CONNECTIONS) {
      await selectStep(from);
      await field(`Connect “${port}” to`).selectOption({ label: to });
    }
    expect(await page.locator('.react-flow__edge').count()).toBe(WELCOME_CONNECTIONS.length);
  }, 60_000);

  it('sets what the bot is for, how it presents itself, what starts it and its variables', async () => {
    await page.getByRole('tab', { name: 'Flow settings' }).click();
    await field('Description').fill(
      'Greets new customers, asks two qualification questions and routes them to the matching product or to a person.',
    );
    await field('Purpose').selectOption({ label: 'sales' });
    await field('Summary').fill('Helps new customers of Acme Bikes find the right bike and reach a sales person.');
    await field('Topics').fill('city bikes, e-bikes, kids bikes, test rides');
    await field('Bot name').fill('Acme Bikes assistant');
    await field('Disclosure').fill(
      'Hi, I\'m the Acme Bikes automated assistant. Type "agent" at any time to talk to a person.',
    );
    await button('Add trigger').click();
    await field('Trigger 1 starts at').selectOption({ label: 'Greeting' });
    const variables = [
      ['first_name', 'text', "The customer's first name", 'Maria'],
      ['budget', 'number', 'Budget in euros', '900'],
      ['use', 'text', 'What the bike is for', 'commute'],
    ];
    for (const [i, [name, kind, description, example]] of variables.entries()) {
      await button('Add variable').click();
      if (i === 0) {
        // The schema's rule shows while typing, before anything is saved.
        await field('Variable 1 name').fill('First name');
        await page
          .getByText('a variable name uses lowercase letters, digits and "_", starting with a letter')
          .waitFor();
      }
      await field(`Variable ${i + 1} name`).fill(name ?? '');
      await field(`Variable ${i + 1} type`).selectOption({ label: kind ?? '' });
      await field(`Variable ${i + 1} description`).fill(description ?? '');
      await field(`Variable ${i + 1} example`).fill(example ?? '');
    }
    await expect.poll(() => problems().getByRole('heading').textContent()).toMatch(/^(0 errors|No problems)/);
  }, 30_000);

  it('flags a fourth button and an over-long title, and clears both once fixed', async () => {
    await selectStep('Greeting');
    await button('Add button').click();
    const tooMany = problems().locator('[data-code="limits.too_many_buttons"]');
    await expect.poll(() => tooMany.count()).toBe(1);
    const greeting = page.getByRole('region', { name: 'Step Greeting' });
    await expect.poll(() => greeting.getByRole('status').getAttribute('aria-label')).toMatch(/problem/);
    // Publishing is refused, and the refusal says why.
    await button('Publish').click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Not published' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('4 buttons; WhatsApp allows 3');
    await page.getByRole('button', { name: 'Dismiss message' }).click();
    await button('Remove button 4').click();
    await expect.poll(() => tooMany.count()).toBe(0);

    await field('Button 1 title').fill('Find the perfect bike now');
    const tooLong = problems().locator('[data-code="limits.button_title_length"]');
    await expect.poll(() => tooLong.count()).toBe(1);
    expect(await page.locator('.counter-over').first().textContent()).toBe('25 / 20');
    // Picking the problem selects the step and puts the cursor in the field to fix.
    await selectStep('Ask budget');
    await tooLong.click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Button 1 title');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Find a bike');
    await expect.poll(() => tooLong.count()).toBe(0);
    await expect.poll(() => problems().getByRole('heading').textContent()).toMatch(/^(0 errors|No problems)/);
  }, 30_000);

  it('is the same flow as examples/welcome.json, once ids and positions are set aside', async () => {
    const download = page.waitForEvent('download');
    await button('Export').click();
    const path = await (await download).path();
    const built = JSON.parse(readFileSync(path, 'utf8'));
    const example = JSON.parse(readFileSync(join(ROOT, 'examples/welcome.json'), 'utf8'));
    expect(meaningOf(built)).toEqual(meaningOf(example));
    const greeting = page.getByRole('region', { name: 'Step Greeting' });
    const before = await greeting.boundingBox();
    await button('Tidy up').click();
    await expect.poll(async () => JSON.stringify(await greeting.boundingBox())).not.toBe(JSON.stringify(before));
    await screenshot(page, 'editor-canvas-welcome');
  }, 30_000);

  it('publishes, then plays the flow in the chat panel through to the end', async () => {
    await button('Publish').click();
    await expect.poll(() => page.getByText(/Published as version 1/).count()).toBe(1);
    await page.getByRole('tab', { name: 'Chat preview' }).click();
    await button('Start chat').click();
    const chat = page.getByRole('complementary', { name: 'Chat preview' });
    await chat.getByLabel('Message as the customer').fill('Hi');
    await chat.getByRole('button', { name: 'Send' }).click();
    await chat.getByText('Welcome to Acme Bikes! What would you like to do?').waitFor({ timeout: 15_000 });
    await chat.getByRole('button', { name: 'Book a test ride' }).click();
    await chat.getByText(/Test rides are free/).waitFor({ timeout: 15_000 });
    await chat.getByText(/Thanks for chatting with Acme Bikes/).waitFor({ timeout: 15_000 });
    await chat.getByText(/Conversation ended/).waitFor({ timeout: 15_000 });
    // The path taken lights up on the canvas.
    for (const step of ['Greeting', 'Test ride info', 'Goodbye']) {
      await expect
        .poll(() => page.getByRole('region', { name: `Step ${step}` }).getAttribute('class'))
        .toContain('visited');
    }
    expect(await page.getByRole('region', { name: 'Step Ask budget' }).getAttribute('class')).not.toContain('visited');
    await screenshot(page, 'editor-chat-welcome');
    expect(errors).toEqual([]);
  }, 60_000);
});
