import type { BotLabel, Flow, Scope, Settings, Trigger, Variable } from '@parley/flow-schema';

// Flow-level edits from the settings panel. Each replaces one part whole; the
// panel builds the new value, so these stay trivially pure.

export function renameFlow(flow: Flow, { name, description }: { name: string; description?: string }): Flow {
  return { ...flow, name, description: description ?? flow.description };
}

export function setScope(flow: Flow, { scope }: { scope: Scope | undefined }): Flow {
  return { ...flow, scope };
}

export function setBotLabel(flow: Flow, { botLabel }: { botLabel: BotLabel | undefined }): Flow {
  return { ...flow, botLabel };
}

export function setTriggers(flow: Flow, { triggers }: { triggers: Trigger[] }): Flow {
  return { ...flow, triggers };
}

export function setVariables(flow: Flow, { variables }: { variables: Variable[] }): Flow {
  return { ...flow, variables };
}

export function setSettings(flow: Flow, { settings }: { settings: Settings }): Flow {
  return { ...flow, settings };
}
