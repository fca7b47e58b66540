import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFlow } from '@parley/flow-schema';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEditor, launchBrowser, openEditor, ROOT, type Runtime, screenshot, startRuntime } from './harness.ts';

// Every example must survive the editor untouched: import it, see no errors,
// export it, and get the same document back. Files that are not flows are
// refused with a message a marketer can act on.

let runtime: Runtime;
let browser: Browser;
let page: Page;
let errors: string[];

const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => /^[a-z-]+\.json$/.test(f));

const problemsHeading = () => page.getByRole('region', { name: 'Problems' }).getByRole('heading');

function parsed(text: string) {
  const loaded = loadFlow(JSON.parse(text));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.flow;
}

async function exportText(): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  return readFileSync(await (await download).path(), 'utf8');
}

async function importFromList(name: string, text: string) {
  await page
    .getByLabel('Flow file to import')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function backToList() {
  await page.getByRole('button', { name: 'Back to all flows' }).click();
  await page.getByRole('heading', { name: 'Your flows' }).waitFor();
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

describe('the flow list', () => {
  it('shows the live version, duplicates a flow and deletes the copy', async () => {
    const row = (name: string) => page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });
    expect(await row('Welcome and product finder').getByRole('cell').nth(1).textContent()).toBe('Version 1');
    await page.getByRole('button', { name: 'Duplicate Welcome and product finder', exact: true }).click();
    const copy = row('Welcome and product finder (copy)');
    await copy.waitFor();
    expect(await copy.getByRole('cell').nth(1).textContent()).toBe('Draft only');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete Welcome and product finder (copy)', exact: true }).click();
    await expect.poll(() => copy.count()).toBe(0);
    expect(await row('Welcome and product finder').count()).toBe(1);
  });
});

describe('importing and exporting flow files', () => {
  it('finds the examples to check', () => {
    expect(EXAMPLES).toEqual(expect.arrayContaining(['welcome.json', 'order-journey.json', 'support-triage.json']));
  });

  it.each(EXAMPLES)(
    'imports %s with no errors and exports the same document',
    async (file) => {
      const original = readFileSync(join(ROOT, 'examples', file), 'utf8');
      await importFromList(file, original);
      await page.getByRole('heading', { name: parsed(original).name }).waitFor();
      await expect.poll(() => problemsHeading().textContent()).toMatch(/^(No problems|0 errors)/);
      const exported = await exportText();
      expect(parsed(exported)).toEqual(parsed(original));
      // Exported once, the file is a fixed point: importing and exporting it again changes nothing.
      await page
        .getByLabel('Flow file to import')
        .setInputFiles({ name: file, mimeType: 'application/json', buffer: Buffer.from(exported) });
      await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
      expect(await exportText()).toBe(exported);
      if (file === 'order-journey.json') await screenshot(page, 'editor-canvas-order-journey');
      await backToList();
    },
    30_000,
  );

  it.each([
    ['notes.txt', 'shopping: milk, bread', 'is not a flow file: it does not contain JSON'],
    ['list.json', '{"title": "groceries", "items": ["milk"]}', 'This is not a Parley flow'],
    ['future.json', '{"schemaVersion": 99, "id": "x", "name": "X", "nodes": []}', 'saved by a newer Parley'],
  ])('refuses %s with a clear message', async (name, text, message) => {
    await importFromList(name, text);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(message);
  });

  it('opens a flow file dropped onto the canvas, and explains one that is not a flow', async () => {
    await page.getByLabel('Name of the new flow').fill('Drop target');
    await page.getByRole('button', { name: 'Create flow', exact: true }).click();
    const canvas = page.getByRole('application', { name: 'Flow canvas' });
    await canvas.waitFor();
    const drop = async (name: string, text: string) => {
      const transfer = await page.evaluateHandle(
        ([fileName, content]) => {
          const data = new DataTransfer();
          data.items.add(new File([content ?? ''], fileName ?? 'file', { type: 'application/json' }));
          return data;
        },
        [name, text],
      );
      await canvas.dispatchEvent('drop', { dataTransfer: transfer });
    };
    await drop('broken.json', '{ not json');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('“broken.json” is not a flow file');
    const triage = readFileSync(join(ROOT, 'examples/support-triage.json'), 'utf8');
    await drop('support-triage.json', triage);
    await page.getByRole('heading', { name: parsed(triage).name }).waitFor();
    expect(parsed(await exportText())).toEqual(parsed(triage));
    expect(errors).toEqual([]);
  }, 30_000);
});
