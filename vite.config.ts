import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

export default defineConfig({
  // Relative URLs everywhere: the built site works from any folder (a project page under
  // /microcosm/, a classroom file server) without rebuilding.
  base: './',
  plugins: [
    react(),
    VitePWA({
      // A new build replaces the old one on the next visit, without asking.
      registerType: 'autoUpdate',
      // The icons are in the precache through globPatterns already.
      includeManifestIcons: false,
      injectRegister: 'script-defer',
      manifest: {
        name: 'microcosm',
        short_name: 'microcosm',
        description: 'Build a microservice architecture, push load through it, break things and watch.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f4f6f9',
        theme_color: '#1f3b63',
        icons: [
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app shell, every lazily loaded chunk (charts, traces, the layout library), the
        // engine's worker and the icons: after one visit the page runs with no network at all.
        // Presets and lessons are bundled into the JavaScript, so they come along.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // The layout library is one 1.5 MB chunk; it must fit.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // Take over the open page as soon as everything is cached, so that it already works
        // offline (and a new build's worker replaces the old one at once).
        clientsClaim: true,
        skipWaiting: true,
        navigateFallback: 'index.html',
        // An embed link's options (embed.html?panels=…&autoplay=1) still find the cached page.
        ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^embed$/, /^panels$/, /^autoplay$/, /^theme$/],
      },
      // `npm run dev` serves modules straight from the sources: no service worker there.
      devOptions: { enabled: false },
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022', chunkSizeWarningLimit: 2000, manifest: true,
    // The playground, and two small pages of their own: the read-only embedded view and the
    // presenter's notes window, each loading only what it shows.
    rollupOptions: { input: { main: page('index.html'), embed: page('embed.html'), notes: page('notes.html') } },
  },
});
