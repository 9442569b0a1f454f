/**
 * Import: pick or drop a file → parse it in a worker (import-runner.ts: with a
 * progress bar, a cancel button, and a deadline after which it is stopped with
 * a message, so a huge or hostile file never freezes the page) → preview
 * against the library (new / duplicate / conflict /
 * error, per-row choices, problems by row, column mapping for tables, the
 * guessed intent of each phrase with one-click choices when the guess is
 * unsure) → confirm → the background writes every chosen script in one
 * transaction. Nothing is written before the confirm. The command line
 * (`npm run import`) runs the same preview (lib/import/preview-file.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { applyChoices, DEFAULT_CHOICE, type ImportPreview, type PreviewRow, type RowChoice } from '@/lib/import/preview';
import type { ColumnMapping, ColumnRole, ImportProblem, ParsedImport } from '@/lib/import/import-types';
import { MAX_IMPORT_BYTES } from '@/lib/import/limits';
import { problems as importProblems } from '@/lib/import/problems';
import type { ReplyScript } from '@/lib/types';
import { call } from '../api';
import { pick } from '../i18n';
import { errorText } from './api-errors';
import { INTENT_IDS, intentName } from './intent-labels';
import { runImport, type ImportRun } from './import-runner';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string; phase: string; done: number; total: number }
  | { kind: 'failed'; name: string; problem: ImportProblem }
  | { kind: 'preview'; name: string; bytes: Uint8Array; parsed: ParsedImport; preview: ImportPreview; onlyDefaults: boolean; ranIn: ImportRun['where'] }
  | { kind: 'writing'; name: string }
  | { kind: 'done'; name: string; added: number; overwritten: number; skipped: number; errors: number; defaultsHidden: number };

const SHOWN_ROWS = 300;
const ROLES: Array<ColumnRole | ''> = ['', 'text', 'group', 'code', 'title'];

const roleName = (role: ColumnRole | '') =>
  ({
    '': pick({ zh: '不导入', en: 'Ignore' }),
    text: pick({ zh: '话术内容', en: 'Reply text' }),
    group: pick({ zh: '分组', en: 'Group' }),
    code: pick({ zh: '快捷编码', en: 'Shortcut code' }),
    title: pick({ zh: '标题', en: 'Title' }),
  })[role];

const statusName = (s: PreviewRow['status']) =>
  ({
    new: pick({ zh: '新增', en: 'New' }),
    duplicate: pick({ zh: '重复', en: 'Duplicate' }),
    conflict: pick({ zh: '冲突', en: 'Conflict' }),
    error: pick({ zh: '错误', en: 'Error' }),
  })[s];

const choiceName = (c: RowChoice) =>
  ({
    skip: pick({ zh: '跳过', en: 'Skip' }),
    import: pick({ zh: '导入', en: 'Import' }),
    overwrite: pick({ zh: '覆盖', en: 'Overwrite' }),
    'keep-both': pick({ zh: '都保留', en: 'Keep both' }),
  })[c];

const choicesFor = (row: PreviewRow): RowChoice[] => {
  if (row.status === 'error') return ['skip'];
  if (row.status === 'new') return ['import', 'skip'];
  return ['skip', 'overwrite', 'keep-both'];
};

export function ImportTab() {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [choices, setChoices] = useState<Record<number, RowChoice>>({});
  /** Intents the rep picked in the preview, by row (confirmed on import). */
  const [intents, setIntents] = useState<Record<number, string>>({});
  /** First import over the untouched defaults: use the rep's library instead (defaults hidden, restorable). */
  const [hideDefaults, setHideDefaults] = useState(false);
  const [statusFilter, setStatusFilter] = useState<PreviewRow['status'] | ''>('');
  const [mapping, setMapping] = useState<Record<number, ColumnRole | ''>>({});
  const [dragOver, setDragOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  /** The import being read, so it can be cancelled (and is, when the tab goes away). */
  const running = useRef<ImportRun | null>(null);
  useEffect(() => () => running.current?.cancel(), []);

  async function analyse(name: string, bytes: Uint8Array, explicit?: { mapping: ColumnMapping; headerRow: number }) {
    setStage({ kind: 'reading', name, phase: pick({ zh: '读取文件', en: 'Reading' }), done: 0, total: 1 });
    const progress = (phase: string) => (done: number, total: number) => setStage({ kind: 'reading', name, phase, done, total });
    let existing: ReplyScript[];
    try {
      existing = await call('listScripts', {});
    } catch (e) {
      setStage({ kind: 'failed', name, problem: { code: 'corrupt-file', zh: errorText(e), en: errorText(e) } });
      return;
    }
    const phases = {
      parse: pick({ zh: '解析文件', en: 'Parsing' }),
      rows: pick({ zh: '检查每一行', en: 'Checking rows' }),
      compare: pick({ zh: '与话术库比较', en: 'Comparing with the library' }),
    };
    const run = runImport(
      { name, bytes, library: existing, ...(explicit ? { options: explicit } : {}) },
      { onProgress: (d, t, p) => progress(phases[p])(d, t) },
    );
    running.current = run;
    const read = await run.result;
    if (running.current === run) running.current = null;
    if (!read.ok && 'cancelled' in read) {
      setStage({ kind: 'idle' });
      return;
    }
    if (!read.ok) {
      setStage({ kind: 'failed', name, problem: read.problem });
      return;
    }
    const { parsed: result, preview } = read;
    setChoices({});
    setIntents({});
    setStatusFilter('');
    const roles: Record<number, ColumnRole | ''> = {};
    for (const c of result.columns) roles[c.index] = '';
    for (const [role, index] of Object.entries(result.mapping ?? {})) if (index !== undefined) roles[index as number] = role as ColumnRole;
    setMapping(roles);
    const onlyDefaults = existing.length > 0 && existing.every((s) => s.source === 'default');
    setStage({ kind: 'preview', name, bytes, parsed: result, preview, onlyDefaults, ranIn: run.where });
  }

  async function openFile(file: File | undefined) {
    if (!file) return;
    // Refuse before reading a byte: a 200 MB file would freeze the page.
    if (file.size > MAX_IMPORT_BYTES) {
      setStage({ kind: 'failed', name: file.name, problem: importProblems.tooLarge(file.size) });
      return;
    }
    try {
      await analyse(file.name, new Uint8Array(await file.arrayBuffer()));
    } catch (e) {
      setStage({
        kind: 'failed',
        name: file.name,
        problem: {
          code: 'corrupt-file',
          zh: `无法读取文件：${String((e as Error)?.message ?? e)}`,
          en: `Could not read the file: ${String((e as Error)?.message ?? e)}`,
        },
      });
    }
  }

  function applyMapping() {
    if (stage.kind !== 'preview') return;
    const m: Partial<ColumnMapping> = {};
    for (const [index, role] of Object.entries(mapping)) if (role) m[role] = Number(index);
    if (m.text === undefined) return;
    void analyse(stage.name, stage.bytes, { mapping: m as ColumnMapping, headerRow: stage.parsed.headerRow ?? 0 });
  }

  async function confirm() {
    if (stage.kind !== 'preview') return;
    const { preview, name } = stage;
    const scripts = applyChoices(preview, choices, { intents });
    const moved = new Set(preview.rows.flatMap((r) => (r.codeMove ? [r.codeMove.existingId] : [])));
    const overwritten = scripts.filter((s) => preview.existing.has(s.id) && !moved.has(s.id)).length;
    const added = scripts.filter((s) => !preview.existing.has(s.id)).length;
    const skipped = preview.rows.filter((r) => r.status !== 'error' && (choices[r.row] ?? DEFAULT_CHOICE[r.status]) === 'skip').length;
    setStage({ kind: 'writing', name });
    try {
      await call('saveScripts', { scripts });
      const defaultsHidden = stage.onlyDefaults && hideDefaults && added > 0 ? (await call('setDefaultLibrary', { hidden: true })).changed : 0;
      setStage({ kind: 'done', name, added, overwritten, skipped, errors: preview.counts.error, defaultsHidden });
    } catch (e) {
      setStage(stage);
      alert(errorText(e));
    }
  }

  const reset = () => {
    setStage({ kind: 'idle' });
    if (input.current) input.current.value = '';
  };

  const mappingValid =
    Object.values(mapping).filter((r) => r === 'text').length === 1 &&
    new Set(Object.values(mapping).filter(Boolean)).size === Object.values(mapping).filter(Boolean).length;

  return (
    <section class="import" data-huashu="import-tab">
      <h2>{pick({ zh: '导入话术', en: 'Import replies' })}</h2>
      <p class="muted">
        {pick({
          zh: '支持 千牛/咚咚 等导出的 .xlsx、.csv（UTF-8 或 GBK）、.txt，以及话术备份 .json。导入前会先预览，确认后才写入。',
          en: 'Reads .xlsx, .csv (UTF-8 or GBK) and .txt exported from 千牛, 咚咚 and others, and Huashu backup .json. You see a preview first; nothing is written until you confirm.',
        })}
      </p>
      {(stage.kind === 'idle' || stage.kind === 'failed' || stage.kind === 'done') && (
        <label
          class={`drop-zone${dragOver ? ' over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragOver(true);
          }}
          onDragLeave={() => setDragOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragOver(false);
            void openFile(e.dataTransfer?.files[0]);
          }}
        >
          <input
            ref={input}
            type="file"
            data-huashu="import-file"
            accept=".xlsx,.xls,.csv,.txt,.json,.tsv"
            onChange={(e) => void openFile(e.currentTarget.files?.[0])}
          />
          <b>{pick({ zh: '点击选择文件，或把文件拖到这里', en: 'Click to choose a file, or drop it here' })}</b>
          <span class="muted">{pick({ zh: `最大 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, en: `Up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB` })}</span>
        </label>
      )}

      {stage.kind === 'reading' && (
        <div class="progress-box" data-huashu="import-progress">
          <div>
            {stage.name} · {stage.phase}
            {stage.total > 1 ? ` ${Math.round((stage.done / stage.total) * 100)}%` : '…'}
          </div>
          <progress max={Math.max(1, stage.total)} value={stage.done} />
          <button data-huashu="import-cancel" onClick={() => running.current?.cancel()}>
            {pick({ zh: '取消', en: 'Cancel' })}
          </button>
        </div>
      )}

      {stage.kind === 'failed' && (
        <div class="message error-box" role="alert" data-huashu="import-error">
          <b>{pick({ zh: `无法导入 ${stage.name}`, en: `Cannot import ${stage.name}` })}</b>
          <p>{pick(stage.problem)}</p>
        </div>
      )}

      {stage.kind === 'writing' && <p class="muted">{pick({ zh: '正在写入…', en: 'Writing…' })}</p>}

      {stage.kind === 'done' && (
        <div class="message ok-box" role="status" data-huashu="import-summary">
          <b>{pick({ zh: `${stage.name} 导入完成`, en: `${stage.name} imported` })}</b>
          <p>
            {pick({
              zh: `新增 ${stage.added} 条，覆盖 ${stage.overwritten} 条，跳过 ${stage.skipped} 条，错误 ${stage.errors} 行。自动猜测的意图在话术库中标为“请确认意图”。`,
              en: `${stage.added} added, ${stage.overwritten} overwritten, ${stage.skipped} skipped, ${stage.errors} rows with errors. Guessed intents are marked "Confirm intent" in the library.`,
            })}
          </p>
          {stage.defaultsHidden > 0 && (
            <p data-huashu="defaults-hidden">
              {pick({
                zh: `已改用你自己的话术：${stage.defaultsHidden} 条默认话术已隐藏（未删除），可在“话术库”页恢复。`,
                en: `Your own library is in use: ${stage.defaultsHidden} default scripts are hidden (not deleted); restore them on the Library tab.`,
              })}
            </p>
          )}
        </div>
      )}

      {stage.kind === 'preview' && (
        <div class="import-preview" data-huashu="import-preview" data-ran-in={stage.ranIn}>
          <div class="preview-head">
            <b>{stage.name}</b>
            <span class="muted">
              {stage.parsed.format.toUpperCase()}
              {stage.parsed.encoding ? ` · ${stage.parsed.encoding}` : ''}
              {stage.parsed.headerRow ? pick({ zh: ` · 表头在第 ${stage.parsed.headerRow} 行`, en: ` · header on row ${stage.parsed.headerRow}` }) : ''}
            </span>
          </div>
          <div class="counts" data-huashu="import-counts">
            {(['new', 'duplicate', 'conflict', 'error'] as const).map((s) => (
              <button class={`count-chip ${s}${statusFilter === s ? ' on' : ''}`} data-status={s} onClick={() => setStatusFilter(statusFilter === s ? '' : s)}>
                {statusName(s)} <b data-count={s}>{stage.preview.counts[s]}</b>
              </button>
            ))}
          </div>

          {stage.parsed.columns.length > 0 && (stage.parsed.format === 'csv' || stage.parsed.format === 'xlsx') && (
            <details class="mapping" open={!stage.parsed.mapping || stage.parsed.notes.some((n) => n.code === 'header-unknown' || n.code === 'no-header')}>
              <summary>{pick({ zh: '列对应关系（哪一列是什么）', en: 'Column mapping (which column is what)' })}</summary>
              <table>
                <thead>
                  <tr>
                    <th>{pick({ zh: '列', en: 'Column' })}</th>
                    <th>{pick({ zh: '表头', en: 'Header' })}</th>
                    <th>{pick({ zh: '示例', en: 'Samples' })}</th>
                    <th>{pick({ zh: '作为', en: 'Use as' })}</th>
                  </tr>
                </thead>
                <tbody>
                  {stage.parsed.columns.map((c) => (
                    <tr>
                      <td>{String.fromCharCode(65 + (c.index % 26))}</td>
                      <td>{c.header ?? '—'}</td>
                      <td class="samples">{c.samples.slice(0, 3).join(' | ')}</td>
                      <td>
                        <select
                          data-column={c.index}
                          value={mapping[c.index] ?? ''}
                          onChange={(e) => setMapping({ ...mapping, [c.index]: e.currentTarget.value as ColumnRole | '' })}
                        >
                          {ROLES.map((r) => (
                            <option value={r}>{roleName(r)}</option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {!mappingValid && (
                <p class="error">
                  {pick({
                    zh: '请指定且只指定一列作为“话术内容”，每种用途最多一列。',
                    en: 'Choose exactly one "Reply text" column, and each use at most once.',
                  })}
                </p>
              )}
              <button disabled={!mappingValid} onClick={applyMapping}>
                {pick({ zh: '按此对应重新读取', en: 'Re-read with this mapping' })}
              </button>
            </details>
          )}

          <Problems parsed={stage.parsed} preview={stage.preview} />

          {stage.preview.counts.conflict > 1 && (
            <div class="bulk-choice" data-huashu="conflict-choice-all">
              {pick({ zh: `全部 ${stage.preview.counts.conflict} 个冲突：`, en: `All ${stage.preview.counts.conflict} conflicts: ` })}
              {(['skip', 'overwrite', 'keep-both'] as const).map((c) => (
                <button
                  data-choice={c}
                  onClick={() => {
                    const next = { ...choices };
                    for (const r of stage.preview.rows) if (r.status === 'conflict') next[r.row] = c;
                    setChoices(next);
                  }}
                >
                  {choiceName(c)}
                </button>
              ))}
            </div>
          )}

          <table class="rows" data-huashu="import-rows">
            <thead>
              <tr>
                <th>{pick({ zh: '行', en: 'Row' })}</th>
                <th>{pick({ zh: '状态', en: 'Status' })}</th>
                <th>{pick({ zh: '分组', en: 'Group' })}</th>
                <th>{pick({ zh: '编码', en: 'Code' })}</th>
                <th>{pick({ zh: '话术', en: 'Reply' })}</th>
                <th>{pick({ zh: '意图', en: 'Intent' })}</th>
                <th>{pick({ zh: '处理', en: 'Action' })}</th>
              </tr>
            </thead>
            <tbody>
              {stage.preview.rows
                .filter((r) => !statusFilter || r.status === statusFilter)
                .slice(0, SHOWN_ROWS)
                .map((r) => (
                  <tr class={r.status} data-row={r.row}>
                    <td>{r.row}</td>
                    <td>
                      <span class={`status ${r.status}`}>{statusName(r.status)}</span>
                    </td>
                    <td>{r.script?.group ?? ''}</td>
                    <td>{r.script?.code ? `/${r.script.code}` : ''}</td>
                    <td class="text-cell">
                      {r.script?.text ?? ''}
                      {r.problem && <div class="row-problem">{pick(r.problem)}</div>}
                      {r.warning && (
                        <div class="row-warning" data-code={r.warning.code}>
                          {pick(r.warning)}
                        </div>
                      )}
                    </td>
                    <td class="intent-cell">
                      <IntentChoice row={r} chosen={intents[r.row]} onChoose={(intent) => setIntents({ ...intents, [r.row]: intent })} />
                    </td>
                    <td>
                      <select
                        data-huashu="row-choice"
                        disabled={r.status === 'error'}
                        value={choices[r.row] ?? DEFAULT_CHOICE[r.status]}
                        onChange={(e) => setChoices({ ...choices, [r.row]: e.currentTarget.value as RowChoice })}
                      >
                        {choicesFor(r).map((c) => (
                          <option value={c}>{choiceName(c)}</option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          {stage.preview.rows.length > SHOWN_ROWS && (
            <p class="muted">
              {pick({
                zh: `只显示前 ${SHOWN_ROWS} 行；其余行按默认处理（新增导入、重复和冲突跳过）。`,
                en: `Only the first ${SHOWN_ROWS} rows are shown; the rest use the defaults (new rows imported, duplicates and conflicts skipped).`,
              })}
            </p>
          )}

          {stage.onlyDefaults && (
            <label class="use-mine" data-huashu="use-my-library">
              <input type="checkbox" checked={hideDefaults} onChange={(e) => setHideDefaults(e.currentTarget.checked)} />
              {pick({
                zh: '改用我导入的话术：隐藏 Huashu 自带的默认话术（不删除，可随时在“话术库”恢复）。买家常见问法照样能识别。',
                en: "Use my imported library instead: hide Huashu's default scripts (not deleted; restore them any time on the Library tab). Buyers' usual questions are still recognised.",
              })}
            </label>
          )}
          <div class="confirm-bar">
            <button class="primary" data-huashu="import-confirm" onClick={() => void confirm()}>
              {pick({ zh: `确认导入（${countChosen(stage.preview, choices)} 条）`, en: `Import (${countChosen(stage.preview, choices)})` })}
            </button>
            <button onClick={reset}>{pick({ zh: '取消', en: 'Cancel' })}</button>
          </div>
        </div>
      )}
    </section>
  );
}

/**
 * The intent of a row: the guess, confirmed with one click or changed. An
 * unsure guess shows the three likeliest intents as buttons, plus every intent.
 */
function IntentChoice({ row, chosen, onChoose }: { row: PreviewRow; chosen: string | undefined; onChoose(intent: string): void }) {
  if (!row.script) return null;
  const guess = row.intentGuess;
  const current = chosen ?? row.script.intent;
  const unsure = !!guess && !guess.confident && !chosen;
  return (
    <div class={unsure ? 'intent unsure' : 'intent'} data-huashu="row-intent" data-intent={current} data-unsure={unsure ? 'true' : undefined}>
      {unsure ? (
        <>
          <span class="ask">{pick({ zh: '是哪一类？', en: 'Which kind?' })}</span>
          {guess.choices.map((id) => (
            <button class="chip" data-intent-choice={id} onClick={() => onChoose(id)}>
              {intentName(id)}
            </button>
          ))}
        </>
      ) : (
        !row.script.intentUnconfirmed && <span>{intentName(current)}</span>
      )}
      {row.script.intentUnconfirmed && (
        <select aria-label={pick({ zh: '选择意图', en: 'Choose the intent' })} value={current} onChange={(e) => onChoose(e.currentTarget.value)}>
          {INTENT_IDS.map((id) => (
            <option value={id}>{intentName(id)}</option>
          ))}
        </select>
      )}
      {row.script.intentUnconfirmed && !chosen && !unsure && <span class="guess">{pick({ zh: '猜测', en: 'guess' })}</span>}
    </div>
  );
}

function countChosen(preview: ImportPreview, choices: Record<number, RowChoice>): number {
  return preview.rows.filter((r) => r.status !== 'error' && (choices[r.row] ?? DEFAULT_CHOICE[r.status]) !== 'skip').length;
}

function Problems({ parsed, preview }: { parsed: ParsedImport; preview: ImportPreview }) {
  const rows = preview.rows.filter((r) => r.problem || r.warning);
  if (!parsed.notes.length && !rows.length) return null;
  return (
    <details class="problems" open={preview.counts.error > 0} data-huashu="import-problems">
      <summary>{pick({ zh: `需要注意的问题（${parsed.notes.length + rows.length}）`, en: `Things to check (${parsed.notes.length + rows.length})` })}</summary>
      <ul>
        {parsed.notes.map((n) => (
          <li>{pick(n)}</li>
        ))}
        {rows.slice(0, 200).map((r) => (
          <li class={r.status}>
            <b>{pick({ zh: `第 ${r.row} 行：`, en: `Row ${r.row}: ` })}</b>
            {pick((r.problem ?? r.warning)!)}
          </li>
        ))}
      </ul>
    </details>
  );
}
