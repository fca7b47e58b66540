import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../limits.ts';
import { BAD_VALUE, boundedText } from './common.ts';
import { requireUnique } from './interactive-buttons.ts';
import { InteractiveFooter, interactiveBody, TextHeader } from './interactive-parts.ts';

// List messages, reference §2.5: ≤10 sections and ≤10 rows across all of them; text header only.
// https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-list-messages

const ListRow = z.looseObject({
  id: boundedText(CLOUD_API_LIMITS.listRowId),
  title: boundedText(CLOUD_API_LIMITS.listRowTitle),
  description: z.string().max(CLOUD_API_LIMITS.listRowDescription).optional(),
});

const ListSection = z.looseObject({
  title: boundedText(CLOUD_API_LIMITS.listSectionTitle).optional(),
  rows: z.array(ListRow).min(1),
});

export const ListInteractive = z.looseObject({
  type: z.literal('list'),
  header: TextHeader.optional(),
  body: interactiveBody(CLOUD_API_LIMITS.listBody),
  footer: InteractiveFooter.optional(),
  action: z.looseObject({
    button: boundedText(CLOUD_API_LIMITS.listButtonText),
    sections: z
      .array(ListSection)
      .min(1)
      .max(CLOUD_API_LIMITS.listSectionsMax)
      .superRefine((sections, ctx) => {
        const rows = sections.flatMap((section, s) => section.rows.map((row, r) => ({ row, path: [s, 'rows', r] })));
        if (rows.length > CLOUD_API_LIMITS.listRowsMax) {
          ctx.addIssue({
            code: 'custom',
            message: `the list has ${rows.length} rows; WhatsApp allows ${CLOUD_API_LIMITS.listRowsMax} across all sections`,
            path: [],
            params: BAD_VALUE,
          });
        }
        requireUnique(
          rows,
          (entry) => entry.row.id,
          (i) => [...(rows[i]?.path ?? []), 'id'],
          'the row id',
          ctx,
        );
        if (sections.length > 1) {
          sections.forEach((section, s) => {
            if (section.title === undefined) {
              ctx.addIssue({
                code: 'custom',
                message: 'each section needs a title once the list has more than one section',
                path: [s, 'title'],
                params: { graphCode: 131008 },
              });
            }
          });
        }
      }),
  }),
});
