import type { Shape } from '../shape';
import type vi from '../vi/settings';

export default {
  title: 'Settings',
  language: 'Language',
  languageHelp: 'Language of the screens, menus and printed documents.',
  vi: 'Tiếng Việt',
  en: 'English',
  textSize: 'Text size',
  textSizeHelp: 'Choose a larger size if the text is hard to read.',
  textSizes: { normal: 'Normal', large: 'Large', larger: 'Larger' },
  operatorName: 'Name of the person using this computer',
  operatorNameHelp: 'Written to the log when you change data (for example the council secretary).',
  dataLocation: 'Where the data lives',
  dataLocationHelp: 'All data is in this folder on this computer. Back up this folder so nothing is lost.',
  databaseFile: 'Database file',
  savedToast: 'Settings saved',
} satisfies Shape<typeof vi>;
