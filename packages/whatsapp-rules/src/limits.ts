/**
 * WhatsApp's limits, each stated once with the section of the project's Cloud
 * API reference it comes from (Meta: https://developers.facebook.com/docs/whatsapp/cloud-api/messages).
 * A change by Meta is a one-line change here.
 *
 * Two views come out of the table: what the editor lets a flow hold
 * (`EDITOR_LIMITS`) and what Meta accepts today, which the Cloud API payload
 * schemas and the simulator enforce (`ACCEPTED_LIMITS`). Most limits are the
 * same on both sides; an entry that is not says so, and why.
 */

/** A section of the Cloud API reference, e.g. `§2.1`. */
export type ReferenceSection = `§${string}`;

/** One number that the editor and the payload schemas both hold. */
export type SharedLimit = { readonly limit: number; readonly ref: ReferenceSection };

/** The editor deliberately allows less than Meta (and so the simulator) accepts. */
export type EditorStricterLimit = {
  readonly editor: number;
  readonly accepted: number;
  readonly ref: ReferenceSection;
  readonly why: string;
};

/** Only outbound payloads are checked against it: the editor has no field it applies to, or does not check it. */
export type AcceptedOnlyLimit = { readonly accepted: number; readonly ref: ReferenceSection; readonly why: string };

export type Limit = SharedLimit | EditorStricterLimit | AcceptedOnlyLimit;

export const LIMITS = {
  textBody: { limit: 4096, ref: '§2.1' },
  /** Images, videos and documents; audio and stickers carry no caption. */
  mediaCaption: { limit: 1024, ref: '§2.1' },
  /** Reply buttons, cta_url and location_request. */
  interactiveBody: { limit: 1024, ref: '§2.1' },
  listBody: {
    editor: 1024,
    accepted: 4096,
    ref: '§2.1',
    why: "Meta's Dec-2025 list page says 4096 and Meta accepts it today; older pages said 1024, so the editor keeps flows to the safe value",
  },
  interactiveFooter: { limit: 60, ref: '§2.1' },
  interactiveHeaderText: { limit: 60, ref: '§2.1' },
  replyButtonsMax: { limit: 3, ref: '§2.1' },
  replyButtonTitle: { limit: 20, ref: '§2.1' },
  replyButtonId: { limit: 256, ref: '§2.1' },
  listButtonText: { limit: 20, ref: '§2.1' },
  listSectionsMax: { limit: 10, ref: '§2.1' },
  /** Across all sections of one list. */
  listRowsMax: { limit: 10, ref: '§2.1' },
  listSectionTitle: { limit: 24, ref: '§2.1' },
  listRowId: { limit: 200, ref: '§2.1' },
  listRowTitle: { limit: 24, ref: '§2.1' },
  listRowDescription: { limit: 72, ref: '§2.1' },
  ctaDisplayText: { limit: 20, ref: '§2.1' },
  /** Lowercase letters, digits and underscore. */
  templateName: { limit: 512, ref: '§7.2' },
  /** For a template that has components besides its body. */
  templateBodyParameter: { limit: 1024, ref: '§2.1' },
  templateBodyOnlyParameter: {
    accepted: 32_768,
    ref: '§2.1',
    why:
      'whatsapp-api-js allows longer body parameters when the template has no other component (unconfirmed by Meta); ' +
      'the editor cannot tell whether an approved template is body-only, so it holds every body parameter to templateBodyParameter',
  },
  templateHeaderParameter: { limit: 60, ref: '§2.1' },
  templateButtonsMax: { limit: 10, ref: '§7.2' },
  templateParameterName: {
    accepted: 20,
    ref: '§2.7',
    why: 'an SDK cap that Meta does not confirm; the editor checks the form of parameter names, not their length',
  },
  /** biz_opaque_callback_data (an SDK limit). */
  callbackData: { limit: 512, ref: '§1.1' },
  phoneDigitsMin: { accepted: 8, ref: '§10.1', why: 'flows hold no phone numbers; only outbound payloads carry them' },
  phoneDigitsMax: { accepted: 15, ref: '§10.1', why: 'flows hold no phone numbers; only outbound payloads carry them' },
  bsuidMax: { accepted: 256, ref: '§10.1', why: 'flows hold no BSUIDs; only outbound payloads carry them' },
} as const satisfies Record<string, Limit>;

type Table = typeof LIMITS;
export type LimitName = keyof Table;
/** The limits a flow in the editor is held to: every entry but the accepted-only ones. */
export type EditorLimitName = {
  [K in LimitName]: Table[K] extends SharedLimit | EditorStricterLimit ? K : never;
}[LimitName];

/** The number the editor holds a flow to, or undefined when the editor does not check the limit. */
export function editorValue(limit: Limit): number | undefined {
  if ('limit' in limit) return limit.limit;
  if ('editor' in limit) return limit.editor;
  return undefined;
}

/** The number Meta accepts today, which the payload schemas and the simulator enforce. */
export function acceptedValue(limit: Limit): number {
  return 'limit' in limit ? limit.limit : limit.accepted;
}

function isLimitName(key: string): key is LimitName {
  return Object.hasOwn(LIMITS, key);
}

function isEditorLimitName(name: LimitName): name is EditorLimitName {
  return editorValue(LIMITS[name]) !== undefined;
}

const LIMIT_NAMES: readonly LimitName[] = Object.keys(LIMITS).filter(isLimitName);

function buildView<K extends LimitName>(
  names: readonly K[],
  side: (limit: Limit) => number | undefined,
): Readonly<Record<K, number>> {
  const view: Partial<Record<K, number>> = {};
  for (const name of names) view[name] = side(LIMITS[name]);
  if (!hasEvery(view, names)) throw new Error('a limit has no number on this side of the table');
  return view;
}

function hasEvery<K extends string>(view: Partial<Record<K, number>>, names: readonly K[]): view is Record<K, number> {
  return names.every((name) => typeof view[name] === 'number');
}

/** What the editor and the flow validator allow, limit by limit. */
export const EDITOR_LIMITS = buildView(LIMIT_NAMES.filter(isEditorLimitName), editorValue);

/** What Meta accepts today, limit by limit: the Cloud API payload schemas and the simulator enforce these. */
export const ACCEPTED_LIMITS = buildView(LIMIT_NAMES, acceptedValue);
