import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { BUILT_IN_SITE_MATCHES, DEMO_MATCHES } from './lib/sites/built-in-matches';

// The manifest asks for what the features need and nothing more; the README
// explains each permission. Sites beyond the built-in list are optional host
// permissions requested at run time when the rep turns Huashu on for them.
//
// The demo origins (localhost, 127.0.0.1) are for the development and test
// builds only: `npm run build` (production mode) makes what a rep installs,
// and every local web app a rep runs must not get the sidebar. They are
// removed from the generated manifest, so the code of both builds is the same.
const withoutDemoOrigins = (matches: string[] | undefined) => matches?.filter((m) => !(DEMO_MATCHES as readonly string[]).includes(m));

export default defineConfig({
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'production') return;
      manifest.host_permissions = withoutDemoOrigins(manifest.host_permissions);
      for (const script of manifest.content_scripts ?? []) script.matches = withoutDemoOrigins(script.matches);
    },
  },
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'contextMenus', 'alarms', 'notifications', 'scripting', 'clipboardWrite'],
    host_permissions: [...BUILT_IN_SITE_MATCHES],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // The sidebar's stylesheet is fetched by the content script; sites the rep adds at run time need it too.
    web_accessible_resources: [{ resources: ['content-scripts/sidebar.css'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
    action: { default_title: '话术 Huashu' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandToggleSidebar__',
      },
    },
  },
  vite: (env) => {
    // The test build runs the very code a rep installs: WXT's runtime and Preact's preset read
    // the mode (logger, devtools, JSX debug info), so it is built as production; only the manifest
    // differs. Both builds are production code whatever NODE_ENV the shell (or a test runner) has.
    if (env.mode === 'test' || env.mode === 'production') process.env.NODE_ENV = 'production';
    return {
      plugins: [preact()],
      ...(env.mode === 'test' ? { define: { 'import.meta.env.MODE': '"production"' } } : {}),
    };
  },
});
