import type { Shape } from '../shape';
import type vi from '../vi/registry';

export default {
  due: {
    title: 'Products due for re-evaluation',
    pdfTitle: 'OCOP PRODUCTS DUE FOR RE-EVALUATION',
    asOf: 'As of {{date}}',
    pdfIntro:
      'A re-evaluation dossier is submitted no earlier than 180 days and no later than 120 days before the certificate expires (Article 7(6), Decision 26/2026/QĐ-TTg). The list holds {{count}} products: window opening within {{days}} days, window open, window passed, and expired without re-evaluation.',
    none: 'No product is due for re-evaluation.',
    all: 'All',
    pendingShort: 'Dossier {{no}} filed',
    col: {
      no: 'No.',
      product: 'Product',
      producer: 'Producer',
      commune: 'Commune',
      star: 'Rank',
      decision: 'Recognition decision',
      validTo: 'Expires',
      window: 'Re-evaluation filing window',
      state: 'Status',
      days: 'Days to expiry',
      pending: 'Re-evaluation dossier',
    },
    state: {
      coming: 'Window opening soon',
      open: 'Window open',
      passed: 'Window passed, still valid',
      grace: 'Expired (within the 180-day transition)',
      expired: 'Expired, not re-evaluated',
    },
  },
  certificate: {
    ubnd: "PEOPLE'S COMMITTEE",
    province: '{{place}} province',
    district: '{{place}} district',
    ministry: 'MINISTRY OF AGRICULTURE AND ENVIRONMENT',
    ubndAuthority: "ON BEHALF OF THE PEOPLE'S COMMITTEE",
    chairTitle: 'CHAIRPERSON',
    ministerAuthority: 'MINISTER',
    ministerTitle: 'MINISTRY OF AGRICULTURE AND ENVIRONMENT',
    citation: 'Decision no. {{no}} of {{date}} by {{by}}',
    byProvince: "the Chairperson of the People's Committee of {{place}} province",
    byDistrict: "the Chairperson of the People's Committee of {{place}} district",
    byMinister: 'the Minister of Agriculture and Environment',
    hanoi: 'Hanoi',
  },
} satisfies Shape<typeof vi>;
