import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './index.ts';
import { edgesAsPorts } from './v1-edges-as-ports.ts';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8'));

describe('migration edges-as-ports (v0 → v1)', () => {
  it('turns the pre-release welcome flow into the v1 document', () => {
    expect(edgesAsPorts.up(fixture('v0-welcome.json'))).toEqual(fixture('v1-welcome.json'));
  });

  it('maps a missing, null or empty handle to the single output "next"', () => {
    const migrated = edgesAsPorts.up({
      edges: [
        { id: 'a', source: 'x', target: 'y' },
        { id: 'b', source: 'x', sourceHandle: null, target: 'y' },
        { id: 'c', source: 'x', sourceHandle: '', target: 'y' },
        { id: 'd', source: 'x', sourceHandle: 'button:yes', target: 'y' },
      ],
    });
    expect(migrated.edges).toEqual([
      { id: 'a', from: { node: 'x', port: 'next' }, to: { node: 'y' } },
      { id: 'b', from: { node: 'x', port: 'next' }, to: { node: 'y' } },
      { id: 'c', from: { node: 'x', port: 'next' }, to: { node: 'y' } },
      { id: 'd', from: { node: 'x', port: 'button:yes' }, to: { node: 'y' } },
    ]);
  });

  it('keeps an explicit botLabel over the old bot field, and leaves odd edges for the schema to report', () => {
    const migrated = edgesAsPorts.up({ bot: { name: 'old' }, botLabel: { name: 'new' }, edges: ['junk'] });
    expect(migrated).toEqual({ schemaVersion: 1, botLabel: { name: 'new' }, edges: ['junk'] });
  });

  it('is listed in order, each migration one version above the last', () => {
    expect(MIGRATIONS.map((m) => m.to)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});
