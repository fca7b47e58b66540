import * as undici from 'undici';
import { z } from 'zod';
import {
  MediaInfo,
  MediaUploadResponse,
  PhoneNumberFields,
  SendSuccess,
  SuccessResponse,
} from '../schemas/graph/responses.ts';
import {
  type TemplateCreateRequest,
  TemplateCreateResponse,
  TemplateListResponse,
} from '../schemas/graph/templates.ts';
import type { OutboundMessage } from '../schemas/outbound/message.ts';
import { encodeMultipart } from './multipart.ts';
import {
  type FetchLike,
  type GraphResult,
  graphFailure,
  type RequestConfig,
  requestJson,
  sendRequest,
} from './request.ts';

/** Reference §9: v21.0 expires in Jan 2027; v25.0 is what Meta's own examples use. */
export const DEFAULT_API_VERSION = 'v25.0';
export const DEFAULT_BASE_URL = 'https://graph.facebook.com';

export type GraphClientOptions = {
  /** `https://graph.facebook.com`, or a simulator's URL. */
  baseUrl?: string;
  apiVersion?: string;
  accessToken: string;
  phoneNumberId: string;
  wabaId?: string;
  /** Per request; default 10 s. */
  timeoutMs?: number;
  /** Any fetch-compatible function (the global fetch, undici's). Defaults to the global fetch. */
  fetch?: FetchLike;
  /** undici Agent/Pool for keep-alive; with it and no `fetch`, undici's own fetch is used so they match. */
  dispatcher?: unknown;
  /** Send MARKETING templates to `/marketing_messages` (Meta's 2026 routing) instead of `/messages`. */
  routeMarketingTemplates?: boolean;
};

export type SendOptions = {
  /** The template's category, when known; MARKETING goes to `/marketing_messages` if the client routes it. */
  category?: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
  /** Force an endpoint, overriding the routing rule. */
  endpoint?: 'messages' | 'marketing_messages';
};

export type TemplateListQuery = {
  limit?: number;
  after?: string;
  before?: string;
  name?: string;
  status?: string;
  category?: string;
  language?: string;
  fields?: string[];
};

export type MediaDownload = { bytes: Uint8Array; mimeType: string };

const Success = SuccessResponse;

/**
 * A small Graph API client for the calls Parley makes. Every method resolves to
 * a value: `{ ok: true, status, body }` with the body parsed by zod, or
 * `{ ok: false, status, error }` where `error` is Meta's Graph error or a
 * `timeout` / `network` / `invalid_response` failure. It never throws for those.
 */
export function createGraphClient(options: GraphClientOptions) {
  const base = `${(options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '')}/${options.apiVersion ?? DEFAULT_API_VERSION}`;
  const config: RequestConfig = {
    fetch: options.fetch ?? (options.dispatcher !== undefined ? fetchWithUndici : fetchGlobal),
    accessToken: options.accessToken,
    timeoutMs: options.timeoutMs ?? 10_000,
    dispatcher: options.dispatcher,
  };
  const pn = `${base}/${encodeURIComponent(options.phoneNumberId)}`;

  function wabaUrl(): string | undefined {
    return options.wabaId === undefined ? undefined : `${base}/${encodeURIComponent(options.wabaId)}/message_templates`;
  }

  const noWaba = Promise.resolve({
    ok: false as const,
    status: 0,
    error: { code: 'invalid_response' as const, message: 'the client was created without a wabaId' },
  });

  return {
    sendMessage(body: OutboundMessage, send: SendOptions = {}): Promise<GraphResult<SendSuccess>> {
      const marketing = options.routeMarketingTemplates === true && send.category === 'MARKETING';
      const endpoint = send.endpoint ?? (marketing ? 'marketing_messages' : 'messages');
      return requestJson(config, { method: 'POST', url: `${pn}/${endpoint}`, json: body }, SendSuccess);
    },

    markRead(messageId: string): Promise<GraphResult<SuccessResponse>> {
      const json = { messaging_product: 'whatsapp', status: 'read', message_id: messageId };
      return requestJson(config, { method: 'POST', url: `${pn}/messages`, json }, Success);
    },

    /** Shows "typing…" for up to 25 s (and marks the message read). Only when a reply is really coming. */
    typing(messageId: string): Promise<GraphResult<SuccessResponse>> {
      const json = {
        messaging_product: 'whatsapp',
        status: 'read',
        message_id: messageId,
        typing_indicator: { type: 'text' },
      };
      return requestJson(config, { method: 'POST', url: `${pn}/messages`, json }, Success);
    },

    phoneNumber(fields: readonly string[]): Promise<GraphResult<PhoneNumberFields>> {
      const url = `${pn}?fields=${encodeURIComponent(fields.join(','))}`;
      return requestJson(config, { method: 'GET', url }, PhoneNumberFields);
    },

    templates: {
      /** One page; follow `body.paging.cursors.after` (or `paging.next`) for the next. */
      list(query: TemplateListQuery = {}): Promise<GraphResult<TemplateListResponse>> {
        const url = wabaUrl();
        if (url === undefined) return noWaba;
        const params = new URLSearchParams();
        for (const [key, value] of Object.entries(query)) {
          if (value === undefined) continue;
          params.set(key, Array.isArray(value) ? value.join(',') : String(value));
        }
        const search = params.size > 0 ? `?${params}` : '';
        return requestJson(config, { method: 'GET', url: `${url}${search}` }, TemplateListResponse);
      },
      create(template: TemplateCreateRequest): Promise<GraphResult<TemplateCreateResponse>> {
        const url = wabaUrl();
        if (url === undefined) return noWaba;
        return requestJson(config, { method: 'POST', url, json: template }, TemplateCreateResponse);
      },
      /** Replaces a template's components (and, unless approved, its category); Meta reviews it again. */
      edit(
        templateId: string,
        change: { components?: TemplateCreateRequest['components']; category?: TemplateCreateRequest['category'] },
      ): Promise<GraphResult<SuccessResponse>> {
        return requestJson(
          config,
          { method: 'POST', url: `${base}/${encodeURIComponent(templateId)}`, json: change },
          Success,
        );
      },
      /** Deletes every language of `name`, or one translation when `hsmId` is given. */
      delete(name: string, hsmId?: string): Promise<GraphResult<SuccessResponse>> {
        const url = wabaUrl();
        if (url === undefined) return noWaba;
        const params = new URLSearchParams({ name });
        if (hsmId !== undefined) params.set('hsm_id', hsmId);
        return requestJson(config, { method: 'DELETE', url: `${url}?${params}` }, Success);
      },
    },

    media: {
      upload(file: {
        data: Uint8Array;
        mimeType: string;
        filename?: string;
      }): Promise<GraphResult<MediaUploadResponse>> {
        const body = encodeMultipart([
          { name: 'messaging_product', value: 'whatsapp' },
          { name: 'type', value: file.mimeType },
          { name: 'file', filename: file.filename ?? 'upload', contentType: file.mimeType, data: file.data },
        ]);
        return requestJson(config, { method: 'POST', url: `${pn}/media`, body }, MediaUploadResponse);
      },
      /** The short-lived (5 min) download URL and the file's facts. */
      retrieve(mediaId: string): Promise<GraphResult<MediaInfo>> {
        const url = `${base}/${encodeURIComponent(mediaId)}?phone_number_id=${encodeURIComponent(options.phoneNumberId)}`;
        return requestJson(config, { method: 'GET', url }, MediaInfo);
      },
      delete(mediaId: string): Promise<GraphResult<SuccessResponse>> {
        return requestJson(config, { method: 'DELETE', url: `${base}/${encodeURIComponent(mediaId)}` }, Success);
      },
      /** Downloads from a URL given by `retrieve`, with the bearer token Meta requires; 404 means it expired. */
      async download(url: string): Promise<GraphResult<MediaDownload>> {
        const sent = await sendRequest(config, { method: 'GET', url }, async (response) => ({
          bytes: new Uint8Array(await response.arrayBuffer()),
          mimeType: response.headers.get('content-type') ?? 'application/octet-stream',
        }));
        if (!sent.ok) return sent;
        if (sent.status < 200 || sent.status >= 300) {
          return graphFailure(sent.status, new TextDecoder().decode(sent.value.bytes));
        }
        return { ok: true, status: sent.status, body: sent.value };
      },
    },
  };
}

export type GraphClient = ReturnType<typeof createGraphClient>;

const fetchGlobal: FetchLike = (url, init) => fetch(url, init);
const fetchWithUndici: FetchLike = (url, init) => {
  const { dispatcher, ...rest } = init;
  // undici's fetch takes its own Dispatcher type; the caller gave us one from the same package.
  return undici.fetch(url, dispatcher === undefined ? rest : { ...rest, dispatcher: asDispatcher(dispatcher) });
};

function asDispatcher(value: unknown) {
  return z
    .custom<NonNullable<Parameters<typeof undici.fetch>[1]>['dispatcher']>((v) => typeof v === 'object' && v !== null)
    .parse(value);
}
