import { edgesAsPorts } from './v1-edges-as-ports.ts';

/**
 * A migration lifts a raw document from `to - 1` to `to`. Migrations work on
 * plain JSON (the document is not trusted yet), are pure, and are never edited
 * once released: a change of shape or of a default is a new migration.
 */
export type Migration = {
  to: number;
  name: string;
  up: (document: Record<string, unknown>) => Record<string, unknown>;
};

/** Every migration, in order. `loadFlow` applies those above a document's version. */
export const MIGRATIONS: readonly Migration[] = [edgesAsPorts];
