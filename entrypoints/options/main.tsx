import { render } from 'preact';
import { call } from '@/components/api';
import { setLanguage } from '@/components/i18n';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/components/page.css';

void call('getSettings')
  .then((s) => setLanguage(s.language))
  .catch(() => undefined)
  .finally(() => render(<OptionsApp />, document.getElementById('app')!));
