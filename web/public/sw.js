/* global self, caches, fetch, Response, URL */
/*
 * Twofold service worker: makes the app installable and lets its shell (and the built-in crisis
 * lines) open without a connection. It caches only the app's own static files. It never touches
 * /api/: health data must not sit in any browser cache (PRODUCT.md, architecture).
 */
const cacheName = 'twofold-shell-v1';
const shell = ['/', '/manifest.webmanifest', '/icon.svg', '/icon-192.png', '/neutral.html', '/neutral.css'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(shell))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== cacheName).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) {
    return; // the network, untouched
  }
  if (request.mode === 'navigate') {
    // Pages: always the network first (fresh app), the cached shell only when offline.
    event.respondWith(fetch(request).catch(() => caches.match('/').then((cached) => cached || Response.error())));
    return;
  }
  if (shell.includes(url.pathname)) {
    // Icons, manifest, the neutral page: fresh when online, cached when not.
    event.respondWith(fetch(request).catch(() => caches.match(request).then((cached) => cached || Response.error())));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    // Built files have a content hash in their name: once cached, they never change.
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              void caches.open(cacheName).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
  }
});

// Reminders (issue 9): a push shows only the fixed, neutral words, whatever its payload says, so a
// lock screen never tells anyone what Twofold reminds of; tapping it opens the reminders list.
self.addEventListener('push', (event) => {
  event.waitUntil(
    self.registration.showNotification('Twofold', {
      body: 'You have a reminder in Twofold',
      icon: '/icon-192.png',
      tag: 'twofold-reminder',
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => 'focus' in client);
      if (open) {
        return open.navigate('/reminders').then((client) => (client || open).focus());
      }
      return self.clients.openWindow('/reminders');
    }),
  );
});
