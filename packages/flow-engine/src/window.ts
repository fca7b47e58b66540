// The 24-hour customer service window is one of WhatsApp's rules, stated once in
// @parley/whatsapp-rules (open iff the customer wrote less than 24 hours ago);
// the engine re-exports it so its users keep importing it from here.
export { isWindowOpen, SERVICE_WINDOW_MS } from '@parley/whatsapp-rules';
