/**
 * Create or edit one script: title, group (default or a new one), intent,
 * text with a live preview (variables filled from sample values), trigger
 * phrases, shortcut code (checked for format and uniqueness) and the risk
 * findings of the text as typed.
 */
import { useMemo, useState } from 'preact/hooks';
import { fillVariables, findVariables } from '@/lib/variables';
import { scanText, type ScanOptions } from '@/lib/risk/scanner';
import { titleFromText } from '@/lib/import/preview';
import type { ReplyScript } from '@/lib/types';
import type { Settings } from '@/lib/settings';
import { pick } from '../i18n';
import { INTENT_IDS, intentName } from './intent-labels';
import { replyIntentModel } from '@/lib/reply-intent/default-model';
import { codeProblem, endOfGroup, parseTriggers } from './library-model';
import { FindingList } from './FindingList';

const NEW_GROUP = '\u0000new';

export function sampleValues(settings: Settings | undefined): Record<string, string> {
  return {
    买家: pick({ zh: '小王', en: 'Wang' }),
    订单号: '2503181234567890123',
    商品: pick({ zh: '纯棉短袖T恤', en: 'cotton T-shirt' }),
    客服: settings?.repName || pick({ zh: '小林', en: 'Lin' }),
    店铺: settings?.shopName || pick({ zh: '话术旗舰店', en: 'Huashu Store' }),
  };
}

interface Props {
  script: ReplyScript;
  isNew: boolean;
  scripts: readonly ReplyScript[];
  groups: readonly string[];
  settings: Settings | undefined;
  scanOptions: ScanOptions;
  onSave(script: ReplyScript): Promise<void>;
  onCancel(): void;
}

export function ScriptEditor({ script, isNew, scripts, groups, settings, scanOptions, onSave, onCancel }: Props) {
  const [title, setTitle] = useState(script.title);
  const [group, setGroup] = useState(script.group);
  const [newGroup, setNewGroup] = useState('');
  const [intent, setIntent] = useState(script.intent);
  /** A new script's intent follows what its text says (the reply-intent model) until the rep picks one. */
  const [intentPicked, setIntentPicked] = useState(!isNew || script.text.trim() !== '');
  const [text, setText] = useState(script.text);
  const [triggers, setTriggers] = useState(script.triggers.join('，'));
  const [code, setCode] = useState(script.code ?? '');
  const [saving, setSaving] = useState(false);
  const [tried, setTried] = useState(false);

  const codeError = codeProblem(code, scripts, script.id);
  const textError =
    text.trim() === ''
      ? { zh: '请填写话术内容', en: 'Write the reply text' }
      : text.length > 5000
        ? { zh: '话术最多 5000 字', en: 'At most 5000 characters' }
        : null;
  const chosenGroup = group === NEW_GROUP ? newGroup.trim() : group;
  const groupError =
    chosenGroup === ''
      ? { zh: '请填写分组名称', en: 'Name the group' }
      : chosenGroup.length > 30
        ? { zh: '分组名称最多 30 字', en: 'At most 30 characters' }
        : null;
  const filled = useMemo(() => fillVariables(text, sampleValues(settings)), [text, settings]);
  const findings = useMemo(() => scanText(text, scanOptions).filter((f) => f.severity !== 'tip'), [text, scanOptions]);
  const variables = findVariables(text);
  const guessed = useMemo(
    () => (intentPicked || text.trim().length < 4 ? undefined : replyIntentModel().classify({ text, group: chosenGroup, title })[0]),
    [intentPicked, text, chosenGroup, title],
  );
  const shownIntent = guessed?.intent ?? intent;

  async function save(e: Event) {
    e.preventDefault();
    setTried(true);
    if (codeError || textError || groupError) return;
    const { intentUnconfirmed: _unconfirmed, code: _oldCode, ...rest } = script;
    const next: ReplyScript = {
      ...rest,
      title: title.trim() || titleFromText(text),
      group: chosenGroup,
      intent: shownIntent,
      text,
      triggers: parseTriggers(triggers),
      updatedAt: Date.now(),
    };
    const c = code.trim().replace(/^\//, '');
    if (c) next.code = c;
    if (isNew || chosenGroup !== script.group)
      next.order = endOfGroup(
        scripts.filter((s) => s.id !== script.id),
        chosenGroup,
      );
    setSaving(true);
    try {
      await onSave(next);
    } finally {
      setSaving(false);
    }
  }

  const preview = filled.cursor === undefined ? filled.text : `${filled.text.slice(0, filled.cursor)}▏${filled.text.slice(filled.cursor)}`;

  return (
    <form class="editor" data-huashu="script-editor" onSubmit={(e) => void save(e)}>
      <h2>{isNew ? pick({ zh: '新建话术', en: 'New reply' }) : pick({ zh: '编辑话术', en: 'Edit reply' })}</h2>
      {script.intentUnconfirmed && (
        <p class="hint warn-hint">
          {pick({ zh: '导入时自动猜测了意图，请确认或修改后保存。', en: 'The intent was guessed on import; confirm or change it, then save.' })}
        </p>
      )}
      <label class="field">
        <span>{pick({ zh: '标题', en: 'Title' })}</span>
        <input
          name="title"
          value={title}
          maxLength={200}
          placeholder={titleFromText(text) || pick({ zh: '留空则取正文开头', en: 'Empty: taken from the text' })}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </label>
      <div class="field-row">
        <label class="field">
          <span>{pick({ zh: '分组', en: 'Group' })}</span>
          <select name="group" value={group} onChange={(e) => setGroup(e.currentTarget.value)}>
            {groups.map((g) => (
              <option value={g}>{g}</option>
            ))}
            <option value={NEW_GROUP}>{pick({ zh: '＋ 新分组…', en: '+ New group…' })}</option>
          </select>
          {group === NEW_GROUP && (
            <input
              name="newGroup"
              value={newGroup}
              autoFocus
              placeholder={pick({ zh: '新分组名称', en: 'New group name' })}
              onInput={(e) => setNewGroup(e.currentTarget.value)}
            />
          )}
          {tried && groupError && <small class="error">{pick(groupError)}</small>}
        </label>
        <label class="field">
          <span>{pick({ zh: '意图', en: 'Intent' })}</span>
          <select
            name="intent"
            value={shownIntent}
            onChange={(e) => {
              setIntent(e.currentTarget.value);
              setIntentPicked(true);
            }}
          >
            {!INTENT_IDS.includes(shownIntent) && <option value={shownIntent}>{shownIntent || '—'}</option>}
            {INTENT_IDS.map((id) => (
              <option value={id}>{intentName(id)}</option>
            ))}
          </select>
          {guessed && (
            <small class="muted" data-huashu="intent-guessed">
              {pick({ zh: '按内容推测，可修改', en: 'Read from the text; change it if wrong' })}
            </small>
          )}
        </label>
      </div>
      <label class="field">
        <span>{pick({ zh: '话术内容', en: 'Reply text' })}</span>
        <textarea name="text" rows={5} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <small class="muted">
          {pick({
            zh: '可用变量：{买家} {订单号} {商品} {客服} {店铺} {cursor}（光标位置）',
            en: 'Variables: {买家} {订单号} {商品} {客服} {店铺} {cursor} (caret)',
          })}
        </small>
        {(tried || text !== script.text) && textError && <small class="error">{pick(textError)}</small>}
      </label>
      <div class="preview-box">
        <div class="preview-label">
          {pick({ zh: '预览（示例值）', en: 'Preview (sample values)' })}
          {variables.length > 0 && <span class="muted"> · {variables.map((v) => `{${v}}`).join(' ')}</span>}
        </div>
        <div class="preview" data-huashu="preview">
          {preview || <span class="muted">—</span>}
        </div>
        <FindingList findings={findings} />
      </div>
      <div class="field-row">
        <label class="field">
          <span>{pick({ zh: '触发词（逗号或换行分隔）', en: 'Trigger phrases (comma or new line)' })}</span>
          <textarea
            name="triggers"
            rows={2}
            value={triggers}
            placeholder={pick({ zh: '如：怎么退货，退款多久到', en: 'e.g. 怎么退货, 退款多久到' })}
            onInput={(e) => setTriggers(e.currentTarget.value)}
          />
        </label>
        <label class="field code-field">
          <span>{pick({ zh: '快捷编码', en: 'Shortcut code' })}</span>
          <div class="code-input">
            <b>/</b>
            <input
              name="code"
              value={code}
              maxLength={21}
              placeholder="th"
              aria-invalid={codeError ? 'true' : 'false'}
              onInput={(e) => setCode(e.currentTarget.value)}
            />
          </div>
          {codeError ? (
            <small class="error" data-huashu="code-error">
              {pick(codeError)}
            </small>
          ) : (
            <small class="muted">{pick({ zh: '在输入框输入 /编码 即可展开', en: 'Type /code in the chat box to expand' })}</small>
          )}
        </label>
      </div>
      <div class="editor-actions">
        <button type="submit" class="primary" disabled={saving} data-huashu="save-script">
          {script.intentUnconfirmed ? pick({ zh: '确认意图并保存', en: 'Confirm intent and save' }) : pick({ zh: '保存', en: 'Save' })}
        </button>
        <button type="button" onClick={onCancel}>
          {pick({ zh: '取消', en: 'Cancel' })}
        </button>
      </div>
    </form>
  );
}
