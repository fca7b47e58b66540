import { createHash } from 'node:crypto';
import { MEDIA_LIMITS, type MediaKind } from '../../schemas/limits.ts';
import { createNumericId, createToken } from '../ids.ts';

const URL_LIFETIME_MS = 5 * 60 * 1000;

export type StoredMedia = { id: string; bytes: Uint8Array; mimeType: string; sha256: string; createdAt: number };

/** The kind of media a MIME type is allowed as, if any (reference §10.3). Stickers are webp only. */
export function mediaKindOf(mimeType: string): MediaKind | undefined {
  const bare = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  const kinds: MediaKind[] = ['image', 'video', 'audio', 'document', 'sticker'];
  return kinds.find((kind) => MEDIA_LIMITS[kind].mimeTypes.some((allowed) => allowed === bare));
}

/**
 * Uploaded media and short-lived download URLs, reference §10.2: the URL
 * from `GET /{media-id}` lives five minutes (on the simulator's clock), and the
 * download needs the bearer token. At most `maxFiles` files are held in
 * memory, the oldest dropped first.
 */
export function createMediaStore(maxFiles = 1000) {
  const media = new Map<string, StoredMedia>();
  const urls = new Map<string, { mediaId: string; expiresAt: number }>();
  return {
    /** Stores a file, or explains why Meta would refuse it (131053). */
    put(
      bytes: Uint8Array,
      mimeType: string,
      now: number,
    ): { ok: true; media: StoredMedia } | { ok: false; details: string } {
      const kind = mediaKindOf(mimeType);
      if (!kind) return { ok: false, details: `Unsupported media type ${mimeType}` };
      const max = MEDIA_LIMITS[kind].maxBytes;
      if (bytes.byteLength > max) {
        return { ok: false, details: `The ${kind} is ${bytes.byteLength} bytes; WhatsApp allows ${max}` };
      }
      const stored: StoredMedia = {
        id: createNumericId(),
        bytes,
        mimeType,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        createdAt: now,
      };
      media.set(stored.id, stored);
      // Maps iterate in insertion order, so the first keys are the oldest files.
      for (const id of media.keys()) {
        if (media.size <= maxFiles) break;
        media.delete(id);
      }
      return { ok: true, media: stored };
    },
    get(id: string): StoredMedia | undefined {
      return media.get(id);
    },
    delete(id: string): boolean {
      return media.delete(id);
    },
    issueUrl(id: string, now: number): string {
      const token = createToken();
      // Expired URLs are useless; dropping them here keeps the map as small as the live ones.
      for (const [old, url] of urls) if (url.expiresAt <= now) urls.delete(old);
      urls.set(token, { mediaId: id, expiresAt: now + URL_LIFETIME_MS });
      return token;
    },
    /** The media behind a download token, unless the token expired. */
    redeem(token: string, now: number): StoredMedia | undefined {
      const found = urls.get(token);
      if (!found || found.expiresAt <= now) return undefined;
      return media.get(found.mediaId);
    },
  };
}

export type MediaStore = ReturnType<typeof createMediaStore>;
