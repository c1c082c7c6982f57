import { describe, expect, it } from 'vitest';
import { allCriteria } from '../../../shared/ocop/criteria-set-walk';
import { CriteriaSet } from '../../../shared/ocop/criteria-set';
import vi from '../../../shared/i18n/vi/scoring';
import fs from 'node:fs';
import path from 'node:path';
import { conditionBody, conditionSentence } from '../../../shared/ocop/rule-text';

const fill = (template: string, condition: string) => template.replace('{{condition}}', condition);

describe('rule conditions in sentences', () => {
  it('asks "Có tạp chất…?" once, not "Có có tạp chất…?" (issue 16 item 11)', () => {
    expect(fill(vi.rules.stopQuestion, conditionSentence('có tạp chất không chấp nhận được'))).toBe(
      'Có tạp chất không chấp nhận được?',
    );
    expect(fill(vi.rules.stopQuestion, conditionSentence('không có Phiếu công bố sản phẩm'))).toBe(
      'Không có Phiếu công bố sản phẩm?',
    );
    expect(fill(vi.rules.stopText, 'có tạp chất lạ')).toMatch(/^Khi có tạp chất lạ, /u);
    expect(conditionBody('có câu chuyện sản phẩm')).toBe('câu chuyện sản phẩm');
    expect(conditionBody('sản phẩm có tính phổ biến')).toBe('sản phẩm có tính phổ biến');
  });

  it('no sentence of any built-in set says a word twice in a row', () => {
    const dir = path.resolve(import.meta.dirname, '../../../resources/criteria/sets');
    let checked = 0;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const set = CriteriaSet.parse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
      const texts: string[] = [];
      for (const rule of set.rules) {
        if (rule.kind === 'stop' && rule.trigger.type === 'condition') {
          texts.push(fill(vi.rules.stopQuestion, conditionSentence(rule.trigger.condition)));
          texts.push(fill(vi.rules.stopText, rule.trigger.condition));
        }
        if (rule.kind === 'conditional') texts.push(fill(vi.rules.conditionalLabel, conditionBody(rule.condition)));
      }
      for (const p of allCriteria(set)) texts.push(p.criterion.title, ...p.criterion.levels.map((l) => l.text));
      for (const text of texts) {
        expect(text, file).not.toMatch(/(^|\s)(\p{L}+)\s+\2(\s|$)/iu);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
