import { render } from 'preact';
import { call } from '@/components/api';
import { setLanguage } from '@/components/i18n';
import { Popup } from '@/components/popup/Popup';
import '@/components/page.css';

void call('getSettings')
  .then((s) => setLanguage(s.language))
  .catch(() => undefined)
  .finally(() => render(<Popup />, document.getElementById('app')!));
