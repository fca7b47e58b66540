/**
 * whatsapp-api-js hard-codes https://graph.facebook.com but takes a `fetch`
 * ponyfill; this one sends every Graph call to the simulator instead, leaving
 * path, method, headers and body exactly as the library built them.
 */
export function fetchVia(simulatorUrl: string, seen: string[] = []): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin === 'https://graph.facebook.com') {
      seen.push(`${init?.method ?? 'GET'} ${url.pathname}`);
      return fetch(`${simulatorUrl}${url.pathname}${url.search}`, init);
    }
    return fetch(input, init);
  };
}
