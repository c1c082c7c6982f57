import type { CouncilDetail } from '../../../shared/api/channels/councils';
import type { DemoRun } from './call';
import { ADVISORY_SEATS, COUNCIL_SEATS, DEMO_PROVINCE, nameMaker, TRAINING_NOTE } from './names';
import type { Rng } from './random';

export interface CouncilsDemo {
  council: CouncilDetail;
  advisoryGroup: CouncilDetail;
}

/**
 * The provincial council of nine (Chủ tịch, two Phó Chủ tịch, five Ủy viên, an Ủy viên kiêm Thư
 * ký; Đ7.3b and DOMAIN §6) with the provincial default rules, and its Tổ tư vấn of five.
 */
export async function councilsDemo(demo: DemoRun, rng: Rng): Promise<CouncilsDemo> {
  const person = nameMaker(rng);
  const established = '2026-02-20';
  const council = await demo.call('councils:create', {
    name: `Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh ${DEMO_PROVINCE.name} (tập huấn)`,
    level: 'provincial',
    issuerParent: `UBND TỈNH ${DEMO_PROVINCE.upper}`,
    issuerNameLines: ['HỘI ĐỒNG ĐÁNH GIÁ,', 'PHÂN HẠNG SẢN PHẨM OCOP'],
    docSymbol: 'HĐĐGPH',
    placeName: DEMO_PROVINCE.name,
    decisionNo: `${rng.int(150, 480)}/QĐ-UBND`,
    decisionDate: established,
    decisionSigner: person().fullName,
    decisionSignerTitle: 'Chủ tịch Ủy ban nhân dân tỉnh',
    note: TRAINING_NOTE,
    members: COUNCIL_SEATS.map((s) => ({
      fullName: person().fullName,
      office: s.office,
      position: s.position,
      role: s.role,
      activeFrom: established,
    })),
  });
  const advisoryGroup = await demo.call('councils:create', {
    name: `Tổ tư vấn giúp việc Hội đồng OCOP tỉnh ${DEMO_PROVINCE.name} (tập huấn)`,
    level: 'advisory_group',
    parentCouncilId: council.council.id,
    issuerParent: `UBND TỈNH ${DEMO_PROVINCE.upper}`,
    issuerNameLines: ['TỔ TƯ VẤN GIÚP VIỆC HỘI ĐỒNG', 'ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP'],
    docSymbol: 'TTV',
    placeName: DEMO_PROVINCE.name,
    decisionNo: council.council.decisionNo,
    decisionDate: established,
    note: TRAINING_NOTE,
    members: ADVISORY_SEATS.map((s) => ({
      fullName: person().fullName,
      office: s.office,
      position: s.position,
      role: s.role,
      activeFrom: established,
    })),
  });
  return { council, advisoryGroup };
}
