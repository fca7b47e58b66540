import { z } from 'zod';
import { VariableName } from '../ids.ts';
import { nodeBase, sessionSendFields, waitFields } from './common.ts';

/** Asks the customer to share their location and waits for it. */
export const LocationRequestNode = z.object({
  ...nodeBase,
  kind: z.literal('location_request'),
  body: z.string(),
  /** Where the shared location is kept: `{latitude, longitude, name?, address?}`. */
  saveAs: VariableName.optional(),
  ...waitFields,
  ...sessionSendFields,
});
export type LocationRequestNode = z.infer<typeof LocationRequestNode>;
