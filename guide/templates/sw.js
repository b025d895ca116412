// The guide's service worker. Made by guide/pwa.py; its version is the app's build id, so
// every deploy installs a new worker with a new cache and the old cache is deleted.
"use strict";

const CONFIG = {{ config|safe }};
const CACHE = "guide-" + CONFIG.version;
const PAGE_TIMEOUT_MS = 3000;

self.addEventListener("install", (event) => {
  // The shell and every language's offline page, so an unvisited page can still explain.
  const urls = CONFIG.shell.concat(Object.values(CONFIG.offline));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(urls)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("guide-") && name !== CACHE) {
        await caches.delete(name);
      }
    }
    await self.clients.claim();
    // The page that installed the worker was loaded before it existed: keep it (and its
    // language's whole-guide PDF) now, so the very first visit already works offline.
    const windows = await self.clients.matchAll({ type: "window" });
    await Promise.all(windows.map((client) => keepPage(new URL(client.url))));
  })());
});

async function keepPage(url) {
  if (url.origin !== self.location.origin) {
    return;
  }
  await refresh(url.pathname + url.search);
  const lang = languageOf(url);
  if (lang) {
    await Promise.all(companions(lang).map(refresh));
  }
}

// What a person who opened a language's guide may need with no signal: its whole-guide PDF
// and its visit screen (which shows the list kept on the device).
function companions(lang) {
  return ["/" + lang + "/checklist.pdf", "/" + lang + "/visit"];
}

// The page asks the waiting worker to take over once the person agrees to update. It also
// names the static files it loaded before the worker existed (a font for the language
// names, say), which no fetch event saw: keep those too, or the next visit asks for them.
const MOST_KEPT = 40;
self.addEventListener("message", (event) => {
  if (event.data === "skipWaiting") {
    self.skipWaiting();
  } else if (event.data && Array.isArray(event.data.loaded)) {
    event.waitUntil(keepLoaded(event.data.loaded.slice(0, MOST_KEPT)));
  }
});

async function keepLoaded(urls) {
  for (const raw of urls) {
    const url = new URL(String(raw), self.location.origin);
    if (url.origin !== self.location.origin || !url.pathname.startsWith(CONFIG.staticPrefix)) {
      continue;
    }
    const path = url.pathname + url.search;
    if (!(await caches.match(path, { ignoreVary: true }))) {
      await refresh(path);
    }
  }
}

function languageOf(url) {
  const first = url.pathname.split("/")[1];
  return CONFIG.languages.includes(first) ? first : null;
}

function storable(response) {
  // Never keep a response that asks not to be stored (a PDF made from what someone typed).
  const cacheControl = response.headers.get("Cache-Control") || "";
  return response.ok && response.type === "basic" && !/no-store|private/.test(cacheControl);
}

async function put(request, response) {
  if (!storable(response)) {
    return;
  }
  // Read every byte before the entry exists: a download cut off half way (the signal drops)
  // must never leave a truncated PDF or page in the cache, or push out a good copy.
  const body = await response.arrayBuffer();
  const cache = await caches.open(CACHE);
  await cache.put(request, new Response(body, {
    status: response.status, statusText: response.statusText, headers: response.headers,
  }));
}

function timeout(ms) {
  return new Promise((resolve, reject) => setTimeout(() => reject(new Error("timeout")), ms));
}

async function networkFirst(event) {
  const request = event.request;
  const url = new URL(request.url);
  try {
    const response = await Promise.race([fetch(request), timeout(PAGE_TIMEOUT_MS)]);
    event.waitUntil(put(request, response.clone()));
    const lang = languageOf(url);
    if (lang && url.pathname === "/" + lang + "/" && response.ok) {
      // A language someone opened: keep its whole-guide PDF and visit screen offline too.
      for (const path of companions(lang)) {
        if (!(await caches.match(path, { ignoreVary: true }))) {
          event.waitUntil(refresh(path));
        }
      }
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, { ignoreVary: true }) ||
      await caches.match(url.pathname, { ignoreVary: true });
    if (cached) {
      return cached;
    }
    if (request.mode === "navigate") {
      const offline = CONFIG.offline[languageOf(url) || CONFIG.languages[0]];
      const page = await caches.match(offline);
      if (page) {
        return page;
      }
    }
    throw error;
  }
}

async function refresh(path) {
  try {
    await put(new Request(path), await fetch(path));
  } catch (error) {
    // Offline or refused: the copy already cached (if any) stays.
  }
}

async function cacheFirst(event) {
  const cached = await caches.match(event.request, { ignoreVary: true });
  if (cached) {
    return cached;
  }
  const response = await fetch(event.request);
  event.waitUntil(put(event.request, response.clone()));
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Same-origin GET only: a POST (which may hold what a person typed) goes straight to the
  // network and is never cached.
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (url.pathname === "/sw.js") {
    return;
  }
  if (url.pathname.startsWith(CONFIG.staticPrefix)) {
    event.respondWith(cacheFirst(event));
  } else {
    event.respondWith(networkFirst(event));
  }
});
