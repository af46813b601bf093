import { describe, expect, it } from 'vitest';
import { en } from '../../ui/i18n/en';
import { DICTIONARIES, LANGUAGES, rememberedLanguage, setLanguage, t } from '../../ui/i18n/index';
import { zh } from '../../ui/i18n/zh';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface languages', () => {
  it('has English and Simplified Chinese with the same keys', () => {
    expect([...LANGUAGES]).toEqual(['en', 'zh']);
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('has the same placeholders and a text for every key in both languages', () => {
    const keys = Object.keys(en) as (keyof typeof en)[];
    expect(keys.filter((k) => placeholders(zh[k]).join() !== placeholders(en[k]).join())).toEqual([]);
    expect(keys.filter((k) => !zh[k].trim() || !en[k].trim())).toEqual([]);
  });

  it('writes Chinese in Chinese: most texts hold CJK characters', () => {
    const cjk = Object.values(DICTIONARIES.zh).filter((text) => /[\u4e00-\u9fff]/.test(text)).length;
    expect(cjk / Object.keys(zh).length).toBeGreaterThan(0.95);
  });

  it('fills placeholders and switches language', () => {
    setLanguage('zh');
    expect(t('safe.count', { safe: '1,200', residents: '3,000', percent: 40 })).toBe('已安全 1,200 / 3,000（40%）');
    setLanguage('en');
    expect(t('safe.count', { safe: '1,200', residents: '3,000', percent: 40 })).toBe('safe 1,200 / 3,000 (40%)');
  });

  it('remembers the choice, and otherwise follows the browser', () => {
    const stored = (value: string | null) => ({ getItem: () => value });
    expect(rememberedLanguage(stored('zh'))).toBe('zh');
    expect(rememberedLanguage(stored('fr'), ['en-GB'])).toBe('en');
    expect(rememberedLanguage(stored(null), ['zh-CN', 'en'])).toBe('zh');
    expect(rememberedLanguage(null)).toBe('en');
    const blocked = {
      getItem: () => {
        throw new Error('denied');
      },
    };
    expect(rememberedLanguage(blocked, ['zh-TW'])).toBe('zh');
  });
});
