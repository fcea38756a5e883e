import { type Lang, setLang, useI18n } from '../i18n/i18n';

const OPTIONS: { lang: Lang; label: string }[] = [
  { lang: 'zh-CN', label: '中文' },
  { lang: 'en', label: 'English' },
];

export function LanguageSwitch() {
  const { t, lang } = useI18n();
  return (
    <fieldset class="lang-switch" data-testid="language-switch">
      <legend class="visually-hidden">{t('nav.language')}</legend>
      {OPTIONS.map((option) => (
        <button
          key={option.lang}
          type="button"
          class="btn btn-quiet lang-option"
          lang={option.lang}
          aria-pressed={lang === option.lang}
          onClick={() => setLang(option.lang)}
          data-testid={`lang-${option.lang}`}
        >
          {option.label}
        </button>
      ))}
    </fieldset>
  );
}
