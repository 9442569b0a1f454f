/**
 * Settings: names, language (applied at once), sidebar, risk checking
 * (strict mode, the shop's banned and allowed words), reply-time targets,
 * follow-up switches and the sites Huashu runs on. Checked with
 * validateSettings; each problem is shown next to its field.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  DEFAULT_SETTINGS,
  SIDEBAR_MAX_WIDTH,
  SIDEBAR_MIN_WIDTH,
  validateSettings,
  type CustomRiskWord,
  type SettingProblem,
  type Settings,
} from '@/lib/settings';
import { RISK_CATEGORIES } from '@/lib/risk/categories';
import { DEFAULT_REPLY_TARGETS } from '@/lib/waiting-time';
import type { RiskSeverity } from '@/lib/types';
import { call } from '../api';
import { pick } from '../i18n';
import { errorText } from './api-errors';
import { SitesSettings } from './SitesSettings';
import { applyLanguage, showToast } from './ui-state';

const PLATFORMS: Array<{ id: string; zh: string; en: string }> = [
  { id: 'pinduoduo', zh: '拼多多', en: 'Pinduoduo' },
  { id: 'feige', zh: '抖店飞鸽', en: 'Douyin 飞鸽' },
  { id: 'dongdong', zh: '京东咚咚', en: 'JD 咚咚' },
  { id: 'kuaishou', zh: '快手小店', en: 'Kuaishou' },
  { id: 'taobao', zh: '淘宝千牛', en: 'Taobao 千牛' },
  { id: 'shopee', zh: 'Shopee', en: 'Shopee' },
];

const SEVERITIES: RiskSeverity[] = ['block', 'warn', 'tip'];
const severityName = (s: RiskSeverity) =>
  ({ block: pick({ zh: '禁止发送', en: 'Block' }), warn: pick({ zh: '提醒', en: 'Warn' }), tip: pick({ zh: '提示', en: 'Tip' }) })[s];

function FieldProblems({ problems, field }: { problems: SettingProblem[]; field: keyof Settings }) {
  const mine = problems.filter((p) => p.field === field);
  if (!mine.length) return null;
  return (
    <div class="field-error error" role="alert" data-field-error={field}>
      {mine.map((p) => (
        <div>{pick(p)}</div>
      ))}
    </div>
  );
}

export function SettingsTab() {
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Settings>(structuredClone(DEFAULT_SETTINGS));
  const [problems, setProblems] = useState<SettingProblem[]>([]);
  const [allowedText, setAllowedText] = useState('');
  const [saving, setSaving] = useState(false);
  const [loadError, setLoadError] = useState<unknown>();

  useEffect(() => {
    call('getSettings')
      .then((s) => {
        setSaved(s);
        setDraft(structuredClone(s));
        setAllowedText(s.allowedWords.join('\n'));
      })
      .catch(setLoadError);
  }, []);

  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    // Re-check as the rep types, once a save attempt has shown problems.
    if (problems.length) setProblems(validateSettings(patchOf(next, allowedText)));
  };

  async function changeLanguage(language: Settings['language']) {
    try {
      const s = await call('updateSettings', { language });
      setSaved(s);
      setDraft((d) => ({ ...d, language }));
      applyLanguage(language);
    } catch (e) {
      showToast({ kind: 'error', text: errorText(e) });
    }
  }

  async function save(e: Event) {
    e.preventDefault();
    const patch = patchOf(draft, allowedText);
    const found = validateSettings(patch);
    setProblems(found);
    if (found.length) {
      showToast({ kind: 'error', text: pick({ zh: '有设置需要修改，见红色提示。', en: 'Some settings need fixing; see the red messages.' }) });
      return;
    }
    setSaving(true);
    try {
      const s = await call('updateSettings', patch);
      setSaved(s);
      setDraft(structuredClone(s));
      showToast({ kind: 'success', text: pick({ zh: '设置已保存', en: 'Settings saved' }) });
    } catch (err) {
      showToast({ kind: 'error', text: errorText(err) });
    } finally {
      setSaving(false);
    }
  }

  if (loadError) return <p class="error">{errorText(loadError)}</p>;
  if (!saved) return <p class="muted">{pick({ zh: '加载中…', en: 'Loading…' })}</p>;

  const updateWord = (i: number, w: Partial<CustomRiskWord>) =>
    set(
      'customBanned',
      draft.customBanned.map((x, j) => (j === i ? { ...x, ...w } : x)),
    );

  return (
    <section class="settings" data-huashu="settings-tab">
      <form onSubmit={(e) => void save(e)} novalidate>
        <div class="card">
          <h2>{pick({ zh: '基本信息', en: 'About you' })}</h2>
          <div class="field-row">
            <label class="field">
              <span>{pick({ zh: '客服名称（填入 {客服}）', en: 'Your name (fills {客服})' })}</span>
              <input
                name="repName"
                data-huashu="rep-name"
                value={draft.repName}
                onInput={(e) => set('repName', e.currentTarget.value)}
                aria-invalid={problems.some((p) => p.field === 'repName')}
              />
              <FieldProblems problems={problems} field="repName" />
            </label>
            <label class="field">
              <span>{pick({ zh: '店铺名称（填入 {店铺}）', en: 'Shop name (fills {店铺})' })}</span>
              <input
                name="shopName"
                value={draft.shopName}
                onInput={(e) => set('shopName', e.currentTarget.value)}
                aria-invalid={problems.some((p) => p.field === 'shopName')}
              />
              <FieldProblems problems={problems} field="shopName" />
            </label>
          </div>
        </div>

        <div class="card">
          <h2>{pick({ zh: '语言', en: 'Language' })}</h2>
          <div class="radio-row" role="radiogroup" data-huashu="language">
            {(
              [
                ['auto', pick({ zh: '自动（跟随浏览器）', en: 'Auto (browser)' })],
                ['zh', '中文'],
                ['en', 'English'],
              ] as const
            ).map(([value, label]) => (
              <label class="inline">
                <input type="radio" name="language" value={value} checked={draft.language === value} onChange={() => void changeLanguage(value)} /> {label}
              </label>
            ))}
          </div>
          <small class="muted">{pick({ zh: '切换后立即生效。', en: 'Applies at once.' })}</small>
        </div>

        <div class="card">
          <h2>{pick({ zh: '侧边栏', en: 'Sidebar' })}</h2>
          <div class="radio-row">
            <span>{pick({ zh: '显示在', en: 'Show on the' })}</span>
            {(['right', 'left'] as const).map((side) => (
              <label class="inline">
                <input type="radio" name="sidebarSide" checked={draft.sidebarSide === side} onChange={() => set('sidebarSide', side)} />{' '}
                {side === 'right' ? pick({ zh: '右侧', en: 'right' }) : pick({ zh: '左侧', en: 'left' })}
              </label>
            ))}
          </div>
          <div class="sub">
            <span>
              {pick({
                zh: `宽度（各网站分别记住，拖动侧边栏边缘即可调整；${SIDEBAR_MIN_WIDTH}–${SIDEBAR_MAX_WIDTH} 像素）`,
                en: `Width (remembered per site when you drag the sidebar's edge; ${SIDEBAR_MIN_WIDTH}–${SIDEBAR_MAX_WIDTH} px)`,
              })}
            </span>
            {Object.keys(draft.sidebarWidths).length === 0 && <div class="muted">{pick({ zh: '还没有记住的宽度。', en: 'No remembered widths yet.' })}</div>}
            {Object.entries(draft.sidebarWidths).map(([host, width]) => (
              <div class="width-row">
                <code>{host}</code>
                <input
                  type="number"
                  min={SIDEBAR_MIN_WIDTH}
                  max={SIDEBAR_MAX_WIDTH}
                  value={width}
                  onInput={(e) => set('sidebarWidths', { ...draft.sidebarWidths, [host]: Number(e.currentTarget.value) })}
                />{' '}
                px
                <button
                  type="button"
                  onClick={() => {
                    const { [host]: _gone, ...rest } = draft.sidebarWidths;
                    set('sidebarWidths', rest);
                  }}
                >
                  {pick({ zh: '恢复默认', en: 'Reset' })}
                </button>
              </div>
            ))}
            <FieldProblems problems={problems} field="sidebarWidths" />
          </div>
        </div>

        <div class="card">
          <h2>{pick({ zh: '风险用语检查', en: 'Risky wording check' })}</h2>
          <label class="inline switch">
            <input type="checkbox" checked={draft.strictMode} onChange={(e) => set('strictMode', e.currentTarget.checked)} />
            {pick({ zh: '严格模式：“提醒”级别的用语也拦截发送', en: 'Strict mode: warnings block the send too' })}
          </label>
          <h3>{pick({ zh: '店铺自定义违禁词', en: "Shop's own banned words" })}</h3>
          <table class="words">
            <tbody>
              {draft.customBanned.map((w, i) => (
                <tr>
                  <td>
                    <input
                      value={w.word}
                      maxLength={60}
                      placeholder={pick({ zh: '词语', en: 'Word' })}
                      onInput={(e) => updateWord(i, { word: e.currentTarget.value })}
                    />
                  </td>
                  <td>
                    <select value={w.category} onChange={(e) => updateWord(i, { category: e.currentTarget.value })}>
                      {RISK_CATEGORIES.map((c) => (
                        <option value={c.id}>{pick({ zh: c.zh, en: c.en.length > 40 ? `${c.en.slice(0, 38)}…` : c.en })}</option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select value={w.severity ?? 'block'} onChange={(e) => updateWord(i, { severity: e.currentTarget.value as RiskSeverity })}>
                      {SEVERITIES.map((s) => (
                        <option value={s}>{severityName(s)}</option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      class="danger"
                      onClick={() =>
                        set(
                          'customBanned',
                          draft.customBanned.filter((_, j) => j !== i),
                        )
                      }
                    >
                      {pick({ zh: '删除', en: 'Remove' })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => set('customBanned', [...draft.customBanned, { word: '', category: 'offsite_contact', severity: 'block' }])}>
            {pick({ zh: '＋ 添加违禁词', en: '+ Add a banned word' })}
          </button>
          <FieldProblems problems={problems} field="customBanned" />
          <label class="field">
            <h3>{pick({ zh: '放行词（每行一个，这些说法不会被提示）', en: 'Allowed phrases (one per line; never flagged)' })}</h3>
            <textarea
              rows={3}
              value={allowedText}
              placeholder={pick({ zh: '例如：微信支付', en: 'e.g. 微信支付' })}
              onInput={(e) => setAllowedText(e.currentTarget.value)}
            />
            <FieldProblems problems={problems} field="allowedWords" />
          </label>
        </div>

        <div class="card">
          <h2>{pick({ zh: '回复时效目标（秒）', en: 'Reply-time targets (seconds)' })}</h2>
          <div class="targets">
            {PLATFORMS.map((p) => (
              <label class="field">
                <span>{pick(p)}</span>
                <input
                  type="number"
                  min={10}
                  max={3600}
                  placeholder={String(DEFAULT_REPLY_TARGETS[p.id] ?? 180)}
                  value={draft.replyTargets[p.id] ?? ''}
                  onInput={(e) => {
                    const v = e.currentTarget.value;
                    const { [p.id]: _old, ...rest } = draft.replyTargets;
                    set('replyTargets', v === '' ? rest : { ...rest, [p.id]: Number(v) });
                  }}
                />
              </label>
            ))}
          </div>
          <small class="muted">
            {pick({ zh: '留空使用平台默认值（如拼多多 3 分钟、咚咚 30 秒）。', en: 'Empty: the platform default (e.g. 3 min on Pinduoduo, 30 s on 咚咚).' })}
          </small>
          <FieldProblems problems={problems} field="replyTargets" />
        </div>

        <div class="card">
          <h2>{pick({ zh: '跟进提醒', en: 'Follow-up reminders' })}</h2>
          <label class="inline switch">
            <input type="checkbox" checked={draft.followupNotifications} onChange={(e) => set('followupNotifications', e.currentTarget.checked)} />
            {pick({ zh: '到期时发送桌面通知', en: 'Desktop notification when due' })}
          </label>
          <label class="inline switch">
            <input type="checkbox" checked={draft.followupBadge} onChange={(e) => set('followupBadge', e.currentTarget.checked)} />
            {pick({ zh: '在工具栏图标上显示待跟进数', en: 'Show the due count on the toolbar icon' })}
          </label>
        </div>

        <SitesSettings
          disabledHosts={draft.disabledHosts}
          extraSites={saved.extraSites}
          onDisabledHosts={(hosts) => set('disabledHosts', hosts)}
          onExtraSites={(s) => {
            setSaved(s);
            setDraft((d) => ({ ...d, extraSites: s.extraSites }));
          }}
        />

        <div class="save-bar">
          <button type="submit" class="primary" data-huashu="save-settings" disabled={saving}>
            {pick({ zh: '保存设置', en: 'Save settings' })}
          </button>
          {problems.length > 0 && <span class="error">{pick({ zh: `${problems.length} 处需要修改`, en: `${problems.length} to fix` })}</span>}
        </div>
      </form>
    </section>
  );
}

/** What Save writes: everything but the language and extra sites (those apply on their own). */
function patchOf(d: Settings, allowedText: string): Partial<Settings> {
  return {
    repName: d.repName.trim(),
    shopName: d.shopName.trim(),
    sidebarSide: d.sidebarSide,
    sidebarWidths: d.sidebarWidths,
    strictMode: d.strictMode,
    customBanned: d.customBanned.map((w) => ({ ...w, word: w.word.trim() })),
    allowedWords: allowedText
      .split('\n')
      .map((w) => w.trim())
      .filter(Boolean),
    replyTargets: d.replyTargets,
    followupNotifications: d.followupNotifications,
    followupBadge: d.followupBadge,
    disabledHosts: d.disabledHosts,
  };
}
