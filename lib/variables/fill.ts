/**
 * Reply-script variables: {买家} {订单号} {商品} {客服} {店铺} and the caret marker {cursor}.
 * English aliases ({buyer} {order} {item} {agent} {shop}) mean the same. Unknown braces such as
 * {abc} are left alone. A variable without a value is reported as missing and left in place, so
 * the UI asks the rep before inserting instead of sending a raw placeholder.
 */
export const VARIABLE_NAMES = ['买家', '订单号', '商品', '客服', '店铺', 'cursor'] as const;
export type VariableName = (typeof VARIABLE_NAMES)[number];

const ALIASES: Record<string, VariableName> = {
  买家: '买家',
  订单号: '订单号',
  商品: '商品',
  客服: '客服',
  店铺: '店铺',
  cursor: 'cursor',
  buyer: '买家',
  order: '订单号',
  item: '商品',
  agent: '客服',
  shop: '店铺',
  光标: 'cursor',
};

// Half- or full-width braces, optional spaces inside: {买家} ｛ 买家 ｝ {Buyer}.
const PLACEHOLDER = /[{｛]\s*([^{}｛｝\s]{1,12})\s*[}｝]/g;

/** The canonical name of a placeholder's inner text, or undefined for unknown braces. */
export function variableName(inner: string): VariableName | undefined {
  return ALIASES[inner] ?? ALIASES[inner.toLowerCase()];
}

/** Canonical variable names used in `text`, in order of first appearance, without repeats. */
export function findVariables(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = variableName(m[1]!);
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

export interface FilledText {
  text: string;
  /** Variables that had no value (canonical names, in order); they stay in the text as written. */
  missing: string[];
  /** Offset (UTF-16) in the filled text where {cursor} stood; the first one if several. */
  cursor?: number;
}

/**
 * Replace variables with values. `values` may be keyed by canonical or English names.
 * {cursor} is removed and its position reported. Empty or whitespace-only values count as missing.
 */
export function fillVariables(text: string, values: Record<string, string | undefined>): FilledText {
  const byName = new Map<VariableName, string>();
  for (const [k, v] of Object.entries(values)) {
    const name = variableName(k);
    if (name && name !== 'cursor' && typeof v === 'string' && v.trim().length > 0) byName.set(name, v);
  }
  const missing: string[] = [];
  let out = '';
  let last = 0;
  let cursor: number | undefined;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = variableName(m[1]!);
    if (!name) continue;
    out += text.slice(last, m.index);
    last = m.index! + m[0].length;
    if (name === 'cursor') {
      if (cursor === undefined) cursor = out.length;
      continue;
    }
    const value = byName.get(name);
    if (value !== undefined) out += value;
    else {
      out += m[0];
      if (!missing.includes(name)) missing.push(name);
    }
  }
  out += text.slice(last);
  const result: FilledText = { text: out, missing };
  if (cursor !== undefined) result.cursor = cursor;
  return result;
}
