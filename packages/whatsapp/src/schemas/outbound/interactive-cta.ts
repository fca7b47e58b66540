import { z } from 'zod';
import { CLOUD_API_LIMITS } from '../limits.ts';
import { boundedText } from './common.ts';
import { InteractiveFooter, InteractiveHeader, interactiveBody } from './interactive-parts.ts';

// Call-to-action URL and location request, reference §2.6.
// https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-cta-url-messages
// https://developers.facebook.com/docs/whatsapp/cloud-api/messages/location-request-messages

export const CtaUrlInteractive = z.looseObject({
  type: z.literal('cta_url'),
  header: InteractiveHeader.optional(),
  body: interactiveBody(CLOUD_API_LIMITS.interactiveBody),
  footer: InteractiveFooter.optional(),
  action: z.looseObject({
    name: z.literal('cta_url'),
    parameters: z.looseObject({
      display_text: boundedText(CLOUD_API_LIMITS.ctaDisplayText),
      url: z.url({ protocol: /^https?$/ }),
    }),
  }),
});

export const LocationRequestInteractive = z.looseObject({
  type: z.literal('location_request_message'),
  body: interactiveBody(CLOUD_API_LIMITS.interactiveBody),
  action: z.looseObject({ name: z.literal('send_location') }),
});
