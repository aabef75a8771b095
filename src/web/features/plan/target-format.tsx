import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Target } from '../../../shared/plan';
import type { Comparator } from '../../../shared/plan-file';

const SYMBOLS: Record<Comparator, string> = { '>': '>', '>=': '≥', '≈': '≈', '<=': '≤', '<': '<', range: '～' };

/** The comparator as its symbol and the plan's own word: "> 突破", "≥ 达到/以上", "≈ 左右". */
export function ComparatorTag({ comparator }: { comparator: Comparator }) {
  const { t } = useTranslation();
  return (
    <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>
      <span style={{ fontWeight: 600 }}>{SYMBOLS[comparator]}</span> {t(`targets.comparators.${comparator}`)}
    </Tag>
  );
}

/** Values as the plan writes them (1000, not 1,000); a range as "10～15". */
export function formatTargetValue(target: Pick<Target, 'comparator' | 'value' | 'valueMax'>): string {
  if (target.comparator === 'range' && target.valueMax !== null) return `${target.value}～${target.valueMax}`;
  return String(target.value);
}

export const comparatorSymbol = (c: Comparator): string => SYMBOLS[c];
