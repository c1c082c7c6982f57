import type { Shape } from '../shape';
import type vi from '../vi/classification';

/**
 * Names from Annex I of Decision 26/2026/QĐ-TTg (sectors, product groups, the 26 criteria sets)
 * and the ministries that manage them. Vietnamese: exactly the decision's words, as in
 * resources/criteria/classification.json (i18n.test.ts checks they agree). English: a
 * translation for reading only; printed documents keep the Vietnamese.
 */
export default {
  sectors: {
    I: 'Food',
    II: 'Beverages',
    III: 'Medicinal herbs and herbal products',
    IV: 'Handicrafts',
    V: 'Ornamental plants and animals',
    VI: 'Community tourism, eco-tourism and tourist sites',
  },
  groups: {
    g1: 'Fresh food',
    g2: 'Raw and semi-processed food',
    g3: 'Processed food',
    g4: 'Condiments',
    g5: 'Tea',
    g6: 'Coffee, cocoa',
    g7: 'Alcoholic beverages',
    g8: 'Non-alcoholic beverages',
    g9: 'Functional foods, herbal and traditional medicines',
    g10: 'Cosmetics with medicinal herbs',
    g11: 'Essential oils and other medicinal herbs',
    g12: 'Household and decorative handicrafts',
    g13: 'Fabrics, garments',
    g14: 'Flowers',
    g15: 'Ornamental plants',
    g16: 'Ornamental animals',
    g17: 'Community tourism, eco-tourism and tourist sites',
  },
  sets: {
    s01: 'Fresh vegetables, tubers, fruits and nuts',
    s02: 'Fresh meat, seafood, eggs and milk',
    s03: 'Rice, cereals and other semi-processed grains',
    s04: 'Honey, other syrups and other food farm products',
    s05: 'Fast food',
    s06: 'Processed rice and cereal products',
    s07: 'Processed vegetables, tubers, fruits and nuts',
    s08: 'Processed meat, seafood, eggs, milk, honey and other food farm products',
    s09: 'Sauces, fish sauce and other liquid condiments',
    s10: 'Other condiments (salt, shallots, garlic, pepper)',
    s11: 'Fresh and processed tea',
    s12: 'Tea-like products from other plants',
    s13: 'Coffee, cocoa',
    s14: 'White spirits',
    s15: 'Other alcoholic beverages',
    s16: 'Natural mineral water, bottled drinking water',
    s17: 'Other non-alcoholic beverages',
    s18: 'Functional foods, herbal and traditional medicines',
    s19: 'Cosmetics with medicinal herb ingredients',
    s20: 'Essential oils and other medicinal herbs',
    s21: 'Handicrafts',
    s22: 'Fabrics, garments',
    s23: 'Flowers',
    s24: 'Ornamental plants',
    s25: 'Ornamental animals',
    s26: 'Community tourism, eco-tourism services and tourist sites',
  },
  ministries: {
    agriculture: 'Ministry of Agriculture and Environment',
    industry: 'Ministry of Industry and Trade',
    health: 'Ministry of Health',
    culture: 'Ministry of Culture, Sports and Tourism',
  },
} satisfies Shape<typeof vi>;
