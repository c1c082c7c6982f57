import type { Channel, ChannelOutput } from '../../../shared/api/contract';
import { unwrap } from '../../cli/unwrap';
import { invoke } from '../api';
import type { Core } from '../context';

/** Calls a channel through the real entry (validation, NFC, handlers) and returns its value or throws its CoreError. */
export async function call<C extends Channel>(core: Core, channel: C, input: unknown): Promise<ChannelOutput<C>> {
  return unwrap(await invoke(core.ctx, channel, input));
}

/** The error envelope of a call expected to fail. */
export async function callError(core: Core, channel: string, input: unknown) {
  const r = await invoke(core.ctx, channel, input);
  if (r.ok) throw new Error(`${channel} was expected to fail but answered ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}

export const producerInput = (over: Record<string, unknown> = {}) => ({
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

export async function makeRound(core: Core, over: Record<string, unknown> = {}) {
  return call(core, 'rounds:create', { year: 2026, number: 1, ...over });
}

export async function makeProducer(core: Core, over: Record<string, unknown> = {}) {
  return call(core, 'producers:create', producerInput(over));
}

export async function makeProduct(core: Core, producerId: number, over: Record<string, unknown> = {}) {
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
export async function makeRegistration(core: Core, over: Record<string, unknown> = {}) {
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
