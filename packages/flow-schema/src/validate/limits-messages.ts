import { WHATSAPP_LIMITS } from '../limits.ts';
import type { InteractiveHeader } from '../nodes/common.ts';
import type { FlowNode, NodeOfKind } from '../nodes/index.ts';
import { nameOf, type Path, type ValidationContext } from './context.ts';
import { checkLength, countCharacters, quote } from './measure.ts';

const L = WHATSAPP_LIMITS;

/** WhatsApp's limits on text, reply buttons, lists and link buttons. */
export function checkMessageLimits(ctx: ValidationContext): void {
  ctx.flow.nodes.forEach((node, index) => {
    const at = (...rest: Path): { nodeId: string; path: Path } => ({
      nodeId: node.id,
      path: ['nodes', index, ...rest],
    });
    switch (node.kind) {
      case 'text':
        checkLength(ctx, 'limits.body_length', node.text, {
          max: L.textBody,
          required: true,
          what: `The text of ${nameOf(node)}`,
          ...at('text'),
        });
        break;
      case 'buttons':
        checkInteractive(ctx, node, L.interactiveBody, at);
        checkButtons(ctx, node, at);
        break;
      case 'list':
        checkInteractive(ctx, node, L.listBody, at);
        checkLength(ctx, 'limits.header_length', node.header, {
          max: L.interactiveHeaderText,
          what: `The header of ${nameOf(node)}`,
          ...at('header'),
        });
        checkList(ctx, node, at);
        break;
      case 'cta_url':
        checkInteractive(ctx, node, L.interactiveBody, at);
        checkLength(ctx, 'limits.cta_display_text_length', node.displayText, {
          max: L.ctaDisplayText,
          required: true,
          what: `The link button ${quote(node.displayText)}`,
          ...at('displayText'),
        });
        if (!/^https?:\/\//i.test(node.url.trim())) {
          ctx.report(
            'limits.cta_url_scheme',
            `The link of ${nameOf(node)} is ${quote(node.url)}; a link button opens an address starting with https:// or http://.`,
            at('url'),
          );
        }
        break;
      case 'location_request':
        checkLength(ctx, 'limits.body_length', node.body, {
          max: L.interactiveBody,
          required: true,
          what: `The message of ${nameOf(node)}`,
          ...at('body'),
        });
        break;
      case 'question':
        checkLength(ctx, 'limits.body_length', node.prompt, {
          max: L.textBody,
          required: true,
          what: `The question of ${nameOf(node)}`,
          ...at('prompt'),
        });
        checkLength(ctx, 'limits.body_length', node.retryPrompt, {
          max: L.textBody,
          what: `The retry message of ${nameOf(node)}`,
          ...at('retryPrompt'),
        });
        break;
      case 'handoff':
      case 'end':
        checkLength(ctx, 'limits.body_length', node.message, {
          max: L.textBody,
          what: `The message of ${nameOf(node)}`,
          ...at('message'),
        });
        break;
      case 'opt_out':
        checkLength(ctx, 'limits.body_length', node.confirmation, {
          max: L.textBody,
          what: `The confirmation of ${nameOf(node)}`,
          ...at('confirmation'),
        });
        break;
      default:
        break;
    }
  });
}

type At = (...rest: Path) => { nodeId: string; path: Path };

/** Body, footer and text header of buttons, lists and link buttons. */
function checkInteractive(
  ctx: ValidationContext,
  node: { body: string; footer?: string | undefined; header?: InteractiveHeader | string | undefined } & FlowNode,
  maxBody: number,
  at: At,
): void {
  checkLength(ctx, 'limits.body_length', node.body, {
    max: maxBody,
    required: true,
    what: `The message of ${nameOf(node)}`,
    ...at('body'),
  });
  checkLength(ctx, 'limits.footer_length', node.footer, {
    max: L.interactiveFooter,
    what: `The footer of ${nameOf(node)}`,
    ...at('footer'),
  });
  if (typeof node.header === 'object' && node.header.type === 'text') {
    checkLength(ctx, 'limits.header_length', node.header.text, {
      max: L.interactiveHeaderText,
      what: `The header of ${nameOf(node)}`,
      ...at('header', 'text'),
    });
  }
}

function checkButtons(ctx: ValidationContext, node: NodeOfKind<'buttons'>, at: At): void {
  if (node.buttons.length > L.replyButtonsMax) {
    ctx.report(
      'limits.too_many_buttons',
      `${nameOf(node)} has ${node.buttons.length} buttons; WhatsApp allows ${L.replyButtonsMax}. Use a list for more choices.`,
      at('buttons'),
    );
  }
  const titles = new Set<string>();
  node.buttons.forEach((button, b) => {
    checkLength(ctx, 'limits.button_title_length', button.title, {
      max: L.replyButtonTitle,
      required: true,
      what: `The button ${quote(button.title)}`,
      ...at('buttons', b, 'title'),
    });
    const key = button.title.trim().toLowerCase();
    if (key !== '' && titles.has(key)) {
      ctx.report(
        'limits.button_title_duplicate',
        `Two buttons of ${nameOf(node)} are titled ${quote(button.title)}; titles must differ within a message.`,
        at('buttons', b, 'title'),
      );
    }
    titles.add(key);
  });
  checkReplyIds(
    ctx,
    node.buttons.map((button, b) => ({ id: button.id, path: at('buttons', b, 'id').path })),
    L.replyButtonId,
    node,
  );
}

function checkList(ctx: ValidationContext, node: NodeOfKind<'list'>, at: At): void {
  checkLength(ctx, 'limits.list_button_text_length', node.buttonText, {
    max: L.listButtonText,
    required: true,
    what: `The button that opens the list ${nameOf(node)}`,
    ...at('buttonText'),
  });
  if (node.sections.length > L.listSectionsMax) {
    ctx.report(
      'limits.list_too_many_sections',
      `${nameOf(node)} has ${node.sections.length} sections; WhatsApp allows ${L.listSectionsMax}.`,
      at('sections'),
    );
  }
  const rowCount = node.sections.reduce((sum, section) => sum + section.rows.length, 0);
  if (rowCount > L.listRowsMax) {
    ctx.report(
      'limits.list_too_many_rows',
      `${nameOf(node)} has ${rowCount} rows; WhatsApp allows ${L.listRowsMax} across all sections.`,
      at('sections'),
    );
  }
  const ids: { id: string; path: Path }[] = [];
  node.sections.forEach((section, s) => {
    if (section.rows.length === 0) {
      ctx.report('limits.list_section_empty', `Section ${s + 1} of ${nameOf(node)} has no rows.`, at('sections', s));
    }
    if (node.sections.length > 1 && (section.title === undefined || section.title.trim() === '')) {
      ctx.report(
        'limits.list_section_title_missing',
        `Section ${s + 1} of ${nameOf(node)} has no title; WhatsApp requires one when a list has more than one section.`,
        at('sections', s, 'title'),
      );
    }
    checkLength(ctx, 'limits.list_section_title_length', section.title, {
      max: L.listSectionTitle,
      what: `The section title ${quote(section.title ?? '')}`,
      ...at('sections', s, 'title'),
    });
    section.rows.forEach((row, r) => {
      checkLength(ctx, 'limits.list_row_title_length', row.title, {
        max: L.listRowTitle,
        required: true,
        what: `The row ${quote(row.title)}`,
        ...at('sections', s, 'rows', r, 'title'),
      });
      checkLength(ctx, 'limits.list_row_description_length', row.description, {
        max: L.listRowDescription,
        what: `The description of row ${quote(row.title)}`,
        ...at('sections', s, 'rows', r, 'description'),
      });
      ids.push({ id: row.id, path: at('sections', s, 'rows', r, 'id').path });
    });
  });
  checkReplyIds(ctx, ids, L.listRowId, node);
}

/** Reply ids come back in webhooks and name the node's ports: short, trimmed, and unique within the node. */
export function checkReplyIds(
  ctx: ValidationContext,
  ids: { id: string; path: Path }[],
  max: number,
  node: FlowNode,
): void {
  const seen = new Set<string>();
  for (const { id, path } of ids) {
    const length = countCharacters(id);
    if (length > max) {
      ctx.report(
        'limits.reply_id_length',
        `A reply id of ${nameOf(node)} is ${length} characters; WhatsApp allows ${max}.`,
        { nodeId: node.id, path },
      );
    }
    if (id !== id.trim()) {
      ctx.report(
        'limits.reply_id_spaces',
        `The reply id "${id}" of ${nameOf(node)} starts or ends with a space; WhatsApp rejects that.`,
        { nodeId: node.id, path },
      );
    }
    if (seen.has(id)) {
      ctx.report(
        'limits.reply_id_duplicate',
        `Two replies of ${nameOf(node)} have the id "${id}"; each needs its own so the flow knows which was chosen.`,
        { nodeId: node.id, path },
      );
    }
    seen.add(id);
  }
}
