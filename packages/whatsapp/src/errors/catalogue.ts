/**
 * What each Cloud API error code means and what it leads to, reference §4.3
 * and the corrections of §0.1. Keyed on `error.code` only: Meta says titles
 * will be deprecated and subcodes are unreliable.
 * https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes
 *
 * The consequence is data, so the runtime applies one function to it whether
 * the error came in the send's HTTP answer or in a `failed` status webhook
 * minutes later: Meta reports most failures the second way.
 */

/** What happens to the message itself. */
export type SendConsequence =
  /** Transient on Meta's side: the same message again, with exponential backoff, a bounded number of times. */
  | { kind: 'retry' }
  /** Too many messages to this one customer: empty their pair-rate bucket and retry them alone, 4^n seconds apart. */
  | { kind: 'retry_recipient' }
  /** Held by Meta for this customer (per-user marketing limit): retry later at growing intervals, never at once. */
  | { kind: 'retry_growing' }
  /** The number or the account is over a rate: slow every send of that scope down, then retry. */
  | { kind: 'throttle'; scope: 'number' | 'account'; resetsHourly: boolean }
  /** The 24-hour window is closed: send the message's template fallback, else tell the flow. */
  | { kind: 'fallback' }
  /** Permanent for this message: never retried. */
  | { kind: 'fail' }
  /** The account, token or payment is broken: nothing else goes out until a person fixes it. */
  | { kind: 'pause' };

/** What the flow that sent the message is told, when it is told anything (its `send_failed` reason). */
export type FlowNotice =
  | 'window_closed'
  | 'template_unavailable'
  | 'opted_out'
  | 'undeliverable'
  | 'rejected'
  | 'marketing_limited';

export type ErrorConsequence = {
  send: SendConsequence;
  /** The contact cannot receive messages (until they write again). */
  contact?: 'undeliverable';
  /** Consent Meta reports on the customer's behalf: an opt-out of this category only. */
  consent?: { category: 'marketing'; action: 'opt_out' };
  /** What the flow is told. A message that will still go out later tells the flow only when it says so. */
  flow?: FlowNotice;
  /** A person should look (the health page and the log say so). */
  alert?: boolean;
};

export type ErrorClass = { code: number; title: string; meaning: string; consequence: ErrorConsequence };

type Entry = [title: string, meaning: string, consequence: ErrorConsequence];

const RETRY: ErrorConsequence = { send: { kind: 'retry' } };
const FAIL: ErrorConsequence = { send: { kind: 'fail' }, flow: 'rejected' };
const PAUSE: ErrorConsequence = { send: { kind: 'pause' }, alert: true };
const TEMPLATE_UNAVAILABLE: ErrorConsequence = { send: { kind: 'fail' }, flow: 'template_unavailable', alert: true };
/** A payload Meta refuses that Parley's own validator should have caught: a bug worth a look. */
const VALIDATOR_BUG: ErrorConsequence = { send: { kind: 'fail' }, flow: 'rejected', alert: true };

const CATALOGUE: Record<number, Entry> = {
  0: ['AuthException', 'the app user could not be authenticated', PAUSE],
  1: ['API unknown', 'an unknown or temporary server problem', RETRY],
  2: ['API service', 'a temporary server problem', RETRY],
  3: ['API method', 'the app lacks the capability for this call', PAUSE],
  4: [
    'API too many calls',
    'the app hit its Graph API rate limit',
    { send: { kind: 'throttle', scope: 'account', resetsHourly: true } },
  ],
  10: ['Permission denied', 'the permission is missing or was removed', PAUSE],
  33: ['Parameter value is not valid', 'the business phone number was deleted', PAUSE],
  100: ['Invalid parameter', 'an unsupported, misspelled or invalid field', VALIDATOR_BUG],
  190: ['Access token has expired', 'the access token expired or was revoked', PAUSE],
  368: ['Temporarily blocked for policy violations', 'the business account is restricted', PAUSE],
  80007: [
    'Rate limit issues',
    'the business account hit its rate limit',
    { send: { kind: 'throttle', scope: 'account', resetsHourly: true } },
  ],
  130429: [
    'Rate limit hit',
    'the number exceeded its throughput',
    { send: { kind: 'throttle', scope: 'number', resetsHourly: false } },
  ],
  130472: ["User's number is part of an experiment", 'Meta held the message for an experiment', FAIL],
  130497: ['Restricted in this country', 'the business cannot message users in that country', FAIL],
  131000: ['Something went wrong', 'an unknown server error', RETRY],
  131005: ['Access denied', 'the permission is not granted', PAUSE],
  131008: ['Required parameter is missing', 'a required field or a parameter value is missing', VALIDATOR_BUG],
  131009: ['Parameter value is not valid', 'a field has a value Meta does not accept', FAIL],
  131016: ['Service unavailable', 'the service is temporarily unavailable', RETRY],
  131021: ['Recipient cannot be sender', 'the message was addressed to the business number', FAIL],
  131026: [
    'Message undeliverable',
    'not a WhatsApp user, terms not accepted, or an old app',
    { send: { kind: 'fail' }, contact: 'undeliverable', flow: 'undeliverable' },
  ],
  // A test number may only message its registered recipients: that contact is unreachable, nobody else is held up.
  131030: [
    'Recipient not in allowed list',
    'a test number may only message registered recipients',
    { send: { kind: 'fail' }, contact: 'undeliverable', flow: 'undeliverable', alert: true },
  ],
  131031: ['Account has been locked', 'the account is locked by a policy restriction', PAUSE],
  131037: ['Display name approval needed', 'the display name is not approved', PAUSE],
  131042: ['Business eligibility payment issue', 'a payment method or credit line problem', PAUSE],
  131045: ['Incorrect certificate', 'a registration error', PAUSE],
  131047: [
    'Re-engagement message',
    'more than 24 hours since the customer last wrote',
    { send: { kind: 'fallback' }, flow: 'window_closed' },
  ],
  131048: ['Spam rate limit hit', 'earlier messages were blocked or reported', PAUSE],
  // §0.1: never retried at once; marketing inside a customer-opened window does not count; the flow is told.
  131049: [
    'Meta chose not to deliver',
    'the per-user marketing limit held the message',
    { send: { kind: 'retry_growing' }, flow: 'marketing_limited' },
  ],
  131050: [
    'User stopped marketing messages',
    'the customer stopped marketing messages',
    { send: { kind: 'fail' }, consent: { category: 'marketing', action: 'opt_out' }, flow: 'opted_out' },
  ],
  131051: ['Unsupported message type', 'the message type is not supported', FAIL],
  131052: ['Media download error', "Meta could not download the customer's media", FAIL],
  131053: ['Media upload error', 'the media could not be fetched or processed', FAIL],
  131056: [
    'Pair rate limit hit',
    'too many messages to the same customer in a short time',
    { send: { kind: 'retry_recipient' } },
  ],
  131057: ['Account in maintenance mode', 'the account is briefly in maintenance', RETRY],
  131062: ['BSUID not supported', 'this message can only go to a phone number', FAIL],
  131063: ['Marketing templates disabled for Cloud API', 'route marketing templates to /marketing_messages', FAIL],
  131064: ['Messaging limit from template classification violations', 'limited for misclassified templates', PAUSE],
  132000: ['Template param count mismatch', 'the parameter count differs from the template', VALIDATOR_BUG],
  132001: ['Template does not exist', 'no approved template with that name and language', TEMPLATE_UNAVAILABLE],
  132005: ['Template hydrated text too long', 'the filled-in template is too long', FAIL],
  132007: ['Template format character policy violated', 'a parameter breaks the character policy', FAIL],
  132012: ['Template parameter format mismatch', 'a parameter has the wrong type or format', VALIDATOR_BUG],
  132015: ['Template is paused', 'the template is paused for low quality', TEMPLATE_UNAVAILABLE],
  132016: ['Template is disabled', 'the template is disabled for low quality', TEMPLATE_UNAVAILABLE],
  132018: [
    'Template parameter has newline, tab or too many spaces',
    'a text parameter has a newline, a tab or more than 4 consecutive spaces',
    VALIDATOR_BUG,
  ],
  132068: ['Flow is blocked', 'the flow is blocked', FAIL],
  132069: ['Flow is throttled', 'the flow is throttled', RETRY],
  133010: ['Phone number not registered', 'the number is not registered with the Cloud API', PAUSE],
  133016: ['Register/deregister rate limit', 'too many registration attempts', RETRY],
  135000: ['Generic user error', 'a generic user error', FAIL],
  137000: ['Identity key mismatch', "the customer's identity key changed", FAIL],
};

/**
 * The meaning and consequence of a Cloud API error code. Codes not in the
 * table: permission codes 200–299 and registration codes 133000–133009 pause
 * sending; anything else is permanent for the message, since retrying an
 * unknown rejection blindly only burns quota.
 */
export function classifyGraphError(code: number): ErrorClass {
  const known = CATALOGUE[code];
  if (known) return classOf(code, known);
  if (code >= 200 && code <= 299) return classOf(code, ['Permission denied', 'a permission is missing', PAUSE]);
  if (code >= 133000 && code <= 133009) {
    return classOf(code, ['Registration error', 'a registration or two-step PIN error', PAUSE]);
  }
  return classOf(code, ['Unknown error', 'an error code Parley does not know', { ...FAIL, alert: true }]);
}

function classOf(code: number, [title, meaning, consequence]: Entry): ErrorClass {
  return { code, title, meaning, consequence };
}

/** The codes the catalogue names explicitly (for documentation and tests). */
export const CATALOGUED_CODES: readonly number[] = Object.keys(CATALOGUE).map(Number);
