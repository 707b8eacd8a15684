import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// The desk is served by the Spring Boot jar under /desk/ (classpath static/desk). Three entries: the desk
// app (index.html, hashed chunks), the call center page (center.html, served at /center) and
// statusbar.js, a fixed name the server-rendered pages include.
export default defineConfig({
  base: '/desk/',
  plugins: [vue()],
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    outDir: '../target/classes/static/desk',
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: {
        desk: here('./index.html'),
        center: here('./center.html'),
        statusbar: here('./src/statusbar.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'statusbar' ? 'statusbar.js' : 'assets/[name]-[hash].js'),
        // the chunk both entries share (Vue, vue-i18n, the status bar) gets a plain name
        chunkFileNames: (chunk) => (chunk.name.includes('_vue_type_') ? 'assets/shared-[hash].js' : 'assets/[name]-[hash].js'),
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:8080',
      '/login': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.ts'],
    restoreMocks: true,
  },
})
