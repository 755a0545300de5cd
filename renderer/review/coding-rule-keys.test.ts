// The English interface states the coding rules in exactly the report's words (so the page and the
// CLI report cannot drift apart), and Arabic words every rule the report has.
import { describe, expect, it } from 'vitest';
import { codingRules } from '../../shared/review/coding-rules';
import { ar } from '../i18n/ar';
import { en } from '../i18n/en';
import { CODING_RULE_KEYS } from './coding-rule-keys';

function interpolate(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}

describe('coding rules in the interface', () => {
  const rules = codingRules(0.5, 'ar');

  it('every rule of the report has a key, worded in English exactly as the report words it', () => {
    for (const rule of rules.rules) {
      const key = CODING_RULE_KEYS[rule.topic];
      expect(key, rule.topic).toBeDefined();
      const english = (en.review.rules as Record<string, string>)[key!];
      expect(interpolate(english!, { threshold: '0.5', locale: 'ar' })).toBe(rule.text);
      expect((en.review.ruleTopics as Record<string, string>)[key!]).toBe(rule.topic);
    }
  });

  it('every rule has Arabic words that keep the threshold where the report states it', () => {
    for (const rule of rules.rules) {
      const arabic = (ar.review.rules as Record<string, string>)[CODING_RULE_KEYS[rule.topic]!]!;
      expect(arabic.length).toBeGreaterThan(20);
      expect(arabic.includes('{{threshold}}')).toBe(rule.text.includes('0.5'));
    }
  });
});
