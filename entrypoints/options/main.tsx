import { render } from 'preact';
import { call } from '@/components/api';
import { OptionsApp } from '@/components/options/OptionsApp';
import { applyLanguage } from '@/components/options/ui-state';
import '@/components/page.css';

void call('getSettings')
  .then((s) => applyLanguage(s.language))
  .catch(() => undefined)
  .finally(() => render(<OptionsApp />, document.getElementById('app')!));
