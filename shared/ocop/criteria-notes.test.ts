import { describe, expect, it } from 'vitest';
import { extractRules, readNote, type CriterionContext } from './criteria-notes';
import type { Criterion } from './criteria-set';

const crit = (code: string, extra: Partial<Criterion> = {}): Criterion => ({
  code,
  title: `Tiêu chí ${code}`,
  max: 2,
  notes: [],
  levels: [
    { text: 'Không', points: 0 },
    { text: 'Có', points: 2 },
  ],
  ...extra,
});
const ctx = (c: Criterion, above: Criterion[] = [c]): CriterionContext => ({ code: c.code, criterion: c, criteriaAbove: above });

describe('readNote: the rule patterns, on the wording of the decision', () => {
  it.each([
    [
      'Ghi chú: Bị loại nếu sử dụng toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc',
      'bi-loai-neu',
      'sử dụng toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc',
    ],
    [
      'Ghi chú: Bị loại nếu phát hiện giống hệt sản phẩm của nhà sản xuất khác, chỉ thay đổi tên sản phẩm, nhà sản xuất',
      'bi-loai-neu',
      'phát hiện giống hệt sản phẩm của nhà sản xuất khác, chỉ thay đổi tên sản phẩm, nhà sản xuất',
    ],
    ['Ghi chú: Nếu sản phẩm vi phạm sở hữu trí tuệ, sẽ bị loại bỏ', 'neu-thi-se-bi-loai-bo', 'sản phẩm vi phạm sở hữu trí tuệ'],
    [
      'Ghi chú: Không đánh giá những sản phẩm có tính phổ biến của nhóm sản phẩm chủ lực cấp quốc gia, cấp tỉnh mà không có sự nổi trội và đặc sắc.',
      'khong-danh-gia-nhung-san-pham',
      'sản phẩm có tính phổ biến của nhóm sản phẩm chủ lực cấp quốc gia, cấp tỉnh mà không có sự nổi trội và đặc sắc',
    ],
  ])('disqualifying: %s', (text, pattern, condition) => {
    const r = readNote(text, ctx(crit('1.1')));
    expect(r.unclassified).toBeNull();
    expect(r.rule).toEqual({ kind: 'disqualify', criterionCode: '1.1', condition, sourceText: text, pattern });
  });

  it('the set heading "Hồ sơ bị loại khi" (and set 19\'s "Bị loại khi") is a set-level disqualifier', () => {
    for (const text of [
      'Hồ sơ bị loại khi: Giả mạo hồ sơ hoặc không đáp ứng quy định Hồ sơ đăng ký theo quy định',
      'Bị loại khi: Giả mạo hồ sơ hoặc không có đủ điều kiện bắt buộc',
    ]) {
      const r = readNote(text, { code: null, criterion: null, criteriaAbove: [] });
      expect(r.rule).toMatchObject({ kind: 'disqualify', criterionCode: null, pattern: 'ho-so-bi-loai-khi' });
      expect(r.rule && 'condition' in r.rule && r.rule.condition.startsWith('Giả mạo hồ sơ')).toBe(true);
    }
    // Under a criterion the heading pattern does not apply.
    expect(readNote('Hồ sơ bị loại khi: x', ctx(crit('1.1'))).rule).toBeNull();
  });

  it.each([
    [
      'Chú ý: Nếu có các tạp chất không chấp nhận được (có nguy cơ gây mất an toàn thực phẩm) như: Lông, côn trùng, mẫu gỗ, cát, nhựa … sẽ không đánh giá các bước tiếp theo)',
      'có các tạp chất không chấp nhận được (có nguy cơ gây mất an toàn thực phẩm) như: Lông, côn trùng, mẫu gỗ, cát, nhựa …',
      'neu-thi-khong-danh-gia-buoc-tiep-theo',
      'following',
    ],
    [
      'Ghi chú: Nếu có tạp chất lạ có nguy cơ gây mất AN TOÀN THỰC PHẨM như đất, côn trùng, lông, len ... sẽ không đánh giá các bước tiếp theo.',
      'có tạp chất lạ có nguy cơ gây mất AN TOÀN THỰC PHẨM như đất, côn trùng, lông, len ...',
      'neu-thi-khong-danh-gia-buoc-tiep-theo',
      'following',
    ],
    [
      'Ghi chú: Không đánh giá các bước tiếp theo nếu không có Phiếu công bố sản phẩm theo quy định',
      'không có Phiếu công bố sản phẩm theo quy định',
      'khong-danh-gia-buoc-tiep-theo-neu',
      'following',
    ],
    [
      'Ghi chú: Không xem xét các chỉ tiêu khác nếu sản phẩm có các tạp chất có nguy cơ ảnh hưởng đến vệ sinh an toàn thực phẩm, như: ruồi bọ, lông, len, cát sỏi....',
      'sản phẩm có các tạp chất có nguy cơ ảnh hưởng đến vệ sinh an toàn thực phẩm, như: ruồi bọ, lông, len, cát sỏi....',
      'khong-xem-xet-chi-tieu-khac-neu',
      'others',
    ],
  ])('stopping on a condition: %s', (text, condition, pattern, skip) => {
    const r = readNote(text, ctx(crit('6.1')));
    expect(r.rule).toEqual({
      kind: 'stop',
      criterionCode: '6.1',
      trigger: { type: 'condition', condition },
      skip,
      sourceText: text,
      pattern,
    });
  });

  it('set 16: "0 điểm tại một trong các chỉ tiêu trên" stops on the 0-point levels of the criteria above in the group', () => {
    const a = crit('6.1');
    const b = crit('6.2', {
      levels: [
        { text: 'x', points: 1 },
        { text: 'y', points: 2 },
      ],
    });
    const c = crit('6.3', {
      levels: [
        { text: 'a', points: 3 },
        { text: 'b', points: 0 },
        { text: 'c', points: 5 },
      ],
      max: 5,
    });
    const text = 'Ghi chú: Nếu được 0 điểm tại một trong các chỉ tiêu trên, sẽ không đánh giá các bước tiếp theo.';
    const r = readNote(text, ctx(c, [a, b, c]));
    expect(r.rule).toEqual({
      kind: 'stop',
      criterionCode: '6.3',
      trigger: {
        type: 'levels',
        levels: [
          { criterionCode: '6.1', levelIndex: 0 },
          { criterionCode: '6.3', levelIndex: 1 },
        ],
      },
      skip: 'following',
      sourceText: text,
      pattern: 'neu-0-diem-chi-tieu-tren',
    });
    // No 0-point level anywhere: listed, not guessed.
    const none = readNote(text, ctx(b, [b]));
    expect(none.rule).toBeNull();
    expect(none.unclassified).toMatch(/0-point/);
  });

  it('conditional: "Chỉ áp dụng khi có câu chuyện sản phẩm" skips the criterion without a story', () => {
    expect(readNote('Chỉ áp dụng khi có câu chuyện sản phẩm', ctx(crit('5.2'))).rule).toEqual({
      kind: 'conditional',
      criterionCode: '5.2',
      condition: 'có câu chuyện sản phẩm',
      whenNotMet: 'skip',
      sourceText: 'Chỉ áp dụng khi có câu chuyện sản phẩm',
      pattern: 'chi-ap-dung-khi',
    });
  });

  it('set 26: "Lựa chọn một trong hai trường hợp" needs the criterion\'s cases', () => {
    const cases = ['Trường hợp 1: Dịch vụ du lịch do cộng đồng cung cấp', 'Trường hợp 2: Điểm dịch vụ du lịch'];
    const withCases = crit('8', { cases });
    expect(readNote('Lựa chọn một trong hai trường hợp sau:', ctx(withCases)).rule).toMatchObject({
      kind: 'caseChoice',
      criterionCode: '8',
      cases,
    });
    const without = readNote('Lựa chọn một trong hai trường hợp sau:', ctx(crit('8')));
    expect(without.rule).toBeNull();
    expect(without.unclassified).toMatch(/no cases/);
  });

  it('explanations produce no rule; a note with rule words but no pattern is listed, not guessed', () => {
    for (const text of [
      '(Gồm: Tổ chức kinh doanh, phân phối sản phẩm)',
      'Yêu cầu: 100% sản phẩm được trồng trên địa bàn cấp tỉnh',
      'Ghi chú: Đánh giá dựa trên các hợp đồng xuất khẩu đã thực hiện',
    ]) {
      expect(readNote(text, ctx(crit('1.1')))).toEqual({ rule: null, unclassified: null });
    }
    const odd = readNote(
      'Áp dụng bắt buộc đối với các sản phẩm phải công bố chất lượng theo quy định; khuyến khích các sản phẩm còn lại.',
      ctx(crit('7')),
    );
    expect(odd.rule).toBeNull();
    expect(odd.unclassified).toMatch(/ap dung/);
    // Decomposed (NFD) input is read like NFC.
    expect(readNote('Bị loại nếu x'.normalize('NFD'), ctx(crit('1.1'))).rule).toMatchObject({
      kind: 'disqualify',
      condition: 'x',
    });
  });
});

describe('extractRules', () => {
  it('numbers rules per kind and criterion in form order and reads level notes', () => {
    const c21 = crit('2.1', { notes: ['Bị loại nếu a', 'Bị loại nếu b'] });
    const c62 = crit('6.2', {
      levels: [
        { text: 'x', points: 0 },
        { text: 'y', points: 2, note: 'Ghi chú: Nếu sản phẩm vi phạm sở hữu trí tuệ, sẽ bị loại bỏ' },
      ],
    });
    const { rules, unclassified } = extractRules({
      disqualifiers: ['Hồ sơ bị loại khi: Giả mạo hồ sơ'],
      parts: [
        { code: 'A', title: 'A', max: 2, groups: [{ code: '2', title: 'G', max: 2, criteria: [c21] }] },
        { code: 'B', title: 'B', max: 0, groups: [] },
        { code: 'C', title: 'C', max: 2, groups: [{ code: '6', title: 'G6', max: 2, criteria: [c62] }] },
      ],
    });
    expect(rules.map((r) => r.id)).toEqual(['disqualify:set:1', 'disqualify:2.1:1', 'disqualify:2.1:2', 'disqualify:6.2:1']);
    expect(unclassified).toEqual([]);
  });
});
