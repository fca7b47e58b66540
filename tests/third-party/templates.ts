import type { TemplateSeed } from '@parley/whatsapp/simulator';

/** Approved templates the third-party template sends refer to. */
export const TEMPLATES: TemplateSeed[] = [
  {
    name: 'order_shipped',
    language: 'en_US',
    category: 'UTILITY',
    components: [{ type: 'BODY', text: 'Hi {{1}}, your order of {{2}} shipped.' }],
  },
  {
    name: 'reservation_confirmation',
    language: 'en_US',
    category: 'UTILITY',
    parameter_format: 'NAMED',
    components: [{ type: 'BODY', text: 'Your table for {{number_of_guests}} on {{day}} is confirmed.' }],
  },
];
