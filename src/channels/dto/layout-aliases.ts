import { normaliseHeader } from '../../shared/excel/header-detection';
import { FieldErrors, FormValidationError } from '../../shared/http/domain-error';
import { IMPORT_FIELDS, ImportLayout, isImportField } from '../import-fields';

export const MAX_ALIAS_LENGTH = 100;

// Header matching ignores spaces and case ('배송비 묶음번호' = '배송비묶음번호'), so two aliases
// that normalise alike are one alias: the first spelling is kept.
export function uniqueAliases(aliases: readonly string[]): string[] {
  const seen = new Set<string>();
  return aliases
    .map((alias) => alias.trim())
    .filter((alias) => {
      const key = normaliseHeader(alias);
      if (key === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export function splitAliasText(text: string): string[] {
  return uniqueAliases(text.split(','));
}

export function aliasError(aliases: readonly string[], required: boolean): string | undefined {
  if (aliases.some((alias) => alias.length > MAX_ALIAS_LENGTH))
    return `제목은 하나에 ${MAX_ALIAS_LENGTH}자 이내로 입력하세요.`;
  if (required && aliases.length === 0) return '필수 항목입니다. 제목을 하나 이상 입력하세요.';
  return undefined;
}

/** The layout an admin typed as comma-separated aliases per field; errors keyed `aliases.<field>`. */
export function layoutFromAliasText(input: Record<string, unknown>): ImportLayout {
  const unknown = Object.keys(input).filter((key) => !isImportField(key));
  if (unknown.length)
    throw new FormValidationError(
      {},
      unknown.map((key) => `aliases.${key}`),
    );
  const errors: FieldErrors = {};
  const layout: ImportLayout = {};
  for (const { field, required } of IMPORT_FIELDS) {
    const text = input[field] ?? '';
    if (typeof text !== 'string') {
      errors[`aliases.${field}`] = '별칭 값이 잘못되었습니다.';
      continue;
    }
    const aliases = splitAliasText(text);
    const error = aliasError(aliases, required);
    if (error) errors[`aliases.${field}`] = error;
    else if (aliases.length) layout[field] = aliases;
  }
  if (Object.keys(errors).length) throw new FormValidationError(errors);
  return layout;
}
