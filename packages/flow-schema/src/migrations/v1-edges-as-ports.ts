import type { Migration } from './index.ts';

/**
 * Pre-release documents (no `schemaVersion`) were saved straight from the
 * canvas: edges in the canvas library's shape `{id, source, sourceHandle,
 * target}` and the bot's identity under `bot`. v1 stores each edge once as
 * `{id, from: {node, port}, to: {node}}` and names the identity `botLabel`.
 * A missing handle was the single output of a node, now called `next`.
 */
export const edgesAsPorts: Migration = {
  to: 1,
  name: 'edges-as-ports',
  up(document) {
    const { bot, edges, ...rest } = document;
    const migrated: Record<string, unknown> = { ...rest, schemaVersion: 1 };
    if (bot !== undefined && migrated.botLabel === undefined) migrated.botLabel = bot;
    if (Array.isArray(edges)) migrated.edges = edges.map(liftEdge);
    return migrated;
  },
};

function liftEdge(edge: unknown): unknown {
  if (typeof edge !== 'object' || edge === null || !('source' in edge) || !('target' in edge)) return edge;
  const handle = 'sourceHandle' in edge ? edge.sourceHandle : undefined;
  return {
    id: 'id' in edge ? edge.id : undefined,
    from: { node: edge.source, port: typeof handle === 'string' && handle !== '' ? handle : 'next' },
    to: { node: edge.target },
  };
}
