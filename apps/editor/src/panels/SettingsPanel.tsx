import type { Flow, TriggerKind } from '@parley/flow-schema';
import { NodeId, PURPOSES, Trigger, VariableType } from '@parley/flow-schema';
import {
  renameFlow,
  setBotLabel,
  setScope,
  setSettings,
  setTriggers,
  setVariables,
} from '../commands/flow-settings.ts';
import { nextLocalId } from '../commands/ids.ts';
import { nodeName } from '../inspector/ConnectPorts.tsx';
import { ListField, NumberField, options, SelectField, TextField } from '../inspector/fields.tsx';
import type { Command } from '../state/use-editor.ts';

const TRIGGER_KINDS: readonly TriggerKind[] = ['inbound_any', 'keyword', 'payload', 'event', 'schedule'];
const TRIGGER_LABELS: Record<TriggerKind, string> = {
  inbound_any: 'Any message from a customer',
  keyword: 'A keyword',
  payload: 'A button tapped outside a conversation',
  event: 'A business event (from your systems)',
  schedule: 'On a schedule',
};

/** A trigger of `kind` keeping id and start; the schema fills defaults. */
function makeTrigger(kind: TriggerKind, id: string, start: string): Trigger {
  const extra = {
    inbound_any: {},
    keyword: { keywords: ['hi'] },
    payload: { payloads: ['start'] },
    event: { event: 'order_shipped' },
    schedule: { cron: '0 9 * * 1' },
  };
  return Trigger.parse({ kind, id, start, ...extra[kind] });
}

/** The flow as a whole: what it is for, how the bot presents itself, what starts it. */
export function SettingsPanel({ flow, run }: { flow: Flow; run: (command: Command) => void }) {
  const scope = flow.scope ?? { purpose: 'customer_service', summary: '', topics: [] };
  const label = flow.botLabel ?? { name: '', disclosure: '' };
  const firstNode = flow.nodes[0]?.id;
  const setTrigger = (i: number, t: Trigger) => run((f) => setTriggers(f, { triggers: f.triggers.with(i, t) }));
  return (
    <form className="settings" aria-label="Flow settings" onSubmit={(e) => e.preventDefault()}>
      <h2>Flow settings</h2>
      <TextField
        label="Flow name"
        field="name"
        value={flow.name}
        onChange={(name) => run((f) => renameFlow(f, { name }))}
      />
      <TextField
        label="Description"
        field="description"
        multiline
        value={flow.description}
        onChange={(description) => run((f) => renameFlow(f, { name: f.name, description }))}
      />
      <fieldset>
        <legend>What the bot is for</legend>
        <SelectField
          label="Purpose"
          field="scope.purpose"
          value={scope.purpose}
          options={options(PURPOSES)}
          onChange={(purpose) => run((f) => setScope(f, { scope: { ...scope, purpose } }))}
        />
        <TextField
          label="Summary"
          field="scope.summary"
          multiline
          value={scope.summary}
          onChange={(summary) => run((f) => setScope(f, { scope: { ...scope, summary } }))}
          help="One or two sentences a customer would understand."
        />
        <ListField
          label="Topics"
          field="scope.topics"
          value={scope.topics}
          onChange={(topics) => run((f) => setScope(f, { scope: { ...scope, topics } }))}
        />
      </fieldset>
      <fieldset>
        <legend>How the bot presents itself</legend>
        <TextField
          label="Bot name"
          field="botLabel.name"
          value={label.name}
          onChange={(name) => run((f) => setBotLabel(f, { botLabel: { ...label, name } }))}
        />
        <TextField
          label="Disclosure"
          field="botLabel.disclosure"
          multiline
          value={label.disclosure}
          onChange={(disclosure) => run((f) => setBotLabel(f, { botLabel: { ...label, disclosure } }))}
          help="Says the bot is automated and how to reach a person."
        />
      </fieldset>
      <fieldset>
        <legend>What starts the flow</legend>
        {flow.triggers.map((t, i) => (
          <div className="item-row" key={t.id}>
            <div>
              <SelectField
                label={`Trigger ${i + 1}`}
                field={`triggers.${i}.kind`}
                value={t.kind}
                options={TRIGGER_KINDS.map((k) => ({ value: k, label: TRIGGER_LABELS[k] }))}
                onChange={(kind) => setTrigger(i, makeTrigger(kind, t.id, t.start))}
              />
              <SelectField
                label={`Trigger ${i + 1} starts at`}
                field={`triggers.${i}.start`}
                value={t.start}
                options={flow.nodes.map((n) => ({ value: n.id, label: nodeName(n) }))}
                onChange={(start) => setTrigger(i, { ...t, start: NodeId.parse(start) })}
              />
              {t.kind === 'keyword' ? (
                <ListField
                  label={`Trigger ${i + 1} keywords`}
                  field={`triggers.${i}.keywords`}
                  value={t.keywords}
                  onChange={(keywords) => setTrigger(i, { ...t, keywords })}
                />
              ) : null}
              {t.kind === 'event' ? (
                <TextField
                  label={`Trigger ${i + 1} event name`}
                  field={`triggers.${i}.event`}
                  value={t.event}
                  onChange={(event) => setTrigger(i, { ...t, event })}
                />
              ) : null}
              {t.kind === 'schedule' ? (
                <TextField
                  label={`Trigger ${i + 1} schedule (cron)`}
                  field={`triggers.${i}.cron`}
                  value={t.cron}
                  onChange={(cron) => setTrigger(i, { ...t, cron })}
                />
              ) : null}
            </div>
            <button
              type="button"
              className="remove"
              aria-label={`Remove trigger ${i + 1}`}
              onClick={() => run((f) => setTriggers(f, { triggers: f.triggers.filter((_, j) => j !== i) }))}
            >
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          disabled={firstNode === undefined}
          onClick={() => {
            if (firstNode)
              run((f) =>
                setTriggers(f, {
                  triggers: [
                    ...f.triggers,
                    makeTrigger(
                      'inbound_any',
                      nextLocalId(
                        f.triggers.map((t) => t.id),
                        'trigger-',
                      ),
                      firstNode,
                    ),
                  ],
                }),
              );
          }}
        >
          Add trigger
        </button>
      </fieldset>
      <fieldset>
        <legend>Variables</legend>
        {flow.variables.map((v, i) => {
          const setVar = (next: typeof v) => run((f) => setVariables(f, { variables: f.variables.with(i, next) }));
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: these items have no id; their position is their identity
            <div className="item-row" key={`v-${i}`}>
              <div>
                <TextField
                  label={`Variable ${i + 1} name`}
                  field={`variables.${i}.name`}
                  value={v.name}
                  onChange={(name) => setVar({ ...v, name })}
                />
                <SelectField
                  label={`Variable ${i + 1} type`}
                  field={`variables.${i}.type`}
                  value={v.type}
                  options={options(VariableType.options)}
                  onChange={(type) => setVar({ ...v, type })}
                />
                <TextField
                  label={`Variable ${i + 1} description`}
                  field={`variables.${i}.description`}
                  value={v.description}
                  onChange={(description) => setVar({ ...v, description })}
                />
                <TextField
                  label={`Variable ${i + 1} example`}
                  field={`variables.${i}.example`}
                  value={v.example ?? ''}
                  onChange={(example) => setVar({ ...v, example: example === '' ? undefined : example })}
                  help="Shown in the previews instead of the placeholder."
                />
              </div>
              <button
                type="button"
                className="remove"
                aria-label={`Remove variable ${i + 1}`}
                onClick={() => run((f) => setVariables(f, { variables: f.variables.filter((_, j) => j !== i) }))}
              >
                ✕
              </button>
            </div>
          );
        })}
        <button
          type="button"
          onClick={() =>
            run((f) =>
              setVariables(f, {
                variables: [
                  ...f.variables,
                  {
                    name: nextLocalId(
                      f.variables.map((v) => v.name),
                      'variable_',
                    ),
                    type: 'text',
                    description: '',
                  },
                ],
              }),
            )
          }
        >
          Add variable
        </button>
      </fieldset>
      <fieldset>
        <legend>Conversation</legend>
        <TextField
          label="Language"
          field="settings.language"
          value={flow.settings.language}
          onChange={(language) => run((f) => setSettings(f, { settings: { ...f.settings, language } }))}
        />
        <NumberField
          label="End idle conversations after (minutes)"
          field="settings.sessionTimeoutMinutes"
          min={1}
          value={flow.settings.sessionTimeoutMinutes}
          onChange={(m) => run((f) => setSettings(f, { settings: { ...f.settings, sessionTimeoutMinutes: m ?? 1 } }))}
        />
        <TextField
          label="Handoff keyword"
          field="settings.handoffKeyword"
          value={flow.settings.handoffKeyword}
          onChange={(handoffKeyword) => run((f) => setSettings(f, { settings: { ...f.settings, handoffKeyword } }))}
          help="A customer who types this word reaches a person from anywhere."
        />
      </fieldset>
    </form>
  );
}
