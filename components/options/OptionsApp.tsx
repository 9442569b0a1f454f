/** The options page (library, import, settings, report) — filled in by the library-management feature. */
import { pick } from '../i18n';

export function OptionsApp() {
  return (
    <main style={{ maxWidth: '960px', margin: '0 auto', padding: '24px' }}>
      <h1>
        <span class="logo">话术 Huashu</span> · {pick({ zh: '设置', en: 'Settings' })}
      </h1>
    </main>
  );
}
