import type { Flow } from '@parley/flow-schema';
import { loadFlow } from '@parley/flow-schema';
import welcome from './fixtures/welcome.json' with { type: 'json' };

/** The welcome example, loaded as the editor would open it. */
export function welcomeFlow(): Flow {
  const loaded = loadFlow(welcome);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.flow;
}

export function emptyFlow(): Flow {
  const loaded = loadFlow({ schemaVersion: 1, id: 'empty', name: 'Empty', nodes: [] });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.flow;
}
