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
  oldBuildNoticeChoices: { never: 'Never', months_one: 'After {{count}} month', months_other: 'After {{count}} months' },
  places: {
    title: 'Commune list',
    help: "The statistics office's list of communes and wards. Once imported, the producer form's “Find a commune” box finds a commune by its name typed without accents and fills in the code.",
    none: 'No commune list imported yet.',
    whereToGet:
      'Get the list from danhmuchanhchinh.nso.gov.vn (“Danh mục đơn vị hành chính”): choose the level “Xã”, press “Xuất Excel”, then choose the downloaded file here (.xls, .xlsx or .csv).',
    installed: '{{communes}} communes in {{provinces}} provinces — file {{fileName}}, imported {{at}} by {{by}}.',
    choose: 'Choose the list file…',
    imported: 'Imported {{communes}} communes in {{provinces}} provinces.',
    refused_one: 'The file has {{count}} problem; nothing was imported. The list in use is unchanged.',
    refused_other: 'The file has {{count}} problems; nothing was imported. The list in use is unchanged.',
    where: 'Sheet {{sheet}}, row {{row}}, column “{{column}}”',
    errors: {
      bad_code: 'the commune code “{{value}}” is not a number of up to 5 digits',
      no_name: 'the commune with code {{value}} has no name',
      bad_province: '“{{value}}” is not a province code or name of Vietnam',
      duplicate_code: 'code {{value}} is given to two communes with different names',
      no_communes: 'there is a header row but no commune rows',
      no_header:
        'no header row with the commune code, commune name and province was found (e.g. “Mã”, “Tên”, “Cấp”, “Mã TP”, “Tỉnh / Thành Phố”); export the list again from the statistics office site',
      unreadable:
        'the file cannot be read: it is neither an Excel file (.xls, .xlsx) nor a CSV; open it in Excel and save it as .xlsx',
      empty: 'the file has no rows',
    },
  },
} satisfies Shape<typeof vi>;
