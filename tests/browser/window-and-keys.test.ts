import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEditor, launchBrowser, openEditor, type Runtime, screenshot, startRuntime } from './harness.ts';

// The 24-hour window as the editor shows it: tags on the canvas before
// publishing, and in the chat preview the template that goes once the clock
// has jumped a day. Then the keyboard: copy, paste, delete, undo, redo.

let runtime: Runtime;
let browser: Browser;
let page: Page;
let errors: string[];

const reminder = readFileSync(join(import.meta.dirname, 'fixtures/reminder-next-day.json'), 'utf8');
const card = (name: string) => page.getByRole('region', { name: `Step ${name}` });
const cards = () => page.locator('.react-flow__node');

beforeAll(async () => {
  await buildEditor();
  [runtime, browser] = await Promise.all([startRuntime(), launchBrowser()]);
  ({ page, errors } = await openEditor(browser, runtime));
  await page.getByLabel('Flow file to import').setInputFiles({
    name: 'reminder-next-day.json',
    mimeType: 'application/json',
    buffer: Buffer.from(reminder),
  });
  await card('Reminder').waitFor();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

describe('the 24-hour window', () => {
  it('tags each send on the canvas with where it stands against the window', async () => {
    expect(await card('Confirm booking').locator('.window-tag').textContent()).toBe('24 h: inside the window');
    expect(await card('Reminder').locator('.window-tag').textContent()).toBe('24 h: may be closed, template goes');
    expect(await card('Wait a day').locator('.window-tag').count()).toBe(0);
  });

  it('sends the template instead once the clock has jumped past the window', async () => {
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText(/Published as version/).waitFor();
    await page.getByRole('tab', { name: 'Chat preview' }).click();
    const chat = page.getByRole('complementary', { name: 'Chat preview' });
    await chat.getByRole('button', { name: 'Start chat' }).click();
    await chat.getByLabel('Message as the customer').fill('Book me a ride');
    await chat.getByRole('button', { name: 'Send', exact: true }).click();
    await chat.getByText('Your test ride is booked. We will remind you tomorrow.').waitFor({ timeout: 15_000 });
    expect(await chat.getByText('Reminder: your test ride is today.').count()).toBe(0);
    await chat.getByRole('button', { name: 'Jump 25 hours ahead' }).click();
    await chat.getByText(/the 24-hour window has closed/).waitFor();
    const template = chat.locator('.chat-bot').filter({ hasText: 'Template ride_reminder' });
    await template.waitFor({ timeout: 20_000 });
    expect(await template.textContent()).toContain('Reminder: your test ride is today.');
    await expect.poll(() => card('Reminder').getAttribute('class'), { timeout: 10_000 }).toContain('visited');
    await screenshot(page, 'editor-chat-window-closed');
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('keyboard', () => {
  it('copies, pastes, deletes, undoes and redoes with the usual shortcuts', async () => {
    await page.getByRole('tab', { name: 'Step' }).click();
    await page.getByLabel('Step to edit', { exact: true }).selectOption({ label: 'Reminder' });
    // Shortcuts act on the selection, not on a field being typed in: leave the field first.
    await page.evaluate(() => {
      const active = document.activeElement;
      if (active instanceof HTMLElement) active.blur();
    });
    expect(await cards().count()).toBe(4);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(() => cards().count()).toBe(5);
    await page.keyboard.press('Delete');
    await expect.poll(() => cards().count()).toBe(4);
    await page.keyboard.press('Control+z');
    await expect.poll(() => cards().count()).toBe(5);
    await page.keyboard.press('Control+z');
    await expect.poll(() => cards().count()).toBe(4);
    await page.keyboard.press('Control+y');
    await expect.poll(() => cards().count()).toBe(5);
    expect(await page.locator('.toolbar .dirty').count()).toBe(1);
    await page.keyboard.press('Control+s');
    await page.getByText('Draft saved.').waitFor();
    expect(await page.locator('.toolbar .dirty').count()).toBe(0);
  }, 30_000);
});
