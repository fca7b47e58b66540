import type { Severity } from '../diagnostic.ts';

/**
 * Every diagnostic `validateFlow` can report, as data: its family, its default
 * severity and one plain sentence that explains the rule. Codes are stable API
 * (`family.rule`): never rename one; retire it and add a new one instead.
 */
export type DiagnosticFamily = 'structure' | 'limits' | 'policy' | 'window';
export type DiagnosticRule = { family: DiagnosticFamily; severity: Severity; explanation: string };

const structure = (severity: Severity, explanation: string): DiagnosticRule => ({
  family: 'structure',
  severity,
  explanation,
});
const limits = (explanation: string, severity: Severity = 'error'): DiagnosticRule => ({
  family: 'limits',
  severity,
  explanation,
});
const policy = (severity: Severity, explanation: string): DiagnosticRule => ({
  family: 'policy',
  severity,
  explanation,
});
const window = (severity: Severity, explanation: string): DiagnosticRule => ({
  family: 'window',
  severity,
  explanation,
});

export const DIAGNOSTIC_CATALOGUE = {
  // 1. Structure: the graph holds together.
  'structure.duplicate_node_id': structure('error', 'Two nodes share an id; edges could not tell them apart.'),
  'structure.duplicate_edge_id': structure('error', 'Two edges share an id.'),
  'structure.duplicate_trigger_id': structure('error', 'Two triggers share an id.'),
  'structure.dangling_edge': structure(
    'error',
    'An edge leaves from or leads to a node that does not exist, or leaves from a port the node does not have.',
  ),
  'structure.port_has_two_edges': structure('error', 'Two edges leave the same port; a port leads to one next step.'),
  'structure.unconnected_port': structure(
    'warning',
    'A main path of a node (a button, a row, a rule, "next") leads nowhere, so the conversation stops there.',
  ),
  'structure.unreachable_node': structure('warning', 'No trigger leads to this node, so it never runs.'),
  'structure.no_trigger': structure('error', 'The flow has no trigger, so nothing can start it.'),
  'structure.trigger_missing_node': structure('error', 'A trigger starts at a node that does not exist.'),
  'structure.conflicting_triggers': structure(
    'error',
    'Two triggers answer the same thing (two "any message" triggers, or the same keyword, payload or event twice).',
  ),
  'structure.endless_loop': structure(
    'error',
    'A loop contains no step that waits (for the customer, a delay or a person), so it would spin forever.',
  ),
  'structure.jump_to_self': structure('error', 'A jump node jumps to the flow it is in; use an edge instead.'),
  'structure.undeclared_variable': structure(
    'error',
    'A placeholder, a saved answer or a condition uses a variable that is neither declared nor built in.',
  ),
  'structure.malformed_placeholder': structure(
    'error',
    'Text contains "{{" that does not form a {{variable}} placeholder, so the customer would see the braces.',
  ),

  // 2. WhatsApp limits (numbers in limits.ts).
  'limits.too_many_buttons': limits('A reply-buttons message has at most 3 buttons.'),
  'limits.button_title_length': limits('A reply button title is 1 to 20 characters.'),
  'limits.button_title_duplicate': limits('Button titles must differ within one message.'),
  'limits.reply_id_length': limits('A reply id is at most 256 characters (list rows: 200).'),
  'limits.reply_id_spaces': limits('A reply id cannot start or end with a space.'),
  'limits.reply_id_duplicate': limits('Reply ids (buttons, rows, quick replies) must differ within one node.'),
  'limits.list_too_many_sections': limits('A list has at most 10 sections.'),
  'limits.list_too_many_rows': limits('A list has at most 10 rows across all its sections.'),
  'limits.list_section_empty': limits('Every list section needs at least one row.'),
  'limits.list_section_title_length': limits('A list section title is at most 24 characters.'),
  'limits.list_section_title_missing': limits('When a list has more than one section, every section needs a title.'),
  'limits.list_row_title_length': limits('A list row title is 1 to 24 characters.'),
  'limits.list_row_description_length': limits('A list row description is at most 72 characters.'),
  'limits.list_button_text_length': limits('The button that opens a list is 1 to 20 characters.'),
  'limits.body_length': limits('Message text is 1 to 4096 characters; an interactive message body at most 1024.'),
  'limits.header_length': limits('A text header is at most 60 characters.'),
  'limits.footer_length': limits('A footer is at most 60 characters.'),
  'limits.caption_length': limits('A media caption is at most 1024 characters.'),
  'limits.caption_not_allowed': limits('Audio and stickers cannot carry a caption.'),
  'limits.filename_not_allowed': limits('Only documents carry a file name.'),
  'limits.voice_not_allowed': limits('Only audio can be sent as a voice note.'),
  'limits.media_extension': limits('A media link must end in a file type WhatsApp accepts for that kind of media.'),
  'limits.cta_display_text_length': limits('The text of a link button is 1 to 20 characters.'),
  'limits.cta_url_scheme': limits('A link button opens an http:// or https:// address.'),
  'limits.template_name': limits('A template name uses lowercase letters, digits and "_" only (at most 512).'),
  'limits.template_parameter_count': limits('The number of template parameters must match the approved template.'),
  'limits.template_parameter_format_mixed': limits(
    'A template uses either named or positional parameters, never a mix.',
  ),
  'limits.template_parameter_may_be_empty': limits(
    'A template parameter that is only a variable needs a fallback: WhatsApp refuses empty parameters.',
    'warning',
  ),
  'limits.template_parameter_text': limits(
    'A template parameter cannot be empty or only whitespace, nor contain a newline, a tab or more than 4 ' +
      'consecutive spaces; WhatsApp refuses the whole message.',
  ),
  'limits.template_body_parameter_length': limits('A template body parameter is at most 1024 characters.'),
  'limits.template_header_parameter_length': limits('A template header parameter is at most 60 characters.'),

  // 3. Meta's policy.
  'policy.no_scope': policy(
    'error',
    'The flow does not say what business purpose it serves and which topics it covers.',
  ),
  'policy.vague_scope': policy(
    'warning',
    'The scope is too vague (a very short summary, no topics, or words like "anything"); Meta bans general-purpose assistants.',
  ),
  'policy.no_bot_label': policy('warning', 'The bot has no name and disclosure to tell customers it is automated.'),
  'policy.disclosure_not_automated': policy(
    'warning',
    'The disclosure does not say the bot is automated (words such as "automated", "bot" or "virtual assistant").',
  ),
  'policy.no_human_path': policy(
    'error',
    'A customer waiting at this node has no way to a person: no handoff node is reachable from it, and the ' +
      'disclosure does not tell customers the handoff keyword (which works anywhere). Either is enough.',
  ),
  'policy.ai_topic_out_of_scope': policy('error', "An AI answer covers a topic that is not among the scope's topics."),
  'policy.ai_purpose_not_support': policy(
    'warning',
    'AI answers are allowed as a part of support, sales or bookings; this flow has another purpose.',
  ),
  'policy.marketing_without_opt_in': policy(
    'error',
    'A marketing template can be reached on a path without a marketing opt-in before it (a schedule for ' +
      'contacts opted in to marketing counts as one).',
  ),
  'policy.inline_secret': policy(
    'error',
    'An HTTP header that carries credentials has its value written in the flow; refer to a secret instead.',
  ),

  // 4. The 24-hour customer service window.
  'window.session_send_when_closed': window(
    'error',
    'A free-form message can be reached 24 hours or more after the customer last wrote (or before they ever ' +
      'wrote); WhatsApp then only allows templates.',
  ),
  'window.template_fallback_used': window(
    'info',
    'A free-form message may be sent when the window is closed; its template fallback will be sent instead.',
  ),
} as const satisfies Record<string, DiagnosticRule>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CATALOGUE;

export const DIAGNOSTIC_CODES = Object.keys(DIAGNOSTIC_CATALOGUE).filter(isDiagnosticCode);

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.hasOwn(DIAGNOSTIC_CATALOGUE, code);
}
