import { CriteriaSet, type CriteriaSetInput } from '../criteria-set';

/**
 * A small, valid criteria set for scoring tests: every rule kind of the real sets on 8 criteria
 * (25 points) so each test can reason about totals by hand.
 *
 *   A (5)  group 1: 1.1 [1,2,3] + "Bị loại nếu …" · 1.2 [0,1,2]
 *   B (7)  group 5: 5.1 [0,1,2,3,5] · 5.2 [0,1,2] "Chỉ áp dụng khi có câu chuyện sản phẩm"
 *   C (13) group 6: 6.1 [0,1,2] "Nếu có tạp chất … sẽ không đánh giá các bước tiếp theo"
 *                   6.2 [0,1,2] "Nếu được 0 điểm tại một trong các chỉ tiêu trên …" (levels 6.1#0, 6.2#0)
 *          group 7: 7 [0,1,3,5(4★)] · group 8: 8 two cases [0,2,4] / [0,2,4]
 *   plus the set-level "Hồ sơ bị loại khi" paragraph.
 */
export const miniCriteriaSetInput: CriteriaSetInput = {
  format: 'ocop-criteria-set',
  formatVersion: 1,
  setKey: 'test/mini',
  decision: '26/2026/QĐ-TTg',
  setNo: null,
  name: 'Bộ thử nghiệm',
  heading: 'Bộ thử nghiệm',
  classificationLine: null,
  classification: null,
  formHeaderFields: ['Tên sản phẩm'],
  formFooterFields: ['Ý kiến của người đánh giá'],
  disqualifiers: ['Hồ sơ bị loại khi: giả mạo hồ sơ.'],
  total: 25,
  starRule: null,
  anomalies: [],
  source: null,
  parts: [
    {
      code: 'A',
      title: 'SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG',
      max: 5,
      groups: [
        {
          code: '1',
          title: 'TỔ CHỨC SẢN XUẤT',
          max: 5,
          criteria: [
            {
              code: '1.1',
              title: 'Nguồn nguyên liệu',
              max: 3,
              notes: ['Ghi chú: Bị loại nếu sử dụng toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc'],
              levels: [
                { text: 'Nguyên liệu một phần địa phương', points: 1, minForStars: 3 },
                { text: 'Nguyên liệu chủ yếu địa phương', points: 2 },
                { text: 'Toàn bộ nguyên liệu địa phương', points: 3 },
              ],
            },
            {
              code: '1.2',
              title: 'Vùng nguyên liệu được cấp chứng nhận',
              max: 2,
              levels: [
                { text: 'Không được cấp', points: 0 },
                { text: 'Một phần', points: 1 },
                { text: 'Toàn bộ', points: 2 },
              ],
            },
          ],
        },
      ],
    },
    {
      code: 'B',
      title: 'KHẢ NĂNG TIẾP THỊ',
      max: 7,
      groups: [
        {
          code: '5',
          title: 'CÂU CHUYỆN SẢN PHẨM',
          max: 7,
          criteria: [
            {
              code: '5.1',
              title: 'Câu chuyện sản phẩm',
              max: 5,
              levels: [
                { text: 'Không có', points: 0 },
                { text: 'Có, sơ sài', points: 1 },
                { text: 'Có, khá', points: 2 },
                { text: 'Có, tốt', points: 3 },
                { text: 'Có, rất tốt', points: 5, minForStars: 4 },
              ],
            },
            {
              code: '5.2',
              title: 'Cấu trúc câu chuyện sản phẩm',
              max: 2,
              notes: ['Chỉ áp dụng khi có câu chuyện sản phẩm'],
              levels: [
                { text: 'Không rõ', points: 0 },
                { text: 'Rõ một phần', points: 1 },
                { text: 'Rõ ràng', points: 2 },
              ],
            },
          ],
        },
      ],
    },
    {
      code: 'C',
      title: 'CHẤT LƯỢNG SẢN PHẨM',
      max: 13,
      groups: [
        {
          code: '6',
          title: 'CHỈ TIÊU CẢM QUAN',
          max: 4,
          criteria: [
            {
              code: '6.1',
              title: 'Tạp chất',
              max: 2,
              notes: [
                'Ghi chú: Nếu có tạp chất không chấp nhận được như: đất, côn trùng, lông,... sẽ không đánh giá các bước tiếp theo.',
              ],
              levels: [
                { text: 'Có tạp chất', points: 0 },
                { text: 'Ít tạp chất', points: 1 },
                { text: 'Không có tạp chất', points: 2 },
              ],
            },
            {
              code: '6.2',
              title: 'Màu sắc',
              max: 2,
              notes: ['Ghi chú: Nếu được 0 điểm tại một trong các chỉ tiêu trên, sẽ không đánh giá các bước tiếp theo.'],
              levels: [
                { text: 'Không đặc trưng', points: 0 },
                { text: 'Khá', points: 1 },
                { text: 'Đặc trưng', points: 2 },
              ],
            },
          ],
        },
        {
          code: '7',
          title: 'TÍNH ĐỘC ĐÁO',
          max: 5,
          criteria: [
            {
              code: '7',
              title: 'TÍNH ĐỘC ĐÁO',
              max: 5,
              levels: [
                { text: 'Không', points: 0 },
                { text: 'Ít', points: 1 },
                { text: 'Khá', points: 3 },
                { text: 'Rất độc đáo', points: 5, minForStars: 4 },
              ],
            },
          ],
        },
        {
          code: '8',
          title: 'TIỆN NGHI',
          max: 4,
          criteria: [
            {
              code: '8',
              title: 'TIỆN NGHI',
              max: 4,
              notes: ['Lựa chọn một trong hai trường hợp sau:'],
              cases: ['Trường hợp 1: Dịch vụ do cộng đồng cung cấp', 'Trường hợp 2: Điểm dịch vụ'],
              levels: [
                { text: 'Không có', points: 0, case: 'Trường hợp 1: Dịch vụ do cộng đồng cung cấp' },
                { text: 'Cơ bản', points: 2, case: 'Trường hợp 1: Dịch vụ do cộng đồng cung cấp' },
                { text: 'Đầy đủ', points: 4, case: 'Trường hợp 1: Dịch vụ do cộng đồng cung cấp' },
                { text: 'Không có', points: 0, case: 'Trường hợp 2: Điểm dịch vụ' },
                { text: 'Cơ bản', points: 2, case: 'Trường hợp 2: Điểm dịch vụ' },
                { text: 'Đầy đủ', points: 4, case: 'Trường hợp 2: Điểm dịch vụ' },
              ],
            },
          ],
        },
      ],
    },
  ],
  // Written as criteria-notes.ts extracts them (checked in sheet-rules.test.ts).
  rules: [
    {
      kind: 'disqualify',
      id: 'disqualify:set:1',
      criterionCode: null,
      condition: 'giả mạo hồ sơ',
      sourceText: 'Hồ sơ bị loại khi: giả mạo hồ sơ.',
      pattern: 'ho-so-bi-loai-khi',
    },
    {
      kind: 'disqualify',
      id: 'disqualify:1.1:1',
      criterionCode: '1.1',
      condition: 'sử dụng toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc',
      sourceText: 'Ghi chú: Bị loại nếu sử dụng toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc',
      pattern: 'bi-loai-neu',
    },
    {
      kind: 'conditional',
      id: 'conditional:5.2:1',
      criterionCode: '5.2',
      condition: 'có câu chuyện sản phẩm',
      whenNotMet: 'skip',
      sourceText: 'Chỉ áp dụng khi có câu chuyện sản phẩm',
      pattern: 'chi-ap-dung-khi',
    },
    {
      kind: 'stop',
      id: 'stop:6.1:1',
      criterionCode: '6.1',
      trigger: { type: 'condition', condition: 'có tạp chất không chấp nhận được như: đất, côn trùng, lông,...' },
      skip: 'following',
      sourceText:
        'Ghi chú: Nếu có tạp chất không chấp nhận được như: đất, côn trùng, lông,... sẽ không đánh giá các bước tiếp theo.',
      pattern: 'neu-thi-khong-danh-gia-buoc-tiep-theo',
    },
    {
      kind: 'stop',
      id: 'stop:6.2:1',
      criterionCode: '6.2',
      trigger: {
        type: 'levels',
        levels: [
          { criterionCode: '6.1', levelIndex: 0 },
          { criterionCode: '6.2', levelIndex: 0 },
        ],
      },
      skip: 'following',
      sourceText: 'Ghi chú: Nếu được 0 điểm tại một trong các chỉ tiêu trên, sẽ không đánh giá các bước tiếp theo.',
      pattern: 'neu-0-diem-chi-tieu-tren',
    },
    {
      kind: 'caseChoice',
      id: 'caseChoice:8:1',
      criterionCode: '8',
      cases: ['Trường hợp 1: Dịch vụ do cộng đồng cung cấp', 'Trường hợp 2: Điểm dịch vụ'],
      sourceText: 'Lựa chọn một trong hai trường hợp sau:',
      pattern: 'mot-trong-hai-truong-hop',
    },
  ],
};

export const miniCriteriaSet = (): CriteriaSet => CriteriaSet.parse(miniCriteriaSetInput);
