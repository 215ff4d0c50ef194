/**
 * The words of a country report, in the six UN languages. A report is written in the language
 * chosen for it, whatever the language of the interface.
 */
import type { UnLanguage } from '../text/detect-language.ts';

/** The words a country report needs. */
export interface CountryReportText {
  title: string;
  subtitle: string;
  scope: string;
  observer: string;
  summaryLine: string;
  organisations: string;
  verified: string;
  notVerified: string;
  noOrganisations: string;
  processes: string;
  processLine: string;
  noProcesses: string;
  submitted: string;
  noSubmissions: string;
  submittedOn: string;
  moreSubmissions: string;
  stances: string;
  noStances: string;
  stanceLine: string;
  moreStances: string;
  /** The section of national regulatory measures, from the registry. */
  measures: string;
  measuresIntro: string;
  measuresRegistry: string;
  measuresSummary: string;
  reportedByLead: string;
  noReporter: string;
  registryEntry: string;
  notPublicSource: string;
  noKinds: string;
}

/** The words of a country report, per language. */
export const countryReportText: Record<UnLanguage, CountryReportText> = {
  en: {
    title: 'Country report: {country}',
    subtitle:
      'What {country} said through its verified government, and the positions recorded for it',
    scope:
      'This report gathers the submissions published by the verified government of {country} ({code}, M49 {m49}, {region}) in every process, newest first, and the stances analysts recorded for it, by concept. Every quotation is exact, in the language it was made in.',
    observer: 'observer State',
    summaryLine:
      'Submissions by its verified government: {submissions}; recorded stances: {stances}; processes: {processes}.',
    organisations: 'Its organisations',
    verified: 'verified',
    notVerified: 'not verified',
    noOrganisations: 'No organisation based in this State is registered.',
    processes: 'Processes it took part in',
    processLine: 'submissions: {submissions}; recorded stances: {stances}',
    noProcesses: 'It has taken part in no process yet.',
    submitted: 'What its government submitted',
    noSubmissions: 'Its verified government has published no submission.',
    submittedOn: '{date}: {organisation}, {period}',
    moreSubmissions: 'Only the newest {n} submissions are quoted here; the earlier ones follow at',
    stances: 'Recorded stances, by concept',
    noStances: 'No stance is recorded for it.',
    stanceLine: '{stance} ({date}), {process}',
    moreStances: 'Only the first {n} stances are listed.',
    measures: 'National regulatory measures',
    measuresIntro:
      'From the registry of national regulatory practice, as it stands on the day of this report. A measure is the State’s own word only when a verified representative of its verified government stated it; measures reported by others are listed apart and are not the State’s word.',
    measuresRegistry: 'This State’s practice in the registry, at any past date',
    measuresSummary:
      'National regulatory measures: {state} stated by its government; {reported} reported by others.',
    reportedByLead: 'Reported by',
    noReporter: 'a user of plenum, for no organisation',
    registryEntry: 'the measure in the registry, version {n}',
    notPublicSource: 'a document that is not public',
    noKinds: 'none given',
  },
  fr: {
    title: 'Rapport de pays : {country}',
    subtitle:
      'Les déclarations de son gouvernement vérifié et les positions enregistrées pour cet État',
    scope:
      'Ce rapport réunit les contributions publiées par le gouvernement vérifié de l’État ({country}, {code}, M49 {m49}, {region}) dans tous les processus, des plus récentes aux plus anciennes, et les positions que les analystes ont enregistrées pour cet État, par concept. Chaque citation est exacte, dans la langue où elle a été faite.',
    observer: 'État observateur',
    summaryLine:
      'Contributions de son gouvernement vérifié : {submissions} ; positions enregistrées : {stances} ; processus : {processes}.',
    organisations: 'Ses organisations',
    verified: 'vérifiée',
    notVerified: 'non vérifiée',
    noOrganisations: 'Aucune organisation établie dans cet État n’est enregistrée.',
    processes: 'Processus auxquels il a pris part',
    processLine: 'contributions : {submissions} ; positions enregistrées : {stances}',
    noProcesses: 'Il n’a encore pris part à aucun processus.',
    submitted: 'Ce que son gouvernement a soumis',
    noSubmissions: 'Son gouvernement vérifié n’a publié aucune contribution.',
    submittedOn: '{date} : {organisation}, {period}',
    moreSubmissions:
      'Seules les {n} contributions les plus récentes sont citées ici ; les précédentes se trouvent à l’adresse',
    stances: 'Positions enregistrées, par concept',
    noStances: 'Aucune position n’est enregistrée pour cet État.',
    stanceLine: '{stance} ({date}), {process}',
    moreStances: 'Seules les {n} premières positions sont listées.',
    measures: 'Mesures réglementaires nationales',
    measuresIntro:
      'D’après le registre des pratiques réglementaires nationales, tel qu’il se présente le jour de ce rapport. Une mesure n’est la parole de l’État que lorsqu’un représentant vérifié de son gouvernement vérifié l’a déclarée ; les mesures signalées par d’autres sont présentées à part et ne sont pas la parole de l’État.',
    measuresRegistry: 'La pratique de cet État dans le registre, à toute date passée',
    measuresSummary:
      'Mesures réglementaires nationales : {state} déclarées par son gouvernement ; {reported} signalées par d’autres.',
    reportedByLead: 'Signalée par',
    noReporter: 'un utilisateur de plenum, pour aucune organisation',
    registryEntry: 'la mesure dans le registre, version {n}',
    notPublicSource: 'un document qui n’est pas public',
    noKinds: 'aucun indiqué',
  },
  es: {
    title: 'Informe de país: {country}',
    subtitle:
      'Lo que {country} dijo por medio de su gobierno verificado, y las posiciones registradas para ese Estado',
    scope:
      'Este informe reúne las contribuciones publicadas por el gobierno verificado de {country} ({code}, M49 {m49}, {region}) en todos los procesos, de la más reciente a la más antigua, y las posiciones que los analistas registraron para ese Estado, por concepto. Cada cita es exacta, en el idioma en que se hizo.',
    observer: 'Estado observador',
    summaryLine:
      'Contribuciones de su gobierno verificado: {submissions}; posiciones registradas: {stances}; procesos: {processes}.',
    organisations: 'Sus organizaciones',
    verified: 'verificada',
    notVerified: 'no verificada',
    noOrganisations: 'No hay ninguna organización registrada con sede en este Estado.',
    processes: 'Procesos en los que participó',
    processLine: 'contribuciones: {submissions}; posiciones registradas: {stances}',
    noProcesses: 'Todavía no ha participado en ningún proceso.',
    submitted: 'Lo que presentó su gobierno',
    noSubmissions: 'Su gobierno verificado no ha publicado ninguna contribución.',
    submittedOn: '{date}: {organisation}, {period}',
    moreSubmissions:
      'Solo se citan aquí las {n} contribuciones más recientes; las anteriores están en',
    stances: 'Posiciones registradas, por concepto',
    noStances: 'No hay ninguna posición registrada para ese Estado.',
    stanceLine: '{stance} ({date}), {process}',
    moreStances: 'Solo se enumeran las {n} primeras posiciones.',
    measures: 'Medidas reglamentarias nacionales',
    measuresIntro:
      'Según el registro de prácticas reglamentarias nacionales, tal como está el día de este informe. Una medida es la palabra del propio Estado solo cuando la declaró un representante verificado de su gobierno verificado; las medidas notificadas por otros se presentan aparte y no son la palabra del Estado.',
    measuresRegistry: 'La práctica de este Estado en el registro, en cualquier fecha pasada',
    measuresSummary:
      'Medidas reglamentarias nacionales: {state} declaradas por su gobierno; {reported} notificadas por otros.',
    reportedByLead: 'Notificada por',
    noReporter: 'un usuario de plenum, sin organización',
    registryEntry: 'la medida en el registro, versión {n}',
    notPublicSource: 'un documento que no es público',
    noKinds: 'ninguno indicado',
  },
  ru: {
    title: 'Доклад по стране: {country}',
    subtitle:
      'Что {country} заявляет через своё подтверждённое правительство, и позиции, записанные за этим государством',
    scope:
      'В докладе собраны материалы, опубликованные подтверждённым правительством государства {country} ({code}, M49 {m49}, {region}) во всех процессах, начиная с новых, и позиции, которые аналитики записали за этим государством, по понятиям. Все цитаты точны и приводятся на языке оригинала.',
    observer: 'государство-наблюдатель',
    summaryLine:
      'Материалов подтверждённого правительства: {submissions}; записанных позиций: {stances}; процессов: {processes}.',
    organisations: 'Его организации',
    verified: 'подтверждена',
    notVerified: 'не подтверждена',
    noOrganisations: 'Организаций из этого государства не зарегистрировано.',
    processes: 'Процессы, в которых оно участвовало',
    processLine: 'материалов: {submissions}; записанных позиций: {stances}',
    noProcesses: 'Пока не участвовало ни в одном процессе.',
    submitted: 'Что представило его правительство',
    noSubmissions: 'Подтверждённое правительство не опубликовало ни одного материала.',
    submittedOn: '{date}: {organisation}, {period}',
    moreSubmissions:
      'Здесь процитированы только {n} последних материалов; более ранние — по адресу',
    stances: 'Записанные позиции по понятиям',
    noStances: 'За этим государством не записано ни одной позиции.',
    stanceLine: '{stance} ({date}), {process}',
    moreStances: 'Перечислены только первые {n} позиций.',
    measures: 'Национальные регулятивные меры',
    measuresIntro:
      'По данным реестра национальной регулятивной практики на день составления доклада. Мера является словом самого государства, только если её заявил подтверждённый представитель его подтверждённого правительства; меры, о которых сообщили другие, приводятся отдельно и не являются словом государства.',
    measuresRegistry: 'Практика этого государства в реестре на любую прошедшую дату',
    measuresSummary:
      'Национальные регулятивные меры: заявлено правительством — {state}; сообщено другими — {reported}.',
    reportedByLead: 'Сообщил(а)',
    noReporter: 'пользователь plenum, не от имени организации',
    registryEntry: 'мера в реестре, версия {n}',
    notPublicSource: 'документ, не являющийся публичным',
    noKinds: 'не указаны',
  },
  zh: {
    title: '国别报告：{country}',
    subtitle: '{country}通过其经核实的政府所表达的意见，以及为其记录的立场',
    scope:
      '本报告汇集{country}（{code}，M49 {m49}，{region}）经核实的政府在所有进程中发表的意见（按时间由新到旧），以及分析人员为该国记录的立场（按概念）。所有引文均为原文原语。',
    observer: '观察员国',
    summaryLine:
      '经核实的政府提交意见 {submissions} 份，记录立场 {stances} 项，涉及 {processes} 个进程。',
    organisations: '该国的组织',
    verified: '已核实',
    notVerified: '未核实',
    noOrganisations: '尚无设在该国的组织登记。',
    processes: '参与的进程',
    processLine: '意见 {submissions} 份，记录立场 {stances} 项',
    noProcesses: '尚未参与任何进程。',
    submitted: '该国政府提交的意见',
    noSubmissions: '该国经核实的政府尚未发表任何意见。',
    submittedOn: '{date}：{organisation}，{period}',
    moreSubmissions: '此处仅引用最新的 {n} 份意见；更早的意见见',
    stances: '按概念列出的记录立场',
    noStances: '尚无为该国记录的立场。',
    stanceLine: '{stance}（{date}），{process}',
    moreStances: '仅列出前 {n} 项立场。',
    measures: '国家监管措施',
    measuresIntro:
      '依据本报告当日的国家监管做法登记册。只有经核实的政府的经核实代表所申报的措施才是该国本身的表态；他方报告的措施单独列出，并非该国的表态。',
    measuresRegistry: '该国在登记册中的做法（可查任一过去日期）',
    measuresSummary: '国家监管措施：其政府申报 {state} 项；他方报告 {reported} 项。',
    reportedByLead: '报告方',
    noReporter: 'plenum 用户（不代表任何组织）',
    registryEntry: '登记册中的该措施，第 {n} 版',
    notPublicSource: '非公开文件',
    noKinds: '未注明',
  },
  ar: {
    title: 'تقرير قُطري: {country}',
    subtitle: 'ما قالته {country} عبر حكومتها المُتحقَّق منها، والمواقف المسجَّلة لها',
    scope:
      'يجمع هذا التقرير المساهمات التي نشرتها حكومة {country} المُتحقَّق منها ({code}، M49 {m49}، {region}) في جميع العمليات، من الأحدث إلى الأقدم، والمواقف التي سجّلها المحللون لهذه الدولة، حسب المفهوم. كل اقتباس حرفي وباللغة التي قيل بها.',
    observer: 'دولة مراقبة',
    summaryLine:
      'عدد مساهمات حكومتها المُتحقَّق منها: {submissions}؛ عدد المواقف المسجَّلة: {stances}؛ عدد العمليات: {processes}.',
    organisations: 'منظماتها',
    verified: 'مُتحقَّق منها',
    notVerified: 'غير مُتحقَّق منها',
    noOrganisations: 'لا توجد منظمة مسجَّلة مقرها في هذه الدولة.',
    processes: 'العمليات التي شاركت فيها',
    processLine: 'المساهمات: {submissions}؛ المواقف المسجَّلة: {stances}',
    noProcesses: 'لم تشارك بعد في أي عملية.',
    submitted: 'ما قدّمته حكومتها',
    noSubmissions: 'لم تنشر حكومتها المُتحقَّق منها أي مساهمة.',
    submittedOn: '{date}: {organisation}، {period}',
    moreSubmissions: 'لا يُقتبس هنا إلا أحدث {n} مساهمة؛ وتوجد المساهمات السابقة في',
    stances: 'المواقف المسجَّلة، حسب المفهوم',
    noStances: 'لا يوجد موقف مسجَّل لهذه الدولة.',
    stanceLine: '{stance} ({date})، {process}',
    moreStances: 'لا تُدرج إلا أول {n} من المواقف.',
    measures: 'التدابير التنظيمية الوطنية',
    measuresIntro:
      'من سجل الممارسة التنظيمية الوطنية، كما هو في يوم إعداد هذا التقرير. لا يكون التدبير كلمة الدولة نفسها إلا إذا أعلنه ممثل مُتحقَّق منه لحكومتها المُتحقَّق منها؛ أما التدابير التي أبلغ عنها آخرون فتُدرج على حدة وليست كلمة الدولة.',
    measuresRegistry: 'ممارسة هذه الدولة في السجل، في أي تاريخ سابق',
    measuresSummary:
      'التدابير التنظيمية الوطنية: {state} أعلنتها حكومتها؛ {reported} أبلغ عنها آخرون.',
    reportedByLead: 'أبلغ عنه',
    noReporter: 'مستخدم لـ plenum، لا يمثل أي منظمة',
    registryEntry: 'التدبير في السجل، الإصدار {n}',
    notPublicSource: 'وثيقة غير علنية',
    noKinds: 'لم يُذكر شيء',
  },
};
