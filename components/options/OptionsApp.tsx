/**
 * The options page: library, import, backup/export, settings and the
 * follow-up report, as tabs (the tab is kept in the URL hash). The language
 * switch re-renders everything at once.
 */
import { useEffect, useState } from 'preact/hooks';
import { pick } from '../i18n';
import { BackupTab } from './BackupTab';
import { ImportTab } from './ImportTab';
import { LibraryTab } from './LibraryTab';
import { ReportTab } from './ReportTab';
import { SettingsTab } from './SettingsTab';
import { TeamTab } from './TeamTab';
import { hideToast, languageTick, toast } from './ui-state';
import './options.css';

const TABS = ['library', 'import', 'backup', 'settings', 'report', 'team'] as const;
type Tab = (typeof TABS)[number];

const tabName = (tab: Tab) =>
  ({
    library: pick({ zh: '话术库', en: 'Library' }),
    import: pick({ zh: '导入', en: 'Import' }),
    backup: pick({ zh: '备份与导出', en: 'Backup & export' }),
    settings: pick({ zh: '设置', en: 'Settings' }),
    report: pick({ zh: '跟进报表', en: 'Report' }),
    team: pick({ zh: '团队 Team', en: 'Team' }),
  })[tab];

const tabFromHash = (): Tab => {
  const h = location.hash.slice(1) as Tab;
  return TABS.includes(h) ? h : 'library';
};

export function OptionsApp() {
  const [tab, setTab] = useState<Tab>(tabFromHash);
  void languageTick.value; // re-render on a language switch
  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = `话术 Huashu · ${tabName(tab)}`;
  }, [tab, languageTick.value]);

  const current = toast.value;
  return (
    <div class="options-page">
      <header class="top">
        <h1 data-huashu="page-title">
          <span class="logo">话术 Huashu</span> <span class="muted">·</span> {pick({ zh: '话术管理与设置', en: 'Library & settings' })}
        </h1>
        <nav class="tabs" role="tablist">
          {TABS.map((t) => (
            <a href={`#${t}`} role="tab" aria-selected={tab === t} class={`tab${tab === t ? ' on' : ''}`} data-tab={t}>
              {tabName(t)}
            </a>
          ))}
        </nav>
      </header>
      <main class="content" key={`${tab}`}>
        {tab === 'library' && <LibraryTab />}
        {tab === 'import' && <ImportTab />}
        {tab === 'backup' && <BackupTab />}
        {tab === 'settings' && <SettingsTab />}
        {tab === 'report' && <ReportTab />}
        {tab === 'team' && <TeamTab />}
      </main>
      {current && (
        <div class={`toast ${current.kind}`} role="status" data-huashu="toast">
          <span>{current.text}</span>
          {current.action && (
            <button
              data-huashu="toast-action"
              onClick={() => {
                const run = current.action!.run;
                hideToast();
                void run();
              }}
            >
              {current.action.label}
            </button>
          )}
          <button class="close" aria-label={pick({ zh: '关闭', en: 'Close' })} onClick={hideToast}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
