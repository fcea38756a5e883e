import { describe, expect, it } from 'vitest';
import { durationWords } from './duration-words';
import { i18nFor, initialLang, translate } from './i18n';
import { en } from './messages-en';
import { zh } from './messages-zh';

describe('i18n', () => {
  it('has an English text for every Chinese key and nothing else', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of Object.entries(en)) expect(text, key).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) expect(names(en[key]), key).toEqual(names(zh[key]));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'board.alertsCount', { count: 3 })).toBe('3 条待确认');
    expect(translate('en', 'clock.due', {})).toBe('Due {time}');
  });

  it('starts in Chinese unless English was chosen before', () => {
    expect(initialLang(undefined)).toBe('zh-CN');
    expect(initialLang('fr')).toBe('zh-CN');
    expect(initialLang('en')).toBe('en');
  });

  it('names clock kinds from the server in Chinese and from the dictionary in English', () => {
    expect(i18nFor('zh-CN').kindLabel('release', '发布权威信息')).toBe('发布权威信息');
    expect(i18nFor('en').kindLabel('release', '发布权威信息')).toBe('Authoritative release');
    expect(i18nFor('en').kindLabel('release', '发布权威信息', 'Release (city)')).toBe('Release (city)');
    expect(i18nFor('en').kindLabel('mediation', '调解期限')).toBe('调解期限');
  });

  it('keeps one translator per language so it can sit in hook dependencies', () => {
    expect(i18nFor('en').t).toBe(i18nFor('en').t);
  });

  it('says warning lead times in words', () => {
    expect(durationWords('PT1H', 'zh-CN')).toBe('1 小时');
    expect(durationWords('PT1H30M', 'en')).toBe('1 h 30 min');
    expect(durationWords('P1D', 'zh-CN')).toBe('1 天');
    expect(durationWords('soon', 'en')).toBe('soon');
  });
});
