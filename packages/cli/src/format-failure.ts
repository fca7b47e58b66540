import type { OutboundPayload, StepFailure } from '@parley/flow-engine';
import type { Flow } from '@parley/flow-schema';
import { renderMessage } from './render-message.ts';

function show(value: unknown): string {
  return value === undefined ? '(nothing)' : JSON.stringify(value);
}

function messages(sent: OutboundPayload[], flow: Flow): string[] {
  return sent.flatMap((payload, index) =>
    renderMessage(payload, flow).map((line, i) => `${i === 0 ? `${index + 1}.` : '  '} ${line}`),
  );
}

/** A failed step as lines: the step, why, the closest difference, and what the bot actually sent. */
export function formatFailure(failure: StepFailure, flow: Flow): string[] {
  const lines = [`step ${failure.stepIndex + 1}: ${failure.step}`, failure.message];
  if (failure.mismatches && failure.mismatches.length > 0) {
    lines.push('difference:');
    for (const m of failure.mismatches) {
      lines.push(`  ${m.path}`, `    - expected: ${show(m.expected)}`, `    + actual:   ${show(m.actual)}`);
    }
  } else if (failure.expected !== undefined) {
    lines.push(`expected: ${show(failure.expected)}`);
  }
  if (failure.sent && failure.sent.length > 0) {
    lines.push('the bot sent:', ...messages(failure.sent, flow).map((line) => `  ${line}`));
  }
  return lines;
}
