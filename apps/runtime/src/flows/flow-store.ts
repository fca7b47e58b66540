import { Flow } from '@parley/flow-schema';
import { and, desc, eq, max } from 'drizzle-orm';
import { readJson, writeJson } from '../db/json.ts';
import type { Db, Store } from '../db/open-database.ts';
import { flows, flowVersions } from '../db/schema.ts';

export type FlowSummaryRow = { id: string; name: string; description: string; updatedAt: number; draft: Flow };
export type PublishedFlow = { flow: Flow; version: number; publishedAt: number };

/**
 * Drafts and their immutable published versions. Versions never change once
 * written, so parsed copies are cached for the processor's hot path.
 */
export type FlowStore = ReturnType<typeof createFlowStore>;

export function createFlowStore(db: Db) {
  const versionCache = new Map<string, PublishedFlow>();

  const readVersion = (store: Store, flowId: string, version: number): PublishedFlow | undefined => {
    const cacheKey = `${flowId}@${version}`;
    const cached = versionCache.get(cacheKey);
    if (cached) return cached;
    const row = store
      .select()
      .from(flowVersions)
      .where(and(eq(flowVersions.flowId, flowId), eq(flowVersions.version, version)))
      .get();
    if (!row) return undefined;
    const published = { flow: readJson(Flow, row.document, 'flow version'), version, publishedAt: row.publishedAt };
    versionCache.set(cacheKey, published);
    return published;
  };

  return {
    list(): FlowSummaryRow[] {
      return db
        .select()
        .from(flows)
        .orderBy(flows.name)
        .all()
        .map((row) => ({ ...row, draft: readJson(Flow, row.draft, 'flow draft') }));
    },
    getDraft(id: string): { flow: Flow; updatedAt: number } | undefined {
      const row = db.select().from(flows).where(eq(flows.id, id)).get();
      return row ? { flow: readJson(Flow, row.draft, 'flow draft'), updatedAt: row.updatedAt } : undefined;
    },
    exists(id: string): boolean {
      return db.select({ id: flows.id }).from(flows).where(eq(flows.id, id)).get() !== undefined;
    },
    saveDraft(flow: Flow, now: number): void {
      db.insert(flows)
        .values({
          id: flow.id,
          name: flow.name,
          description: flow.description,
          draft: writeJson(flow),
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: flows.id,
          set: { name: flow.name, description: flow.description, draft: writeJson(flow), updatedAt: now },
        })
        .run();
    },
    delete(id: string): boolean {
      // Published versions stay: running sessions are pinned to them.
      return db.delete(flows).where(eq(flows.id, id)).run().changes > 0;
    },
    /** Copies the draft into the next version number, in one transaction. */
    publish(id: string, now: number): { version: number; publishedAt: number } | undefined {
      return db.transaction((tx) => {
        const row = tx.select().from(flows).where(eq(flows.id, id)).get();
        if (!row) return undefined;
        const latest = tx
          .select({ version: max(flowVersions.version) })
          .from(flowVersions)
          .where(eq(flowVersions.flowId, id))
          .get();
        const version = (latest?.version ?? 0) + 1;
        tx.insert(flowVersions).values({ flowId: id, version, document: row.draft, publishedAt: now }).run();
        return { version, publishedAt: now };
      });
    },
    versions(id: string): { version: number; publishedAt: number }[] {
      return db
        .select({ version: flowVersions.version, publishedAt: flowVersions.publishedAt })
        .from(flowVersions)
        .where(eq(flowVersions.flowId, id))
        .orderBy(desc(flowVersions.version))
        .all();
    },
    getVersion(id: string, version: number, store: Store = db): PublishedFlow | undefined {
      return readVersion(store, id, version);
    },
    latestVersion(id: string): number | null {
      const latest = db
        .select({ version: max(flowVersions.version) })
        .from(flowVersions)
        .where(eq(flowVersions.flowId, id))
        .get();
      return latest?.version ?? null;
    },
    /** The newest version of every flow that still has a draft: what new conversations start on. */
    livePublished(store: Store = db): PublishedFlow[] {
      const rows = store
        .select({ flowId: flowVersions.flowId, version: max(flowVersions.version) })
        .from(flowVersions)
        .innerJoin(flows, eq(flows.id, flowVersions.flowId))
        .groupBy(flowVersions.flowId)
        .all();
      return rows.flatMap((row) => {
        const published = row.version === null ? undefined : readVersion(store, row.flowId, row.version);
        return published ? [published] : [];
      });
    },
  };
}
