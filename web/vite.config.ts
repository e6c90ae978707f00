/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { vantIconFont } from './build/vantIconFont.ts'

const backend = process.env.LIANXIN_BACKEND ?? 'http://localhost:8080'
const page = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// Two entries, one build: dist/admin/index.html, dist/m/index.html, shared dist/assets/.
export default defineConfig({
  base: '/',
  plugins: [vue(), vantIconFont(page('./src/mobile/assets/vant-icon.woff2'))],
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // the CSP has no font-src, so default-src 'self' refuses data: fonts: always emit them as files
    assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf|eot)$/i.test(file) ? false : undefined),
    rolldownOptions: {
      input: {
        admin: page('./admin/index.html'),
        m: page('./m/index.html'),
      },
      output: {
        // named vendor chunks instead of names taken from whichever module came first
        codeSplitting: {
          groups: [
            { name: 'vue', test: /node_modules[\\/](@?vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'element-plus', test: /node_modules[\\/](element-plus|@element-plus|@vueuse|@floating-ui|@popperjs|lodash-unified|lodash-es|async-validator|dayjs|memoize-one|normalize-wheel-es)[\\/]/ },
            { name: 'vant', test: /node_modules[\\/](vant|@vant)[\\/]/ },
            { name: 'shared', test: /[\\/]src[\\/]shared[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': backend,
      '/v3': backend,
    },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.ts'],
    css: false,
    // let Vite resolve element-plus's own imports (async-validator's ES build, not its CJS main)
    server: { deps: { inline: ['element-plus'] } },
  },
})
