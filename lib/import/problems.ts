/**
 * Every message the importer shows, Simplified Chinese first. Kept in one
 * place so the wording stays consistent between the options page and the CLI.
 */
import type { BadCharacterKind } from './bad-characters';
import type { ImportProblem, Message } from './import-types';
import { MAX_IMPORT_BYTES, MAX_TEXT_CHARS } from './limits';

const MB = Math.round(MAX_IMPORT_BYTES / 1024 / 1024);

export const problems = {
  emptyFile: (): ImportProblem => ({
    code: 'empty-file',
    zh: '文件是空的，没有可导入的内容。',
    en: 'The file is empty; there is nothing to import.',
  }),
  tooLarge: (bytes: number): ImportProblem => ({
    code: 'too-large',
    zh: `文件太大（${(bytes / 1024 / 1024).toFixed(1)} MB），最多支持 ${MB} MB。请拆分后再导入。`,
    en: `The file is too large (${(bytes / 1024 / 1024).toFixed(1)} MB); the limit is ${MB} MB. Split it and import the parts.`,
  }),
  unsupported: (name: string): ImportProblem => ({
    code: 'unsupported-format',
    zh: `不支持的文件类型：${name}。请导入 .xlsx、.csv、.txt 或话术备份 .json 文件。`,
    en: `Unsupported file type: ${name}. Import an .xlsx, .csv, .txt or Huashu backup .json file.`,
  }),
  timedOut: (seconds: number): ImportProblem => ({
    code: 'timed-out',
    zh: `读取文件超过 ${seconds} 秒仍未完成，已停止，未导入任何内容。文件可能太大或已损坏：请拆分成几个较小的文件，或用 Excel/WPS 另存为 CSV（UTF-8）后再导入。`,
    en: `Reading the file took more than ${seconds} s and was stopped; nothing was imported. The file may be too large or damaged: split it into smaller files, or save it as CSV (UTF-8) in Excel or WPS, and import again.`,
  }),
  importFailed: (detail: string): ImportProblem => ({
    code: 'import-failed',
    zh: `读取文件时出错，未导入任何内容：${detail}`,
    en: `Reading the file failed; nothing was imported: ${detail}`,
  }),
  oldExcel: (): ImportProblem => ({
    code: 'old-excel',
    zh: '这是旧版 Excel（.xls）文件，无法直接读取。请用 Excel 或 WPS 打开，另存为 .xlsx 或 CSV（UTF-8）后再导入。',
    en: 'This is an old binary Excel (.xls) file, which cannot be read. Open it in Excel or WPS and save it as .xlsx or CSV (UTF-8), then import that.',
  }),
  htmlTable: (): ImportProblem => ({
    code: 'html-table',
    zh: '这个 .xls 文件其实是网页表格。请用 Excel 或 WPS 打开，另存为 .xlsx 或 CSV 后再导入。',
    en: 'This .xls file is really a web-page table. Open it in Excel or WPS and save it as .xlsx or CSV, then import that.',
  }),
  binary: (name: string): ImportProblem => ({
    code: 'binary',
    zh: `${name} 不是文本表格，内容无法识别（可能是改了扩展名的其他文件）。`,
    en: `${name} is not a text table; its content cannot be read (perhaps another kind of file with a renamed extension).`,
  }),
  brokenEncoding: (): ImportProblem => ({
    code: 'broken-encoding',
    zh: '文件编码无法识别（既不是 UTF-8 也不是 GBK），内容是乱码。请另存为 UTF-8 编码的 CSV 后再导入。',
    en: 'The file encoding is not recognised (neither UTF-8 nor GBK); the content is garbled. Save it as UTF-8 CSV and import again.',
  }),
  corruptFile: (detail: string): ImportProblem => ({
    code: 'corrupt-file',
    zh: `文件已损坏或不是有效的表格：${detail}`,
    en: `The file is damaged or not a valid spreadsheet: ${detail}`,
  }),
  backupInvalid: (detailZh: string, detailEn: string): ImportProblem => ({
    code: 'backup-invalid',
    zh: `话术备份文件无效：${detailZh}`,
    en: `The Huashu backup file is invalid: ${detailEn}`,
  }),
  noTextColumn: (): ImportProblem => ({
    code: 'no-text-column',
    zh: '找不到话术内容所在的列。请在导入页选择哪一列是“快捷短语/内容”。',
    en: 'Could not find the column that holds the reply text. Choose which column is the phrase/content on the import page.',
  }),
  noHeader: (): ImportProblem => ({
    code: 'no-header',
    zh: '文件没有表头，已根据内容猜测各列的含义，请确认列对应关系。',
    en: 'The file has no header row; the columns were guessed from their content. Please confirm the column mapping.',
  }),
  headerUnknown: (): ImportProblem => ({
    code: 'header-unknown',
    zh: '第 1 行像是表头，但列名无法识别，已根据内容猜测各列的含义，请确认列对应关系。',
    en: 'Row 1 looks like a header but its names are not recognised; the columns were guessed from their content. Please confirm the column mapping.',
  }),
  headerNotFirstRow: (row: number): ImportProblem => ({
    code: 'header-not-first-row',
    zh: `表头在第 ${row} 行，上方的标题行已忽略。`,
    en: `The header is on row ${row}; the title rows above it were ignored.`,
  }),
  formula: (): ImportProblem => ({
    code: 'formula',
    zh: '内容是表格公式，为安全起见未导入。请改成纯文字。',
    en: 'The content is a spreadsheet formula and was not imported, for safety. Change it to plain text.',
  }),
  formulaResultKept: (): ImportProblem => ({
    code: 'formula-result-kept',
    zh: '该单元格是公式，只导入了它显示的文字结果。',
    en: 'This cell is a formula; only the text it displays was imported.',
  }),
  emptyText: (): ImportProblem => ({
    code: 'empty-text',
    zh: '话术内容为空，已跳过。',
    en: 'The reply text is empty; the row was skipped.',
  }),
  textTooLong: (length: number): ImportProblem => ({
    code: 'text-too-long',
    zh: `话术太长（${length} 字），最多 ${MAX_TEXT_CHARS} 字，未导入。`,
    en: `The reply is too long (${length} characters; the limit is ${MAX_TEXT_CHARS}); not imported.`,
  }),
  garbledText: (): ImportProblem => ({
    code: 'garbled-text',
    zh: '这一行含有乱码字符（编码损坏），未导入。',
    en: 'This row contains garbled characters (broken encoding); not imported.',
  }),
  duplicateInFile: (row: number): ImportProblem => ({
    code: 'duplicate-in-file',
    zh: `与文件第 ${row} 行内容相同。`,
    en: `Same text as row ${row} of the file.`,
  }),
  duplicateExisting: (title: string): ImportProblem => ({
    code: 'duplicate-existing',
    zh: `话术库中已有相同内容（“${title}”）。`,
    en: `The library already has the same text ("${title}").`,
  }),
  codeConflict: (code: string, title: string): ImportProblem => ({
    code: 'code-conflict',
    zh: `快捷编码“${code}”已被话术“${title}”使用，但内容不同。`,
    en: `Shortcut code "${code}" is already used by "${title}" with different text.`,
  }),
  codeConflictInFile: (code: string, row: number): ImportProblem => ({
    code: 'code-conflict-in-file',
    zh: `快捷编码“${code}”与文件第 ${row} 行相同，但内容不同。`,
    en: `Shortcut code "${code}" is the same as on row ${row} of the file, but the text differs.`,
  }),
  defaultCodeMoved: (code: string, defaultTitle: string, movedTo: string): ImportProblem => ({
    code: 'default-code-moved',
    zh: `快捷编码“${code}”归你的这条话术；默认话术“${defaultTitle}”的编码改为“${movedTo}”。`,
    en: `Shortcut code "${code}" goes to your phrase; the default script "${defaultTitle}" now uses "${movedTo}".`,
  }),
  unclosedQuote: (): ImportProblem => ({
    code: 'unclosed-quote',
    zh: '这一行的引号没有闭合，后面的内容都被并进了这一格。请检查文件中这一行的双引号，修好后再导入；从这一行起的内容未导入。',
    en: 'A quote on this row is never closed, so everything after it ran into this cell. Fix the double quotes on this row and import again; nothing from this row on was imported.',
  }),
  /**
   * A row holding NUL or half a surrogate pair. `where` says which cell or
   * field ("C 列" / "column C"), when the format has one.
   */
  badCharacters: (row: number, kind: BadCharacterKind, where?: Message): ImportProblem => ({
    code: 'bad-characters',
    zh: `第 ${row} 行${where ? `（${where.zh}）` : ''}含有${kind === 'nul' ? '空字符（NUL）' : '残缺的 Unicode 字符（落单的代理项）'}，文件可能已损坏。这一行未导入，其他行照常导入。`,
    en: `Row ${row}${where ? ` (${where.en})` : ''} holds ${kind === 'nul' ? 'a NUL character' : 'broken Unicode (half a surrogate pair)'}; the file may be damaged. This row was not imported; the other rows are imported as usual.`,
  }),
};
