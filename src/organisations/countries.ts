/** UN member and observer states: ISO 3166-1 codes, UN M49 codes and UN regional groups. */

/** The five UN regional groups, in the order the UN lists them. */
export const regionalGroups = [
  'african',
  'asia-pacific',
  'eastern-european',
  'latin-american-caribbean',
  'western-european-others',
] as const;

/** One of the five UN regional groups. */
export type RegionalGroup = (typeof regionalGroups)[number];

/** A UN member or observer state; `group` is null for observers, which belong to no group. */
export interface Country {
  iso3: string;
  iso2: string;
  m49: string;
  group: RegionalGroup | null;
  observer: boolean;
}

// Short codes keep the table to one line per state; OBS marks the two observer states.
const groupCodes = {
  AFR: 'african',
  APG: 'asia-pacific',
  EEG: 'eastern-european',
  GRULAC: 'latin-american-caribbean',
  WEOG: 'western-european-others',
  OBS: null,
} as const;

type Row = readonly [iso3: string, iso2: string, m49: string, group: keyof typeof groupCodes];

// Groups for electoral purposes, as the UN Secretariat (DGACM) lists them: Kiribati in
// Asia-Pacific (since 2010); Türkiye in WEOG (it also takes part in Asia-Pacific); Israel in
// WEOG; the United States in WEOG (it attends as an observer but counts as a member for
// elections). Counts: African 54, Asia-Pacific 54, Eastern European 23, GRULAC 33, WEOG 29.
const rows: readonly Row[] = [
  ['AFG', 'AF', '004', 'APG'],
  ['AGO', 'AO', '024', 'AFR'],
  ['ALB', 'AL', '008', 'EEG'],
  ['AND', 'AD', '020', 'WEOG'],
  ['ARE', 'AE', '784', 'APG'],
  ['ARG', 'AR', '032', 'GRULAC'],
  ['ARM', 'AM', '051', 'EEG'],
  ['ATG', 'AG', '028', 'GRULAC'],
  ['AUS', 'AU', '036', 'WEOG'],
  ['AUT', 'AT', '040', 'WEOG'],
  ['AZE', 'AZ', '031', 'EEG'],
  ['BDI', 'BI', '108', 'AFR'],
  ['BEL', 'BE', '056', 'WEOG'],
  ['BEN', 'BJ', '204', 'AFR'],
  ['BFA', 'BF', '854', 'AFR'],
  ['BGD', 'BD', '050', 'APG'],
  ['BGR', 'BG', '100', 'EEG'],
  ['BHR', 'BH', '048', 'APG'],
  ['BHS', 'BS', '044', 'GRULAC'],
  ['BIH', 'BA', '070', 'EEG'],
  ['BLR', 'BY', '112', 'EEG'],
  ['BLZ', 'BZ', '084', 'GRULAC'],
  ['BOL', 'BO', '068', 'GRULAC'],
  ['BRA', 'BR', '076', 'GRULAC'],
  ['BRB', 'BB', '052', 'GRULAC'],
  ['BRN', 'BN', '096', 'APG'],
  ['BTN', 'BT', '064', 'APG'],
  ['BWA', 'BW', '072', 'AFR'],
  ['CAF', 'CF', '140', 'AFR'],
  ['CAN', 'CA', '124', 'WEOG'],
  ['CHE', 'CH', '756', 'WEOG'],
  ['CHL', 'CL', '152', 'GRULAC'],
  ['CHN', 'CN', '156', 'APG'],
  ['CIV', 'CI', '384', 'AFR'],
  ['CMR', 'CM', '120', 'AFR'],
  ['COD', 'CD', '180', 'AFR'],
  ['COG', 'CG', '178', 'AFR'],
  ['COL', 'CO', '170', 'GRULAC'],
  ['COM', 'KM', '174', 'AFR'],
  ['CPV', 'CV', '132', 'AFR'],
  ['CRI', 'CR', '188', 'GRULAC'],
  ['CUB', 'CU', '192', 'GRULAC'],
  ['CYP', 'CY', '196', 'APG'],
  ['CZE', 'CZ', '203', 'EEG'],
  ['DEU', 'DE', '276', 'WEOG'],
  ['DJI', 'DJ', '262', 'AFR'],
  ['DMA', 'DM', '212', 'GRULAC'],
  ['DNK', 'DK', '208', 'WEOG'],
  ['DOM', 'DO', '214', 'GRULAC'],
  ['DZA', 'DZ', '012', 'AFR'],
  ['ECU', 'EC', '218', 'GRULAC'],
  ['EGY', 'EG', '818', 'AFR'],
  ['ERI', 'ER', '232', 'AFR'],
  ['ESP', 'ES', '724', 'WEOG'],
  ['EST', 'EE', '233', 'EEG'],
  ['ETH', 'ET', '231', 'AFR'],
  ['FIN', 'FI', '246', 'WEOG'],
  ['FJI', 'FJ', '242', 'APG'],
  ['FRA', 'FR', '250', 'WEOG'],
  ['FSM', 'FM', '583', 'APG'],
  ['GAB', 'GA', '266', 'AFR'],
  ['GBR', 'GB', '826', 'WEOG'],
  ['GEO', 'GE', '268', 'EEG'],
  ['GHA', 'GH', '288', 'AFR'],
  ['GIN', 'GN', '324', 'AFR'],
  ['GMB', 'GM', '270', 'AFR'],
  ['GNB', 'GW', '624', 'AFR'],
  ['GNQ', 'GQ', '226', 'AFR'],
  ['GRC', 'GR', '300', 'WEOG'],
  ['GRD', 'GD', '308', 'GRULAC'],
  ['GTM', 'GT', '320', 'GRULAC'],
  ['GUY', 'GY', '328', 'GRULAC'],
  ['HND', 'HN', '340', 'GRULAC'],
  ['HRV', 'HR', '191', 'EEG'],
  ['HTI', 'HT', '332', 'GRULAC'],
  ['HUN', 'HU', '348', 'EEG'],
  ['IDN', 'ID', '360', 'APG'],
  ['IND', 'IN', '356', 'APG'],
  ['IRL', 'IE', '372', 'WEOG'],
  ['IRN', 'IR', '364', 'APG'],
  ['IRQ', 'IQ', '368', 'APG'],
  ['ISL', 'IS', '352', 'WEOG'],
  ['ISR', 'IL', '376', 'WEOG'],
  ['ITA', 'IT', '380', 'WEOG'],
  ['JAM', 'JM', '388', 'GRULAC'],
  ['JOR', 'JO', '400', 'APG'],
  ['JPN', 'JP', '392', 'APG'],
  ['KAZ', 'KZ', '398', 'APG'],
  ['KEN', 'KE', '404', 'AFR'],
  ['KGZ', 'KG', '417', 'APG'],
  ['KHM', 'KH', '116', 'APG'],
  ['KIR', 'KI', '296', 'APG'],
  ['KNA', 'KN', '659', 'GRULAC'],
  ['KOR', 'KR', '410', 'APG'],
  ['KWT', 'KW', '414', 'APG'],
  ['LAO', 'LA', '418', 'APG'],
  ['LBN', 'LB', '422', 'APG'],
  ['LBR', 'LR', '430', 'AFR'],
  ['LBY', 'LY', '434', 'AFR'],
  ['LCA', 'LC', '662', 'GRULAC'],
  ['LIE', 'LI', '438', 'WEOG'],
  ['LKA', 'LK', '144', 'APG'],
  ['LSO', 'LS', '426', 'AFR'],
  ['LTU', 'LT', '440', 'EEG'],
  ['LUX', 'LU', '442', 'WEOG'],
  ['LVA', 'LV', '428', 'EEG'],
  ['MAR', 'MA', '504', 'AFR'],
  ['MCO', 'MC', '492', 'WEOG'],
  ['MDA', 'MD', '498', 'EEG'],
  ['MDG', 'MG', '450', 'AFR'],
  ['MDV', 'MV', '462', 'APG'],
  ['MEX', 'MX', '484', 'GRULAC'],
  ['MHL', 'MH', '584', 'APG'],
  ['MKD', 'MK', '807', 'EEG'],
  ['MLI', 'ML', '466', 'AFR'],
  ['MLT', 'MT', '470', 'WEOG'],
  ['MMR', 'MM', '104', 'APG'],
  ['MNE', 'ME', '499', 'EEG'],
  ['MNG', 'MN', '496', 'APG'],
  ['MOZ', 'MZ', '508', 'AFR'],
  ['MRT', 'MR', '478', 'AFR'],
  ['MUS', 'MU', '480', 'AFR'],
  ['MWI', 'MW', '454', 'AFR'],
  ['MYS', 'MY', '458', 'APG'],
  ['NAM', 'NA', '516', 'AFR'],
  ['NER', 'NE', '562', 'AFR'],
  ['NGA', 'NG', '566', 'AFR'],
  ['NIC', 'NI', '558', 'GRULAC'],
  ['NLD', 'NL', '528', 'WEOG'],
  ['NOR', 'NO', '578', 'WEOG'],
  ['NPL', 'NP', '524', 'APG'],
  ['NRU', 'NR', '520', 'APG'],
  ['NZL', 'NZ', '554', 'WEOG'],
  ['OMN', 'OM', '512', 'APG'],
  ['PAK', 'PK', '586', 'APG'],
  ['PAN', 'PA', '591', 'GRULAC'],
  ['PER', 'PE', '604', 'GRULAC'],
  ['PHL', 'PH', '608', 'APG'],
  ['PLW', 'PW', '585', 'APG'],
  ['PNG', 'PG', '598', 'APG'],
  ['POL', 'PL', '616', 'EEG'],
  ['PRK', 'KP', '408', 'APG'],
  ['PRT', 'PT', '620', 'WEOG'],
  ['PRY', 'PY', '600', 'GRULAC'],
  ['PSE', 'PS', '275', 'OBS'],
  ['QAT', 'QA', '634', 'APG'],
  ['ROU', 'RO', '642', 'EEG'],
  ['RUS', 'RU', '643', 'EEG'],
  ['RWA', 'RW', '646', 'AFR'],
  ['SAU', 'SA', '682', 'APG'],
  ['SDN', 'SD', '729', 'AFR'],
  ['SEN', 'SN', '686', 'AFR'],
  ['SGP', 'SG', '702', 'APG'],
  ['SLB', 'SB', '090', 'APG'],
  ['SLE', 'SL', '694', 'AFR'],
  ['SLV', 'SV', '222', 'GRULAC'],
  ['SMR', 'SM', '674', 'WEOG'],
  ['SOM', 'SO', '706', 'AFR'],
  ['SRB', 'RS', '688', 'EEG'],
  ['SSD', 'SS', '728', 'AFR'],
  ['STP', 'ST', '678', 'AFR'],
  ['SUR', 'SR', '740', 'GRULAC'],
  ['SVK', 'SK', '703', 'EEG'],
  ['SVN', 'SI', '705', 'EEG'],
  ['SWE', 'SE', '752', 'WEOG'],
  ['SWZ', 'SZ', '748', 'AFR'],
  ['SYC', 'SC', '690', 'AFR'],
  ['SYR', 'SY', '760', 'APG'],
  ['TCD', 'TD', '148', 'AFR'],
  ['TGO', 'TG', '768', 'AFR'],
  ['THA', 'TH', '764', 'APG'],
  ['TJK', 'TJ', '762', 'APG'],
  ['TKM', 'TM', '795', 'APG'],
  ['TLS', 'TL', '626', 'APG'],
  ['TON', 'TO', '776', 'APG'],
  ['TTO', 'TT', '780', 'GRULAC'],
  ['TUN', 'TN', '788', 'AFR'],
  ['TUR', 'TR', '792', 'WEOG'],
  ['TUV', 'TV', '798', 'APG'],
  ['TZA', 'TZ', '834', 'AFR'],
  ['UGA', 'UG', '800', 'AFR'],
  ['UKR', 'UA', '804', 'EEG'],
  ['URY', 'UY', '858', 'GRULAC'],
  ['USA', 'US', '840', 'WEOG'],
  ['UZB', 'UZ', '860', 'APG'],
  ['VAT', 'VA', '336', 'OBS'],
  ['VCT', 'VC', '670', 'GRULAC'],
  ['VEN', 'VE', '862', 'GRULAC'],
  ['VNM', 'VN', '704', 'APG'],
  ['VUT', 'VU', '548', 'APG'],
  ['WSM', 'WS', '882', 'APG'],
  ['YEM', 'YE', '887', 'APG'],
  ['ZAF', 'ZA', '710', 'AFR'],
  ['ZMB', 'ZM', '894', 'AFR'],
  ['ZWE', 'ZW', '716', 'AFR'],
];

/** All 193 UN member states and the two observer states (Holy See, State of Palestine), sorted by alpha-3 code. */
export const countries: readonly Country[] = rows.map(([iso3, iso2, m49, code]) =>
  Object.freeze({ iso3, iso2, m49, group: groupCodes[code], observer: code === 'OBS' }),
);

const byIso3 = new Map(countries.map((country) => [country.iso3, country]));

/** The member or observer state with this ISO 3166-1 alpha-3 code, in any letter case. */
export function findCountry(iso3: string): Country | undefined {
  return byIso3.get(iso3.trim().toUpperCase());
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

function regionNames(locale: string): Intl.DisplayNames | null {
  let names = displayNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    } catch {
      names = null; // not a well-formed locale tag
    }
    displayNames.set(locale, names);
  }
  return names;
}

const namesByLocale = new Map<string, Map<string, string>>();

/**
 * The country's name in a UI language, from Intl.DisplayNames on the alpha-2 code. Kept per
 * locale and code: a registry page names a State a thousand times, and each look-up of
 * Intl.DisplayNames cost more than the rest of its cell.
 */
export function countryName(iso3: string, locale: string): string {
  const country = findCountry(iso3);
  if (!country) return fictionalNames.has(iso3.toUpperCase()) ? fictionalName(iso3, locale) : iso3;
  const names = regionNames(locale);
  if (!names) return country.iso3;
  let kept = namesByLocale.get(locale);
  if (!kept) namesByLocale.set(locale, (kept = new Map()));
  let name = kept.get(country.iso3);
  if (name === undefined) kept.set(country.iso3, (name = names.of(country.iso2) ?? country.iso3));
  return name;
}

const groupNames: Record<string, Record<RegionalGroup, string>> = {
  ar: {
    african: 'مجموعة الدول الأفريقية',
    'asia-pacific': 'مجموعة دول آسيا والمحيط الهادئ',
    'eastern-european': 'مجموعة دول أوروبا الشرقية',
    'latin-american-caribbean': 'مجموعة دول أمريكا اللاتينية ومنطقة البحر الكاريبي',
    'western-european-others': 'مجموعة دول أوروبا الغربية ودول أخرى',
  },
  en: {
    african: 'African Group',
    'asia-pacific': 'Asia-Pacific Group',
    'eastern-european': 'Eastern European Group',
    'latin-american-caribbean': 'Latin American and Caribbean Group',
    'western-european-others': 'Western European and Others Group',
  },
  es: {
    african: 'Grupo de los Estados de África',
    'asia-pacific': 'Grupo de los Estados de Asia y el Pacífico',
    'eastern-european': 'Grupo de los Estados de Europa Oriental',
    'latin-american-caribbean': 'Grupo de los Estados de América Latina y el Caribe',
    'western-european-others': 'Grupo de los Estados de Europa Occidental y otros Estados',
  },
  fr: {
    african: 'Groupe des États d’Afrique',
    'asia-pacific': 'Groupe des États d’Asie et du Pacifique',
    'eastern-european': 'Groupe des États d’Europe orientale',
    'latin-american-caribbean': 'Groupe des États d’Amérique latine et des Caraïbes',
    'western-european-others': 'Groupe des États d’Europe occidentale et autres États',
  },
  ru: {
    african: 'Группа африканских государств',
    'asia-pacific': 'Группа азиатско-тихоокеанских государств',
    'eastern-european': 'Группа восточноевропейских государств',
    'latin-american-caribbean': 'Группа государств Латинской Америки и Карибского бассейна',
    'western-european-others': 'Группа западноевропейских и других государств',
  },
  zh: {
    african: '非洲国家组',
    'asia-pacific': '亚洲-太平洋国家组',
    'eastern-european': '东欧国家组',
    'latin-american-caribbean': '拉丁美洲和加勒比国家组',
    'western-european-others': '西欧和其他国家组',
  },
};

/** The regional group's name in one of the six UN languages (ar, en, es, fr, ru, zh), e.g. en 'Western European and Others Group'. */
export function regionalGroupName(group: RegionalGroup, locale: string): string {
  const language = locale.trim().toLowerCase().split(/[-_]/)[0]!;
  return (Object.hasOwn(groupNames, language) ? groupNames[language]! : groupNames.en!)[group];
}

/**
 * The ISO 3166-1 user-assigned codes a State marked fictional may have (XAA–XZZ): no real State
 * has one, so a fictional State is never taken for a real one. ZZZ and the other user-assigned
 * ranges stay refused.
 */
export const fictionalCodePattern = /^X[A-Z]{2}$/;

/** "(fictional)" in the six UN languages, after a fictional State's name wherever it is named. */
export const fictionalMark: Record<string, string> = {
  ar: '(دولة خيالية)',
  en: '(fictional)',
  es: '(ficticio)',
  fr: '(fictif)',
  ru: '(вымышленное)',
  zh: '（虚构）',
};

/**
 * The names of the fictional States this process has read from the database (fictional-states
 * service): a cache of rows, refreshed by every read of them, so that countryName stays
 * synchronous. A code this process has not read as fictional is named by itself, unmarked (as any
 * unknown code): every registry page reads the fictional States before it names a State.
 */
const fictionalNames = new Map<string, Record<string, string>>();

/** Notes a fictional State's names (read from or written to the database). */
export function rememberFictionalState(iso3: string, names: Record<string, string>): void {
  fictionalNames.set(iso3.toUpperCase(), names);
}

/** A fictional State's name in a UI language, always followed by "(fictional)" in that language. */
export function fictionalName(iso3: string, locale: string): string {
  const language = locale.trim().toLowerCase().split(/[-_]/)[0]!;
  const names = fictionalNames.get(iso3.toUpperCase());
  const name = names?.[language] ?? names?.en ?? iso3.toUpperCase();
  const mark = fictionalMark[language] ?? fictionalMark.en!;
  return language === 'zh' ? `${name}${mark}` : `${name} ${mark}`;
}
