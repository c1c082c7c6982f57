import type { Shape } from '../shape';
import type vi from '../vi/stats';

export default {
  title: 'OCOP statistics',
} satisfies Shape<typeof vi>;
