import { describe, expect, it } from 'vitest';
import { ACCEPTED_LIMITS, EDITOR_LIMITS, LIMITS, type Limit, type LimitName } from './limits.ts';

const names = Object.keys(LIMITS) as LimitName[];
const editorNames = Object.keys(EDITOR_LIMITS) as (keyof typeof EDITOR_LIMITS)[];

describe('the limits table', () => {
  it('gives every limit a reference section and exactly one of the three shapes', () => {
    const shapes = new Set(['limit,ref', 'accepted,editor,ref,why', 'accepted,ref,why']);
    for (const name of names) {
      const entry: Limit = LIMITS[name];
      expect(shapes, name).toContain(Object.keys(entry).sort().join(','));
      expect(entry.ref, name).toMatch(/^§\d+(\.\d+)?$/);
      if ('why' in entry) expect(entry.why.length, name).toBeGreaterThan(20);
    }
  });

  it('holds the editor to no more than Meta accepts', () => {
    for (const name of editorNames) expect(EDITOR_LIMITS[name], name).toBeLessThanOrEqual(ACCEPTED_LIMITS[name]);
  });

  it('lets the editor allow less than Meta only for the list body', () => {
    expect(editorNames.filter((name) => EDITOR_LIMITS[name] !== ACCEPTED_LIMITS[name])).toEqual(['listBody']);
  });

  it('leaves out of the editor exactly the limits that only payloads are checked against', () => {
    expect(names.filter((name) => !editorNames.includes(name as (typeof editorNames)[number]))).toEqual([
      'templateBodyOnlyParameter',
      'templateParameterName',
      'phoneDigitsMin',
      'phoneDigitsMax',
      'bsuidMax',
    ]);
  });

  it('keeps every body parameter the editor allows within what a body-only template accepts', () => {
    expect(EDITOR_LIMITS.templateBodyParameter).toBeLessThanOrEqual(ACCEPTED_LIMITS.templateBodyOnlyParameter);
  });

  it.each([
    ['listBody', 1024, 4096],
    ['textBody', 4096, 4096],
    ['replyButtonTitle', 20, 20],
    ['templateBodyParameter', 1024, 1024],
    ['callbackData', 512, 512],
  ] as const)('reads %s as %i in the editor and %i in payloads', (name, editor, accepted) => {
    expect(EDITOR_LIMITS[name]).toBe(editor);
    expect(ACCEPTED_LIMITS[name]).toBe(accepted);
  });

  it.each([
    ['templateBodyOnlyParameter', 32_768],
    ['phoneDigitsMin', 8],
    ['phoneDigitsMax', 15],
  ] as const)('reads %s as %i in payloads only', (name, accepted) => {
    expect(ACCEPTED_LIMITS[name]).toBe(accepted);
    expect(Object.hasOwn(EDITOR_LIMITS, name)).toBe(false);
  });
});
