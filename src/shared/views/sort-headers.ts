import { hrefWith } from './pagination';

export interface SortHeader {
  label: string;
  href: string;
  arrow: '▲' | '▼' | '';
  ariaSort: 'ascending' | 'descending' | 'none';
}

// Column headers for any list whose URL holds `sort=key` / `sort=-key`: clicking the current
// column flips the direction, another column starts with `firstDesc` keys descending; filters
// stay, the page goes back to 1. Render each with the `sort-header` partial.
export function sortHeaders<K extends string>(params: {
  path: string;
  filters: Record<string, unknown>;
  sort: string;
  labels: Record<K, string>;
  firstDesc?: readonly NoInfer<K>[];
}): Record<K, SortHeader> {
  const { path, filters, sort, labels, firstDesc = [] } = params;
  const current = sort.replace(/^-/, '');
  const desc = sort.startsWith('-');
  const entries = (Object.keys(labels) as K[]).map((key) => {
    const active = key === current;
    const nextDesc = active ? !desc : firstDesc.includes(key);
    const header: SortHeader = {
      label: labels[key],
      href: hrefWith(
        path,
        { ...filters, page: undefined },
        { sort: `${nextDesc ? '-' : ''}${key}` },
      ),
      arrow: active ? (desc ? '▼' : '▲') : '',
      ariaSort: active ? (desc ? 'descending' : 'ascending') : 'none',
    };
    return [key, header] as const;
  });
  return Object.fromEntries(entries) as Record<K, SortHeader>;
}
