/**
 * What each Cloud API error code means and how Parley reacts, reference §4.3.
 * Keyed on `error.code` only: Meta says titles will be deprecated and subcodes
 * are unreliable. https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes
 */
export type ErrorReaction =
  /** Transient or throttling: retry the same message with backoff. */
  | 'retry_backoff'
  /** Too many messages to this one customer: retry for that recipient only, later. */
  | 'retry_recipient_later'
  /** The 24-hour window is closed (or the template is unusable): send a template instead. */
  | 'switch_to_template'
  /** Permanent for this message or contact: do not retry. */
  | 'give_up'
  /** The account, token or configuration is broken: pause sending and alert a person. */
  | 'stop_and_alert';

export type ErrorClass = { code: number; title: string; meaning: string; reaction: ErrorReaction; retryable: boolean };

type Entry = [title: string, meaning: string, reaction: ErrorReaction];

const CATALOGUE: Record<number, Entry> = {
  0: ['AuthException', 'the app user could not be authenticated', 'stop_and_alert'],
  1: ['API unknown', 'an unknown or temporary server problem', 'retry_backoff'],
  2: ['API service', 'a temporary server problem', 'retry_backoff'],
  3: ['API method', 'the app lacks the capability for this call', 'stop_and_alert'],
  4: ['API too many calls', 'the app hit its Graph API rate limit', 'retry_backoff'],
  10: ['Permission denied', 'the permission is missing or was removed', 'stop_and_alert'],
  33: ['Parameter value is not valid', 'the business phone number was deleted', 'stop_and_alert'],
  100: ['Invalid parameter', 'an unsupported, misspelled or invalid field', 'give_up'],
  190: ['Access token has expired', 'the access token expired or was revoked', 'stop_and_alert'],
  368: ['Temporarily blocked for policy violations', 'the business account is restricted', 'stop_and_alert'],
  80007: ['Rate limit issues', 'the business account hit its management API rate limit', 'retry_backoff'],
  130429: ['Rate limit hit', 'the number exceeded its throughput', 'retry_backoff'],
  130472: ["User's number is part of an experiment", 'Meta held the message for an experiment', 'give_up'],
  130497: ['Restricted in this country', 'the business cannot message users in that country', 'give_up'],
  131000: ['Something went wrong', 'an unknown server error', 'retry_backoff'],
  131005: ['Access denied', 'the permission is not granted', 'stop_and_alert'],
  131008: ['Required parameter is missing', 'a required field is missing', 'give_up'],
  131009: ['Parameter value is not valid', 'a field has a value Meta does not accept', 'give_up'],
  131016: ['Service unavailable', 'the service is temporarily unavailable', 'retry_backoff'],
  131021: ['Recipient cannot be sender', 'the message was addressed to the business number', 'give_up'],
  131026: ['Message undeliverable', 'not a WhatsApp user, terms not accepted, or an old app', 'give_up'],
  131030: ['Recipient not in allowed list', 'a test number may only message registered recipients', 'stop_and_alert'],
  131031: ['Account has been locked', 'the account is locked by a policy restriction', 'stop_and_alert'],
  131037: ['Display name approval needed', 'the display name is not approved', 'stop_and_alert'],
  131042: ['Business eligibility payment issue', 'a payment method or credit line problem', 'stop_and_alert'],
  131045: ['Incorrect certificate', 'a registration error', 'stop_and_alert'],
  131047: ['Re-engagement message', 'more than 24 hours since the customer last wrote', 'switch_to_template'],
  131048: ['Spam rate limit hit', 'earlier messages were blocked or reported', 'stop_and_alert'],
  131049: ['Meta chose not to deliver', 'the per-user marketing limit held the message', 'give_up'],
  131050: ['User stopped marketing messages', 'the customer stopped marketing messages', 'give_up'],
  131051: ['Unsupported message type', 'the message type is not supported', 'give_up'],
  131052: ['Media download error', "Meta could not download the customer's media", 'give_up'],
  131053: ['Media upload error', 'the media could not be fetched or processed', 'give_up'],
  131056: ['Pair rate limit hit', 'too many messages to the same customer in a short time', 'retry_recipient_later'],
  131057: ['Account in maintenance mode', 'the account is briefly in maintenance', 'retry_backoff'],
  131062: ['BSUID not supported', 'this message can only go to a phone number', 'give_up'],
  131063: ['Marketing templates disabled for Cloud API', 'route marketing templates to /marketing_messages', 'give_up'],
  131064: [
    'Messaging limit from template classification violations',
    'limited for misclassified templates',
    'stop_and_alert',
  ],
  132000: ['Template param count mismatch', 'the parameter count differs from the template', 'give_up'],
  132001: ['Template does not exist', 'no approved template with that name and language', 'give_up'],
  132005: ['Template hydrated text too long', 'the filled-in template is too long', 'give_up'],
  132007: ['Template format character policy violated', 'a parameter breaks the character policy', 'give_up'],
  132012: ['Template parameter format mismatch', 'a parameter has the wrong type or format', 'give_up'],
  132015: ['Template is paused', 'the template is paused for low quality', 'switch_to_template'],
  132016: ['Template is disabled', 'the template is disabled for low quality', 'switch_to_template'],
  132068: ['Flow is blocked', 'the flow is blocked', 'give_up'],
  132069: ['Flow is throttled', 'the flow is throttled', 'retry_backoff'],
  133010: ['Phone number not registered', 'the number is not registered with the Cloud API', 'stop_and_alert'],
  133016: ['Register/deregister rate limit', 'too many registration attempts', 'retry_backoff'],
  135000: ['Generic user error', 'a generic user error', 'give_up'],
  137000: ['Identity key mismatch', "the customer's identity key changed", 'give_up'],
};

const RETRYABLE: ReadonlySet<ErrorReaction> = new Set(['retry_backoff', 'retry_recipient_later']);

function classOf(code: number, [title, meaning, reaction]: Entry): ErrorClass {
  return { code, title, meaning, reaction, retryable: RETRYABLE.has(reaction) };
}

/**
 * The meaning and reaction for a Cloud API error code. Codes not in the table:
 * permission codes 200–299 and registration codes 133000–133009 alert an operator;
 * anything else is permanent (give up), since retrying an unknown rejection
 * blindly only burns quota.
 */
export function classifyGraphError(code: number): ErrorClass {
  const known = CATALOGUE[code];
  if (known) return classOf(code, known);
  if (code >= 200 && code <= 299)
    return classOf(code, ['Permission denied', 'a permission is missing', 'stop_and_alert']);
  if (code >= 133000 && code <= 133009) {
    return classOf(code, ['Registration error', 'a registration or two-step PIN error', 'stop_and_alert']);
  }
  return classOf(code, ['Unknown error', 'an error code Parley does not know', 'give_up']);
}

/** The codes the catalogue names explicitly (for documentation and tests). */
export const CATALOGUED_CODES: readonly number[] = Object.keys(CATALOGUE).map(Number);
