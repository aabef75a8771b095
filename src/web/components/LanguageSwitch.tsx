import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language } from '../i18n';

// Language names are written in their own language, so they are not translated.
const OPTIONS: { label: string; value: Language }[] = [
  { label: '中文', value: 'zh' },
  { label: 'English', value: 'en' },
];

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('header.language')}
      data-testid="language-switch"
      options={OPTIONS}
      value={i18n.language === 'en' ? 'en' : 'zh'}
      onChange={(lang) => void changeLanguage(lang)}
    />
  );
}
