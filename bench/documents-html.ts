/**
 * The biên bản as HTML + CSS, for the bench's comparison with printing through headless
 * Chromium (--print-to-pdf). Same content and page setup as buildMinutes (A4, Decree 30 margins,
 * Tinos 14 pt, the two-column header, the results table, signatures); not used by the app.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocT } from '../electron/core/documents/doc-t';
import {
  countText,
  dateOf,
  longDate,
  meanText,
  numberLine,
  placeDateLine,
  points,
  starText,
  timeOf,
} from '../electron/core/documents/layout/format';
import type { MinutesData } from '../electron/core/documents/types';

const esc = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

export function minutesHtml(d: MinutesData, t: DocT, fontsDir: string): string {
  const font = (file: string, weight: number, style: string) =>
    `@font-face{font-family:Tinos;src:url('${pathToFileURL(path.join(fontsDir, file)).href}');font-weight:${weight};font-style:${style}}`;
  const present = d.attendance.filter((a) => a.present);
  const rows = d.results
    .map(
      (r, i) =>
        `<tr><td class="c">${i + 1}</td><td>${esc(r.product.name)}</td><td>${esc(r.product.producerName)}</td><td class="c">${r.mean ? meanText(t, r.mean, d.legalBasis) : '—'}</td><td class="c">${r.star ? starText(t, r.star) : esc(t('summary.notClassified'))}</td></tr>`,
    )
    .join('');
  const conclusions = d.results
    .filter((r) => r.star && r.mean)
    .map(
      (r) =>
        `<p class="dash">- ${esc(t('minutes.conclusionItem', { product: r.product.name, producer: r.product.producerName, mean: meanText(t, r.mean!, d.legalBasis), star: starText(t, r.star!) }))}</p>`,
    )
    .join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
${font('Tinos-Regular.ttf', 400, 'normal')}${font('Tinos-Bold.ttf', 700, 'normal')}${font('Tinos-Italic.ttf', 400, 'italic')}${font('Tinos-BoldItalic.ttf', 700, 'italic')}
@page{size:A4;margin:25mm 20mm 20mm 35mm}
body{font-family:Tinos;font-size:14pt;line-height:1.15;color:#000;margin:0}
.hdr{width:100%;border-collapse:collapse}.hdr td{text-align:center;vertical-align:top;padding:0}
.b{font-weight:700}.i{font-style:italic}.rule{width:35%;margin:2pt auto;border-top:0.6pt solid #000}
h1{font-size:14pt;text-align:center;margin:12pt 0 0}h2{font-size:14pt;text-align:center;margin:0 0 8pt}
p{text-align:justify;text-indent:1cm;margin:6pt 0 0}p.dash{margin:2pt 0 0}
table.res{width:100%;border-collapse:collapse;font-size:12pt;margin-top:6pt}table.res td,table.res th{border:0.5pt solid #000;padding:2pt 3pt}
.c{text-align:center}tr{break-inside:avoid}.sig{width:100%;margin-top:12pt;break-inside:avoid}.sig td{text-align:center;font-weight:700;vertical-align:top;height:30mm}
</style></head><body>
<table class="hdr"><tr><td style="width:55mm">${d.setup.issuer.parentLines.map(esc).join('<br>')}<br><span class="b">${d.setup.issuer.bodyLines.map(esc).join('<br>')}</span><div class="rule"></div>${esc(numberLine(t, d.setup.number))}</td>
<td><span class="b" style="font-size:13pt">${esc(t('common.quocHieu'))}</span><br><span class="b">${esc(t('common.tieuNgu'))}</span><div class="rule" style="width:60mm"></div><span class="i">${d.setup.showPlaceDate ? esc(placeDateLine(t, d.setup.placeDate)) : ''}</span></td></tr></table>
<h1>${esc(t('minutes.type'))}</h1><h2>${esc(d.meetingTitle)}</h2>
<p>${esc(t('minutes.startedAt', { time: timeOf(t, d.startedAt), date: longDate(t, dateOf(d.startedAt)) }))}</p>
<p>${esc(t('minutes.location', { location: d.location }))}</p>
<p>${esc(t('minutes.attendance'))}</p>
${present.map((a) => `<p class="dash">- ${esc(t('minutes.presentLine', { name: a.member.fullName, office: a.member.office, role: t(`common.roles.${a.member.role}`) }))}</p>`).join('')}
<p>${esc(t('minutes.chair', { name: d.chair.fullName, office: d.chair.office }))}</p>
<p>${esc(t('minutes.secretary', { name: d.secretary.fullName, office: d.secretary.office }))}</p>
<p class="b">${esc(t('minutes.content'))}</p>
<p>1. ${esc(t('minutes.purpose', { products: countText(d.results.length), producers: countText(d.results.length), annexNote: '' }))}</p>
<p>2. ${esc(t('minutes.method', { citation: d.legalBasisCitation, limit: points(t, d.spreadLimitCenti) }))}</p>
<p>3. ${esc(t('minutes.results'))}</p>
<table class="res"><thead><tr><th>${esc(t('minutes.colNo'))}</th><th>${esc(t('minutes.colProduct'))}</th><th>${esc(t('minutes.colProducer'))}</th><th>${esc(t('minutes.colMean'))}</th><th>${esc(t('minutes.colStar'))}</th></tr></thead><tbody>${rows}</tbody></table>
<p>4. ${esc(t('minutes.conclusions'))}</p>${conclusions}
<p>${d.endedAt ? esc(t('minutes.closing', { time: timeOf(t, d.endedAt), date: longDate(t, dateOf(d.endedAt)) })) : ''}</p>
<table class="sig"><tr><td>${esc(d.secretarySigner.title)}</td><td>${esc(d.chairSigner.title)}</td></tr><tr><td>${esc(d.secretarySigner.name)}</td><td>${esc(d.chairSigner.name)}</td></tr></table>
</body></html>`;
}
