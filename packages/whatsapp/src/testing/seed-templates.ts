import type { TemplateSeed } from '../simulator/options.ts';

/** The templates the send-template fixtures refer to, as Meta would hold them. */
export const FIXTURE_TEMPLATES: TemplateSeed[] = [
  {
    name: 'order_shipped',
    language: 'en_US',
    category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'IMAGE' },
      { type: 'BODY', text: 'Hi {{1}}, your order of {{2}} shipped on {{3}}. Tap below to track it.' },
      { type: 'FOOTER', text: 'Example Shop' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Need help' },
          { type: 'URL', text: 'Track order', url: 'https://example.com/track/{{1}}' },
        ],
      },
    ],
  },
  {
    name: 'reservation_confirmation',
    language: 'en_US',
    category: 'UTILITY',
    parameter_format: 'NAMED',
    components: [
      { type: 'BODY', text: 'Your table for {{number_of_guests}} on {{day}}, {{date}} at {{time}} is confirmed.' },
    ],
  },
  {
    name: 'autumn_coupon',
    language: 'de',
    category: 'MARKETING',
    components: [
      { type: 'BODY', text: 'Herbst-Rabatt: {{1}} auf alles.' },
      { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'HERBST25' }] },
    ],
  },
  {
    name: 'weekly_promo',
    language: 'en',
    category: 'MARKETING',
    status: 'PAUSED',
    components: [{ type: 'BODY', text: 'New this week: {{1}}' }],
  },
  {
    name: 'old_promo',
    language: 'en',
    category: 'MARKETING',
    status: 'DISABLED',
    components: [{ type: 'BODY', text: 'Old news' }],
  },
  {
    name: 'hello_world',
    language: 'en_US',
    category: 'UTILITY',
    components: [{ type: 'BODY', text: 'Hello world' }],
  },
];
