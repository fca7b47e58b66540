import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, Flow } from './flow.ts';
import { loadFlow } from './load-flow.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

describe('loadFlow', () => {
  it('reads a current document as it is, with defaults filled in', () => {
    const result = loadFlow({ schemaVersion: 1, id: 'tiny', name: 'Tiny', nodes: [{ id: 'bye', kind: 'end' }] });
    expect(result).toMatchObject({ ok: true, fromVersion: 1, migrations: [] });
    if (!result.ok) return;
    expect(result.flow.settings).toEqual({ language: 'en_US', sessionTimeoutMinutes: 1440, handoffKeyword: 'agent' });
    expect(result.flow.nodes[0]).toEqual({ id: 'bye', kind: 'end', position: { x: 0, y: 0 } });
  });

  it('treats a document without schemaVersion as pre-release (version 0) and migrates it', () => {
    const result = loadFlow(fixture('v0-welcome.json'));
    expect(result).toMatchObject({ ok: true, fromVersion: 0, migrations: ['edges-as-ports'] });
    if (!result.ok) return;
    expect(result.flow).toEqual(Flow.parse(fixture('v1-welcome.json')));
  });

  it('refuses a document from a newer Parley and says what to do', () => {
    const result = loadFlow({ schemaVersion: CURRENT_SCHEMA_VERSION + 1, nodes: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('load.newer_version');
    expect(result.error.message).toContain(`schema ${CURRENT_SCHEMA_VERSION + 1}`);
    expect(result.error.message).toContain('Update Parley');
  });

  it.each([
    ['null', null],
    ['a string', 'flow'],
    ['a number', 42],
    ['an array', [{ nodes: [] }]],
    ['an object with neither version nor nodes', { name: 'shop' }],
  ])('says %s is not a flow', (_, input) => {
    const result = loadFlow(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('load.not_a_flow');
  });

  it.each([
    ['a fraction', 1.5],
    ['a negative number', -1],
    ['text', '1'],
  ])('rejects %s as schemaVersion', (_, schemaVersion) => {
    const result = loadFlow({ schemaVersion, nodes: [] });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({ code: 'load.bad_version', issues: [{ path: 'schemaVersion' }] });
  });

  it('names each field that breaks the schema and its rule', () => {
    const result = loadFlow({
      schemaVersion: 1,
      id: 'shop',
      name: '',
      nodes: [
        { id: 'a', kind: 'text' },
        { id: 'b', kind: 'teleport' },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('load.invalid');
    expect(result.error.issues).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'a flow needs a name' },
        { path: 'nodes[0].text', message: 'is required (string)' },
        { path: 'nodes[1].kind', message: expect.stringContaining('unknown kind') },
      ]),
    );
    expect(result.error.message).toMatch(/^This flow file has a problem\. .+ \(and \d+ more problems?\)\.$/);
  });

  it('never throws, whatever it is given', () => {
    for (const input of [undefined, true, {}, { nodes: 'many' }, { schemaVersion: 0, nodes: [], edges: [1, null] }]) {
      expect(() => loadFlow(input)).not.toThrow();
    }
  });
});
