import { describe, expect, it } from 'vitest';
import { hasErrors } from '../diagnostic.ts';
import { Flow } from '../flow.ts';
import { DIAGNOSTIC_CATALOGUE, DIAGNOSTIC_CODES } from './catalogue.ts';
import { baseFlow, CASES } from './fixtures/cases.ts';
import { validateFlow } from './validate-flow.ts';

function validate(change?: (flow: ReturnType<typeof baseFlow>) => void) {
  const input = baseFlow();
  change?.(input);
  return validateFlow(Flow.parse(input));
}

describe('validateFlow', () => {
  it('finds nothing in the clean base flow every case starts from', () => {
    expect(validate()).toEqual([]);
  });

  it.each(CASES)('reports $code for $name', ({ code, nodeId, mention, change }) => {
    const diagnostics = validate(change);
    const found = diagnostics.filter((d) => d.code === code);
    expect(found, JSON.stringify(diagnostics, null, 2)).not.toHaveLength(0);
    const first = found[0];
    expect(first?.severity).toBe(DIAGNOSTIC_CATALOGUE[code].severity);
    expect(first?.message.length).toBeGreaterThan(20);
    if (nodeId !== undefined) expect(found.map((d) => d.nodeId)).toContain(nodeId);
    if (mention !== undefined) expect(found.map((d) => d.message).join('\n')).toContain(mention);
  });

  it('has a case for every code in the catalogue', () => {
    const covered = new Set(CASES.map((c) => c.code));
    expect(DIAGNOSTIC_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('names codes family.rule and explains each in a sentence', () => {
    for (const code of DIAGNOSTIC_CODES) {
      const rule = DIAGNOSTIC_CATALOGUE[code];
      expect(code.startsWith(`${rule.family}.`)).toBe(true);
      expect(rule.explanation).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('points at the field that breaks the rule', () => {
    const diagnostics = validate((f) => {
      const button = f.nodes[0]?.kind === 'buttons' ? f.nodes[0].buttons[1] : undefined;
      if (button) button.title = 'Talk to a person now!';
    });
    expect(diagnostics).toEqual([
      {
        code: 'limits.button_title_length',
        severity: 'error',
        message: 'The button "Talk to a person now!" is 21 characters; WhatsApp allows 20.',
        nodeId: 'menu',
        path: ['nodes', 0, 'buttons', 1, 'title'],
      },
    ]);
  });

  it('counts a placeholder without an example as nothing, so a long example is what tips it over', () => {
    const body = `${'x'.repeat(1015)} {{first_name}}`;
    const withShortExample = validate((f) => {
      if (f.nodes[0]?.kind === 'buttons') f.nodes[0].body = body;
    });
    expect(withShortExample.map((d) => d.code)).not.toContain('limits.body_length');
    const withLongExample = validate((f) => {
      if (f.nodes[0]?.kind === 'buttons') f.nodes[0].body = body;
      f.variables = [{ name: 'first_name', example: 'Maria-Magdalena' }];
    });
    expect(withLongExample.map((d) => d.message)).toContain(
      'The message of "menu" is 1031 characters (counting {{first_name}} as "Maria-Magdalena"); WhatsApp allows 1024.',
    );
  });

  it('accepts the handoff keyword in the disclosure instead of a handoff node', () => {
    const noHandoffNode = (f: ReturnType<typeof baseFlow>) => {
      const edge = f.edges[1];
      if (edge) edge.to.node = 'bye';
      f.nodes.splice(2, 1);
    };
    expect(hasErrors(validate(noHandoffNode))).toBe(false);
    const keywordChanged = validate((f) => {
      noHandoffNode(f);
      f.settings = { handoffKeyword: 'human' };
    });
    expect(keywordChanged.map((d) => d.code)).toContain('policy.no_human_path');
  });

  it('lets a marketing opt-in before the template, or a marketing-audience schedule, satisfy consent', () => {
    const marketing = (f: ReturnType<typeof baseFlow>) => {
      f.nodes[1] = { id: 'info', kind: 'template', template: { name: 'sale', language: 'en', category: 'marketing' } };
    };
    const optedIn = validate((f) => {
      marketing(f);
      f.nodes.push({ id: 'consent', kind: 'opt_in', category: 'marketing', wording: 'Offers from Acme' });
      const edge = f.edges[0];
      if (edge) edge.to.node = 'consent';
      f.edges.push({ id: 'e9', from: { node: 'consent', port: 'next' }, to: { node: 'info' } });
    });
    expect(optedIn.map((d) => d.code)).not.toContain('policy.marketing_without_opt_in');
    const scheduled = validate((f) => {
      marketing(f);
      f.triggers.push({ id: 't2', kind: 'schedule', cron: '0 9 * * 1', audience: 'opted_in_marketing', start: 'info' });
      const edge = f.edges[0];
      if (edge) edge.to.node = 'human';
    });
    expect(scheduled.map((d) => d.code)).not.toContain('policy.marketing_without_opt_in');
  });
});
