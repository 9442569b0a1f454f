import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { BUILT_IN_SITE_MATCHES } from './lib/sites/built-in-matches';

// The manifest asks for what the features need and nothing more; the README
// explains each permission. Sites beyond the built-in list are optional host
// permissions requested at run time when the rep turns Huashu on for them.
export default defineConfig({
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
  vite: () => ({
    plugins: [preact()],
  }),
});
