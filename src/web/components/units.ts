// Units are stored in Chinese (亿元, 万元, 家, 个); the English UI names them through i18n, unknown ones as stored.
import { useTranslation } from 'react-i18next';

export function useUnitLabel(): (unit: string | null | undefined) => string {
  const { t } = useTranslation();
  return (unit) => (unit ? t(`lists.units.${unit}` as 'lists.units.亿元', { defaultValue: unit }) : '');
}
