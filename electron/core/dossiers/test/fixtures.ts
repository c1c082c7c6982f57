import type { ChannelInput } from '../../../../shared/api/contract';
import type { Core } from '../../context';
import { call } from '../../test/call';

export const producerInput = (over: Partial<ChannelInput<'producers:create'>> = {}): ChannelInput<'producers:create'> => ({
  kind: 'cooperative',
  name: 'Hợp tác xã Nước mắm Đại Phát',
  taxCode: '0101234567',
  representativeName: 'Nguyễn Thị Hoa',
  representativePosition: 'Giám đốc',
  representativeGender: 'female',
  address: 'Thôn Đông',
  communeCode: '00004',
  communeName: 'Phường Ba Đình',
  provinceCode: '01',
  provinceName: 'Thành phố Hà Nội',
  phone: '0912 345 678',
  email: 'htx@vidu.vn',
  ...over,
});

export async function makeRound(core: Core, over: Partial<ChannelInput<'rounds:create'>> = {}) {
  return call(core, 'rounds:create', { year: 2026, number: 1, ...over });
}

export async function makeProducer(core: Core, over: Partial<ChannelInput<'producers:create'>> = {}) {
  return call(core, 'producers:create', producerInput(over));
}

export async function makeProduct(core: Core, producerId: number, over: Partial<ChannelInput<'products:create'>> = {}) {
  return call(core, 'products:create', {
    producerId,
    name: 'Nước mắm cá cơm 40 độ đạm',
    setKey: 'qd26-2026/09',
    specification: 'Chai 500 ml',
    packaging: 'Chai thủy tinh',
    codeYear: 2026,
    ...over,
  });
}

/** A round, a producer, a product and its first registration. */
export async function makeRegistration(core: Core, over: Partial<ChannelInput<'registrations:create'>> = {}) {
  const round = await makeRound(core);
  const producer = await makeProducer(core);
  const product = await makeProduct(core, producer.id);
  const reg = await call(core, 'registrations:create', {
    productId: product.id,
    roundId: round.id,
    kind: 'first',
    receivedCommuneOn: '2026-03-02',
    ...over,
  });
  return { round, producer, product, reg };
}
