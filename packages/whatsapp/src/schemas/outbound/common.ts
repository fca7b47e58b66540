import { z } from 'zod';

/**
 * Shared pieces of the outbound schemas. Issues carry `params.graphCode` when the
 * rule maps to a Graph error code other than the default one for its kind (see
 * errors/issues-to-graph-error.ts), so the simulator answers like Meta.
 */
export const BAD_VALUE = { graphCode: 131009 } as const;

/** A required, non-empty string of at most `max` characters. */
export function boundedText(max: number) {
  return z.string().min(1).max(max);
}

/** Meta examples show template button indexes both as "0" and as 0; both are accepted. */
export const ButtonIndex = z.union([z.string().regex(/^\d+$/), z.number().int().min(0)]);

/** A media reference: an uploaded media id or a public link, never both. */
export function mediaObject<Shape extends z.ZodRawShape>(extra: Shape) {
  return z
    .looseObject({
      id: z.string().min(1).optional(),
      link: z.url({ protocol: /^https?$/ }).optional(),
      ...extra,
    })
    .superRefine((media, ctx) => {
      if (media.id !== undefined && media.link !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'media takes either an id or a link, not both',
          path: ['link'],
          params: BAD_VALUE,
        });
      }
      if (media.id === undefined && media.link === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'media needs an id or a link',
          path: ['id'],
          params: { graphCode: 131008 },
        });
      }
    });
}

export const MediaRef = mediaObject({});
