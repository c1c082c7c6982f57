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
  documentFont: 'Document typeface',
  documentFontHelp:
    'Typeface of the printed minutes, scoring sheets, decisions and certificates. Decree 30/2020/NĐ-CP prescribes Times New Roman; Tinos has the same character widths, so lines break exactly alike.',
  documentFonts: { tinos: 'Tinos (comes with the app)', timesNewRoman: "Times New Roman (this computer's, as Decree 30 asks)" },
  timesNewRomanMissing: 'Times New Roman is not installed on this computer.',
  fontStatus: {
    tinos: 'Documents use the Tinos typeface that comes with the app.',
    times: "Using this computer's Times New Roman.",
    fallback: 'Times New Roman was not found on this computer; documents use Tinos (same character widths).',
    searched: 'Looked for the four font files (regular, bold, italic, bold italic) in: {{dirs}}',
  },
  dataLocation: 'Where the data lives',
  dataLocationHelp: 'All data is in this folder on this computer. Back up this folder so nothing is lost.',
  databaseFile: 'Database file',
  savedToast: 'Settings saved',
  welcome: {
    title: 'Welcome to OCOP Council',
    body: 'Before you start, please give your name. It is written in the history each time you change data (for example “Finalized by …”), so that later everyone knows who did what. You can change it in Settings.',
    name: 'Your full name',
    namePlaceholder: 'For example: Nguyen Thi Lan — council secretary',
    nameRequired: 'Enter your full name to continue.',
    start: 'Start',
  },
  oldBuildNotice: 'Remind me when this installation is old',
  oldBuildNoticeHelp:
    'The app does not connect to the internet, so it cannot check for a new version itself. This many months after it was built, the About screen says a newer version may exist.',
  oldBuildNoticeChoices: { never: 'Never', months: 'After {{count}} months' },
} satisfies Shape<typeof vi>;
