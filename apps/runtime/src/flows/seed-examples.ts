import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasErrors, loadFlow, validateFlow } from '@parley/flow-schema';
import type { Logger } from '../logger.ts';
import type { FlowStore } from './flow-store.ts';

export type SeedResult = { imported: string[]; published: string[] };

/**
 * Fills a fresh sandbox with the example flows so a new user can chat at
 * once: every file that loads becomes a draft, and the valid ones are
 * published. Files that are not flows (e.g. flow tests) are passed over.
 */
export function seedExamples(flows: FlowStore, dir: string, now: number, log: Logger): SeedResult {
  const result: SeedResult = { imported: [], published: [] };
  if (flows.list().length > 0) return result;
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch {
    log.warn(`no examples to seed: ${dir} cannot be read`);
    return result;
  }
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch {
      continue;
    }
    const loaded = loadFlow(json);
    if (!loaded.ok || flows.exists(loaded.flow.id)) continue;
    flows.saveDraft(loaded.flow, now);
    result.imported.push(loaded.flow.id);
    if (!hasErrors(validateFlow(loaded.flow)) && flows.publish(loaded.flow.id, now)) {
      result.published.push(loaded.flow.id);
    }
  }
  return result;
}
