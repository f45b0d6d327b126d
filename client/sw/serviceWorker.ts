import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

/**
 * The app shell, kept in the browser so that a board opened before opens
 * again without the network: the board itself is in IndexedDB
 * (`y-indexeddb`), this keeps the page, its scripts, styles and fonts.
 *
 * - The build's files (`__WB_MANIFEST`, filled in by vite-plugin-pwa) are
 *   stored at install and served from here: their names carry their hash.
 * - A page (`/`, `/b/:id`) comes from the network while there is one, so a
 *   new version shows as soon as it is deployed; without an answer within
 *   `NETWORK_WAIT_MS` it is the stored `index.html`.
 * - Nothing else goes through here: the API (sessions, exports, history),
 *   `/healthz` and the collaboration socket always ask the server, so no
 *   stale answer is ever shown as current and no token is ever stored.
 *   Board tokens travel in the link's fragment, which no request carries.
 */
const NETWORK_WAIT_MS = 4000;

// A new version takes over once installed; the promise only reports that the flag is set, so nothing waits on it.
void self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: "", cleanURLs: false });

async function fromNetwork(request: Request): Promise<Response> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), NETWORK_WAIT_MS);
  try {
    return await fetch(request, { signal: abort.signal });
  } finally {
    clearTimeout(timer);
  }
}

registerRoute(
  new NavigationRoute(
    async ({ request }) => {
      try {
        return await fromNetwork(request);
      } catch {
        return (await matchPrecache("index.html")) ?? Response.error();
      }
    },
    { denylist: [/^\/api\//, /^\/healthz$/, /^\/collab/] },
  ),
);
