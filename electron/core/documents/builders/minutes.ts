import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DocT } from '../doc-t';
import { docRefOf } from '../integrity/doc-ref';
import { qrImages } from '../integrity/images';
import { documentOf } from '../layout/document';
import {
  countText,
  dateOf,
  longDate,
  meanText,
  numberLine,
  percentText,
  placeDateLine,
  points,
  starText,
  timeOf,
} from '../layout/format';
import { nd30Header } from '../layout/header';
import { section } from '../layout/page-frame';
import { dashList, para } from '../layout/paragraph';
import { minutesSignatures } from '../layout/signature';
import { SIZE } from '../layout/styles';
import { GRID } from '../layout/tables';
import { titleBlock } from '../layout/title';
import { contentWidth, DECREE_MARGINS, mm } from '../layout/units';
import type { MinutesData, SummaryRow } from '../types';
import { closeList, conclusionGroups, producerCount, td, th } from './common';

/**
 * Biên bản họp Hội đồng đánh giá, phân hạng sản phẩm OCOP, in the order of NĐ 30 Mẫu 1.9:
 * header, "BIÊN BẢN" + meeting title, start time, place, attendance with the quorum, chair,
 * secretary, content (products, method, results, spread discussions, opinions, conclusions and
 * proposals), closing time "./.", THƯ KÝ | CHỦ TỌA, Nơi nhận.
 */
export function buildMinutes(d: MinutesData, t: DocT): TDocumentDefinitions {
  const width = contentWidth('portrait', DECREE_MARGINS);
  const content: Content[] = [
    nd30Header(t, {
      issuer: d.setup.issuer,
      numberLine: numberLine(t, d.setup.number),
      placeDateLine: d.setup.showPlaceDate ? placeDateLine(t, d.setup.placeDate) : null,
      width,
    }),
    titleBlock(t('minutes.type'), d.meetingTitle, width),
    para(t('minutes.startedAt', { time: timeOf(t, d.startedAt), date: longDate(t, dateOf(d.startedAt)) })),
    para(t('minutes.location', { location: d.location })),
    ...attendance(d, t),
    para(t('minutes.chair', { name: d.chair.fullName, office: d.chair.office || t(`common.roles.${d.chair.role}`) })),
    para(
      t('minutes.secretary', { name: d.secretary.fullName, office: d.secretary.office || t(`common.roles.${d.secretary.role}`) }),
    ),
    para(t('minutes.content'), { bold: true }),
    ...body(d, t),
    para(t('minutes.readBack')),
    minutesSignatures(t, d.secretarySigner, d.chairSigner, d.setup.recipients, width, [
      para(
        d.endedAt
          ? t('minutes.closing', { time: timeOf(t, d.endedAt), date: longDate(t, dateOf(d.endedAt)) })
          : t('minutes.closingBlank'),
      ),
    ]),
  ];
  return documentOf(
    [
      section(content, {
        t,
        integrity: d.integrity,
        docRef: docRefOf.minutes(),
        ...(d.draft ? { firstPageMark: t('common.draft') } : {}),
      }),
    ],
    {
      title: `${t('minutes.type')} ${d.meetingTitle}`,
      images: qrImages(d.integrity),
    },
  );
}

function attendance(d: MinutesData, t: DocT): Content[] {
  const present = d.attendance.filter((a) => a.present);
  const absent = d.attendance.filter((a) => !a.present);
  const out: Content[] = [para(t('minutes.attendance'))];
  out.push(para(t('minutes.presentHeading'), { margin: [0, 2, 0, 0] }));
  out.push(
    dashList(
      closeList(
        present.map((a) =>
          a.member.office
            ? t('minutes.presentLine', {
                name: a.member.fullName,
                office: a.member.office,
                role: t(`common.roles.${a.member.role}`),
              })
            : t('minutes.presentLineNoOffice', { name: a.member.fullName, role: t(`common.roles.${a.member.role}`) }),
        ),
      ),
    ),
  );
  if (absent.length) {
    out.push(para(t('minutes.absentHeading'), { margin: [0, 2, 0, 0] }));
    out.push(
      dashList(
        closeList(
          absent.map((a) =>
            t('minutes.absentLine', {
              name: a.member.fullName,
              role: t(`common.roles.${a.member.role}`),
              reason: a.absenceReason || t('minutes.absentNoReason'),
            }),
          ),
        ),
      ),
    );
  }
  if (d.guests.length) out.push(para(t('minutes.guests', { list: d.guests.join('; ') })));
  const total = d.attendance.length;
  out.push(
    para(
      t('minutes.quorum', {
        present: countText(present.length),
        total: countText(total),
        percent: percentText(t, (present.length * 100) / total),
        verdict: t(d.quorum.met ? 'minutes.quorumMet' : 'minutes.quorumNotMet', { rule: d.quorum.rule }),
      }),
    ),
  );
  return out;
}

function body(d: MinutesData, t: DocT): Content[] {
  let n = 0;
  const item = (text: string): Content => para(`${++n}. ${text}`);
  const limit = points(t, d.spreadLimitCenti);
  const out: Content[] = [];
  out.push(
    item(
      t('minutes.purpose', {
        products: countText(d.results.length),
        producers: countText(producerCount(d.results.map((r) => r.product))),
        annexNote: d.summaryAnnexed ? t('minutes.purposeAnnex') : '',
      }),
    ),
  );
  out.push(item(t('minutes.method', { citation: d.legalBasisCitation, limit })));
  out.push(item(t('minutes.results')));
  if (d.results.length) out.push(resultsTable(d, t));
  if (d.summaryAnnexed) out.push(para(t('minutes.resultsAnnex')));

  if (d.spreadDiscussions.length === 0) out.push(item(t('minutes.spreadNone', { limit })));
  else {
    out.push(item(t('minutes.spreadTitle', { limit })));
    out.push(
      dashList(
        d.spreadDiscussions.map((s) => {
          const outcome =
            s.rescoringRounds > 0 && s.spreadAfterCenti !== null
              ? t('minutes.spreadRescored', { rounds: s.rescoringRounds, after: points(t, s.spreadAfterCenti) })
              : t('minutes.spreadDiscussedOnly');
          const line = t('minutes.spreadItem', {
            product: s.product.name,
            producer: s.product.producerName,
            before: points(t, s.spreadBeforeCenti),
            outcome,
          });
          return s.discussion ? `${line} ${s.discussion}` : line;
        }),
      ),
    );
  }

  if (d.opinions.length) {
    out.push(item(t('minutes.opinions')));
    out.push(dashList(d.opinions));
  }

  out.push(item(t('minutes.conclusions')));
  out.push(...conclusions(d, t));
  // The secretary's own conclusions and proposals follow those the results give.
  for (const p of d.proposals) out.push(para(p));
  if (d.vote)
    out.push(
      para(
        t('minutes.vote', { for: countText(d.vote.for), against: countText(d.vote.against), abstain: countText(d.vote.abstain) }),
      ),
    );
  return out;
}

function conclusions(d: MinutesData, t: DocT): Content[] {
  const groups = conclusionGroups(d.results, d.legalBasis, dateOf(d.startedAt));
  const out: Content[] = [];
  const itemLine = (r: SummaryRow): string => {
    if (!r.mean || !r.star) return t('minutes.unclassifiedItem', { product: r.product.name, producer: r.product.producerName });
    const base = { product: r.product.name, producer: r.product.producerName, mean: meanText(t, r.mean, d.legalBasis) };
    // A capped product says why its mean did not give the band's star (the criteria below their minimum).
    if (r.cappedBy.length > 0 && r.bandStar !== null && r.bandStar > r.star) {
      const codes = r.cappedBy.map((c) => c.code).join(', ');
      const required = Math.min(...r.cappedBy.map((c) => c.requiredStars)) as 3 | 4 | 5;
      return t('minutes.conclusionCapped', {
        ...base,
        star: starText(t, r.star),
        band: starText(t, r.bandStar),
        criteria: t(r.cappedBy.length > 1 ? 'minutes.cappedCriteria' : 'minutes.cappedCriterion', { codes }),
        required: starText(t, required),
      });
    }
    return t('minutes.conclusionItem', { ...base, star: starText(t, r.star) });
  };
  let letter = 0;
  const sub = (text: string): Content => para(`${String.fromCharCode(97 + letter++)}) ${text}`);
  if (!groups.some((g) => g.kind === 'recognise' || g.kind === 'central')) out.push(sub(t('minutes.none')));
  for (const g of groups) {
    const count = countText(g.rows.length);
    switch (g.kind) {
      case 'recognise':
        out.push(sub(t('minutes.recognise', { count, stars: starText(t, g.star) })));
        break;
      case 'central':
        out.push(sub(t('minutes.central', { count })));
        break;
      case 'notRecognised':
        out.push(sub(t('minutes.notRecognised', { count })));
        break;
      case 'unclassified':
        out.push(sub(t('minutes.unclassified', { count })));
        break;
    }
    out.push(dashList(closeList(g.rows.map(itemLine))));
  }
  return out;
}

function resultsTable(d: MinutesData, t: DocT): Content {
  const widths = [mm(11), '*', mm(48), mm(22), mm(22)];
  const header: TableCell[] = [
    th(t('minutes.colNo')),
    th(t('minutes.colProduct')),
    th(t('minutes.colProducer')),
    th(t('minutes.colMean')),
    th(t('minutes.colStar')),
  ];
  const rows: TableCell[][] = d.results.map((r, i) => [
    td(String(i + 1), { alignment: 'center' }),
    td(r.product.name),
    td(r.product.producerName),
    td(r.mean ? meanText(t, r.mean, d.legalBasis) : t('common.dash'), { alignment: 'center' }),
    td(r.star ? starText(t, r.star) : t('summary.notClassified'), { alignment: 'center' }),
  ]);
  return {
    table: { widths, headerRows: 1, dontBreakRows: true, body: [header, ...rows] },
    layout: GRID,
    fontSize: SIZE.table,
    lineHeight: 1,
    margin: [0, 6, 0, 0],
  };
}
