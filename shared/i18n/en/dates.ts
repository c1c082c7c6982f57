import type { Shape } from '../shape';
import type vi from '../vi/dates';

export default {
  placeholder: 'day/month/year',
  hint: 'Type day/month/year, e.g. 18/06/2026',
  invalid: '“{{text}}” is not a valid date. Type day/month/year, e.g. 18/06/2026.',
  beforeMin: 'The date must be {{min}} or later.',
  afterMax: 'The date must be {{max}} or earlier.',
  clear: 'Clear date',
  monthLabel: '{{monthName}} {{year}}',
  monthShort: '{{monthShortName}}',
  nextMonth: 'Next month',
  previousMonth: 'Previous month',
  nextYear: 'Next year',
  previousYear: 'Previous year',
  nextDecade: 'Next decade',
  previousDecade: 'Previous decade',
  monthLevelControl: 'Choose month',
  yearLevelControl: 'Choose year',
  timePlaceholder: 'hh:mm, e.g. 08:00',
  timeInvalid: '“{{text}}” is not a valid time. Type hours:minutes on the 24-hour clock, e.g. 08:00 or 14:30.',
} satisfies Shape<typeof vi>;
