/**
 * The words of a briefing paper and of its form, in the six UN languages. A paper is written in
 * the language chosen for it, whatever the language of the interface.
 */
import type { UnLanguage } from '../text/detect-language.ts';

/** The words a briefing needs. */
export interface BriefingText {
  title: string;
  subtitle: string;
  prepared: string;
  contents: string;
  foreword: string;
  happened: string;
  nothingHappened: string;
  newDocument: string;
  newVersion: string;
  periodOpened: string;
  meeting: string;
  statuses: Record<'scheduled' | 'postponed' | 'moved_online' | 'cancelled', string>;
  languageScope: string;
  summary: string;
  summaryLine: string;
  nothingNext: string;
  periodOpens: string;
  periodClosed: string;
  deadline: string;
  draft: string;
  noDraft: string;
  draftHeading: string;
  notInLanguage: string;
  changed: string;
  changedRenumbered: string;
  renumbered: string;
  split: string;
  merged: string;
  isNew: string;
  deleted: string;
  comparison: string;
  positions: string;
  positionOn: string;
  positionRecorded: string;
  unknownActor: string;
  whoSaid: string;
  unverified: string;
  translation: string;
  translationSlot: string;
  originalIn: string;
  paper: string;
  /** The colon as the language sets it (" : " in French). */
  colon: string;
  paperSizes: Record<'a4' | 'letter', string>;
  states: string;
  igos: string;
  others: string;
  noQuotes: string;
  comingUp: string;
  nothingComingUp: string;
  notes: string;
  submission: string;
  /** In a quote's note: how many other submissions of the speaker have the same words. */
  sameWords: string;
  /** After a speaker's quotes: the statements not quoted. */
  moreStatements: string;
  /** The note of that line: where all of the speaker's submissions are. */
  allSubmissions: string;
  formTitle: string;
  formIntro: string;
  processes: string;
  from: string;
  to: string;
  concepts: string;
  language: string;
  format: string;
  generate: string;
  /** The part "Regulatory developments in the period", from the registry. */
  regulatory: string;
  regulatoryIntro: string;
  regulatoryStated: string;
  regulatoryReported: string;
  noRegulatory: string;
  regulatoryLine: string;
  regulatoryReportedBy: string;
  regulatoryNote: string;
  regulatorySummary: string;
  noStates: string;
}

/** The briefing words by language. */
export const briefingText: Record<UnLanguage, BriefingText> = {
  en: {
    title: 'Briefing: {concepts}',
    subtitle: '{processes}, {from} to {to}',
    prepared:
      'Drafted with plenum on {date}. Every quotation is the exact text of its source; the notes give each source.',
    contents: 'Contents',
    foreword:
      'This paper covers {processes} from {from} to {to}. It quotes the passages that touch on {concepts}.',
    happened: 'What happened',
    nothingHappened: 'No new document, comment period or meeting in this period.',
    newDocument: 'New document: {title}',
    newVersion: 'New version of {title}: {label}',
    periodOpened: 'Comment period opened: {title} (closes {date})',
    meeting: 'Meeting: {title}',
    statuses: {
      scheduled: 'scheduled',
      postponed: 'postponed',
      moved_online: 'moved online',
      cancelled: 'cancelled',
    },
    states: 'Member states (in alphabetical order)',
    igos: 'Intergovernmental organisations',
    others: 'Other stakeholders',
    languageScope:
      'It is written in {language}; every quotation is given exactly in the language it was made in, with room left for a translation where that is another language.',
    summary: 'Summary',
    summaryLine:
      '{process}: paragraphs of the current draft on these concepts: {paragraphs} (changed since the previous version: {changed}); quoted: member states {states}, intergovernmental organisations {igos}, other stakeholders {others}; next: {next}.',
    nothingNext: 'nothing announced',
    periodOpens: 'Comment period opens: {title} (closes {date})',
    periodClosed: 'Comment period closed: {title}',
    deadline: 'Deadline for comments: {title}',
    draft: 'What the current draft says',
    noDraft: 'No paragraph of the current drafts touches on these concepts.',
    draftHeading: '{document}, {label} ({date})',
    notInLanguage:
      'This version is not available in {language}: it is quoted in the original ({original}).',
    changed: 'Changed since {label}.',
    changedRenumbered: 'Changed since {label}, where it was {address}.',
    renumbered: 'Unchanged since {label}, where it was {address}.',
    split: 'Split from {address} of {label}.',
    merged: 'Merged from {address} of {label}.',
    isNew: 'New in {latest}.',
    deleted: '{address} of {label}, on these concepts, is no longer in {latest}.',
    comparison: 'Comparison of {from} and {to}',
    positions: 'Positions recorded by analysts on this text (the text is not theirs):',
    positionOn: 'on {address} of {label}',
    positionRecorded: 'position recorded on {date}',
    unknownActor: 'unnamed',
    whoSaid: 'Who said what',
    unverified: 'Governments and organisations not verified by the secretariat',
    translation: 'Translation',
    translationSlot: '[to be translated by the analyst]',
    originalIn: 'Original in {language}',
    paper: 'Paper size',
    colon: ': ',
    paperSizes: { a4: 'A4', letter: 'US Letter' },
    noQuotes: 'No passage of this period touches on these concepts.',
    comingUp: 'What is coming',
    nothingComingUp: 'No meeting or deadline is announced.',
    notes: 'Notes',
    submission: 'submission of {date}',
    sameWords: 'other submissions with the same words: {count}, the first on {date}',
    moreStatements:
      'Earlier statements not quoted here: {statements}, in {submissions} submissions from {from} to {to}.',
    allSubmissions: 'all its submissions',
    formTitle: 'Draft a briefing paper',
    formIntro:
      'Choose processes, a period and concepts. plenum drafts a paper with what happened in each process, the passages that touch on the concepts quoted exactly, grouped by who said them, the meetings coming up, and a note for every source.',
    processes: 'Processes',
    from: 'From',
    to: 'To',
    concepts: 'Concepts',
    language: 'Language of the paper',
    format: 'Format',
    generate: 'Draft the paper',
    regulatory: 'Regulatory developments in the period',
    regulatoryIntro:
      'National measures of the States that took part in these processes ({states}) whose status changed in the period, from the registry of national regulatory practice. A measure is the State’s own word only when a verified representative of its verified government stated it; the others were reported by someone else and are listed apart.',
    regulatoryStated: 'Stated by the States’ governments',
    regulatoryReported: 'Reported by others (not the States’ own word)',
    noRegulatory: 'No national measure of these States changed status in the period.',
    regulatoryLine: '{country}: {title} ({instrument}): {status}',
    regulatoryReportedBy: 'reported by {reporter}',
    regulatoryNote: '{title}, in the registry of national regulatory practice',
    regulatorySummary:
      'Regulatory developments in the period: {stated} status changes stated by the States, {reported} reported by others.',
    noStates: 'no State yet',
  },
  fr: {
    title: 'Note d’information : {concepts}',
    subtitle: '{processes}, du {from} au {to}',
    prepared:
      'Rédigée avec plenum le {date}. Chaque citation reprend exactement le texte de sa source ; les notes indiquent chaque source.',
    contents: 'Table des matières',
    foreword:
      'Cette note couvre {processes} du {from} au {to}. Elle cite les passages qui portent sur {concepts}.',
    happened: 'Faits marquants',
    nothingHappened:
      'Aucun nouveau document, période de commentaires ou réunion pendant cette période.',
    newDocument: 'Nouveau document : {title}',
    newVersion: 'Nouvelle version de {title} : {label}',
    periodOpened: 'Ouverture d’une période de commentaires : {title} (clôture le {date})',
    meeting: 'Réunion : {title}',
    statuses: {
      scheduled: 'prévue',
      postponed: 'reportée',
      moved_online: 'tenue en ligne',
      cancelled: 'annulée',
    },
    states: 'États Membres (par ordre alphabétique)',
    igos: 'Organisations intergouvernementales',
    others: 'Autres parties prenantes',
    languageScope:
      'Elle est rédigée en {language} ; chaque citation est donnée exactement dans la langue où elle a été faite, avec une place pour une traduction lorsque c’est une autre langue.',
    summary: 'Résumé',
    summaryLine:
      '{process} : paragraphes du projet actuel portant sur ces concepts : {paragraphs} (modifiés depuis la version précédente : {changed}) ; cités : États Membres {states}, organisations intergouvernementales {igos}, autres parties prenantes {others} ; prochaine étape : {next}.',
    nothingNext: 'rien n’est annoncé',
    periodOpens: 'Ouverture d’une période de commentaires : {title} (clôture le {date})',
    periodClosed: 'Clôture de la période de commentaires : {title}',
    deadline: 'Date limite des commentaires : {title}',
    draft: 'Ce que dit le projet actuel',
    noDraft: 'Aucun paragraphe des projets actuels ne porte sur ces concepts.',
    draftHeading: '{document}, {label} ({date})',
    notInLanguage:
      'Cette version n’existe pas en {language} : elle est citée dans l’original ({original}).',
    changed: 'Modifié depuis {label}.',
    changedRenumbered: 'Modifié depuis {label}, où il était {address}.',
    renumbered: 'Inchangé depuis {label}, où il était {address}.',
    split: 'Issu de la division de {address} de {label}.',
    merged: 'Issu de la fusion de {address} de {label}.',
    isNew: 'Nouveau dans {latest}.',
    deleted: '{address} de {label}, qui portait sur ces concepts, ne figure plus dans {latest}.',
    comparison: 'Comparaison de {from} et {to}',
    positions: 'Positions relevées par des analystes sur ce texte (le texte n’est pas le leur) :',
    positionOn: 'sur {address} de {label}',
    positionRecorded: 'position relevée le {date}',
    unknownActor: 'non nommé',
    whoSaid: 'Qui a dit quoi',
    unverified: 'Gouvernements et organisations non vérifiés par le secrétariat',
    translation: 'Traduction',
    translationSlot: '[à traduire par l’analyste]',
    originalIn: 'Original en {language}',
    paper: 'Format du papier',
    colon: ' : ',
    paperSizes: { a4: 'A4', letter: 'Lettre US' },
    noQuotes: 'Aucun passage de cette période ne porte sur ces concepts.',
    comingUp: 'À venir',
    nothingComingUp: 'Aucune réunion ni échéance n’est annoncée.',
    notes: 'Notes',
    submission: 'contribution du {date}',
    sameWords: 'autres contributions avec les mêmes mots : {count}, la première du {date}',
    moreStatements:
      'Déclarations antérieures non citées ici : {statements}, dans {submissions} contributions du {from} au {to}.',
    allSubmissions: 'toutes ses contributions',
    formTitle: 'Rédiger une note d’information',
    formIntro:
      'Choisissez des processus, une période et des concepts. plenum rédige une note : les faits marquants de chaque processus, les passages qui portent sur les concepts, cités exactement et regroupés par auteur, les réunions à venir, et une note pour chaque source.',
    processes: 'Processus',
    from: 'Du',
    to: 'Au',
    concepts: 'Concepts',
    language: 'Langue de la note',
    format: 'Format',
    generate: 'Rédiger la note',
    regulatory: 'Évolution réglementaire pendant la période',
    regulatoryIntro:
      'Les mesures nationales des États qui ont pris part à ces processus ({states}) dont le statut a changé pendant la période, d’après le registre des pratiques réglementaires nationales. Une mesure n’est la parole de l’État que lorsqu’un représentant vérifié de son gouvernement vérifié l’a déclarée ; les autres ont été signalées par d’autres et sont présentées à part.',
    regulatoryStated: 'Déclarées par les gouvernements des États',
    regulatoryReported: 'Signalées par d’autres (pas la parole des États)',
    noRegulatory: 'Aucune mesure nationale de ces États n’a changé de statut pendant la période.',
    regulatoryLine: '{country} : {title} ({instrument}) : {status}',
    regulatoryReportedBy: 'signalée par {reporter}',
    regulatoryNote: '{title}, dans le registre des pratiques réglementaires nationales',
    regulatorySummary:
      'Évolution réglementaire pendant la période : {stated} changements de statut déclarés par les États, {reported} signalés par d’autres.',
    noStates: 'aucun État pour l’instant',
  },
  es: {
    title: 'Nota informativa: {concepts}',
    subtitle: '{processes}, del {from} al {to}',
    prepared:
      'Redactada con plenum el {date}. Cada cita es el texto exacto de su fuente; las notas indican cada fuente.',
    contents: 'Índice',
    foreword:
      'Esta nota abarca {processes} del {from} al {to}. Cita los pasajes que tratan de {concepts}.',
    happened: 'Novedades',
    nothingHappened: 'Ningún documento, período de comentarios o reunión nuevo en este período.',
    newDocument: 'Nuevo documento: {title}',
    newVersion: 'Nueva versión de {title}: {label}',
    periodOpened: 'Apertura de un período de comentarios: {title} (cierra el {date})',
    meeting: 'Reunión: {title}',
    statuses: {
      scheduled: 'prevista',
      postponed: 'aplazada',
      moved_online: 'celebrada en línea',
      cancelled: 'cancelada',
    },
    states: 'Estados Miembros (por orden alfabético)',
    igos: 'Organizaciones intergubernamentales',
    others: 'Otras partes interesadas',
    languageScope:
      'Está redactada en {language}; cada cita figura exactamente en el idioma en que se hizo, con un espacio para una traducción cuando es otro idioma.',
    summary: 'Resumen',
    summaryLine:
      '{process}: párrafos del proyecto actual sobre estos conceptos: {paragraphs} (modificados desde la versión anterior: {changed}); citados: Estados Miembros {states}, organizaciones intergubernamentales {igos}, otras partes interesadas {others}; próximo paso: {next}.',
    nothingNext: 'no hay nada anunciado',
    periodOpens: 'Apertura de un período de comentarios: {title} (cierra el {date})',
    periodClosed: 'Cierre del período de comentarios: {title}',
    deadline: 'Plazo para los comentarios: {title}',
    draft: 'Qué dice el proyecto actual',
    noDraft: 'Ningún párrafo de los proyectos actuales trata de estos conceptos.',
    draftHeading: '{document}, {label} ({date})',
    notInLanguage: 'Esta versión no existe en {language}: se cita en el original ({original}).',
    changed: 'Modificado desde {label}.',
    changedRenumbered: 'Modificado desde {label}, donde era {address}.',
    renumbered: 'Sin cambios desde {label}, donde era {address}.',
    split: 'Resultado de dividir {address} de {label}.',
    merged: 'Resultado de fusionar {address} de {label}.',
    isNew: 'Nuevo en {latest}.',
    deleted: '{address} de {label}, que trataba de estos conceptos, ya no figura en {latest}.',
    comparison: 'Comparación de {from} y {to}',
    positions: 'Posiciones registradas por analistas sobre este texto (el texto no es suyo):',
    positionOn: 'sobre {address} de {label}',
    positionRecorded: 'posición registrada el {date}',
    unknownActor: 'sin nombre',
    whoSaid: 'Quién dijo qué',
    unverified: 'Gobiernos y organizaciones no verificados por la secretaría',
    translation: 'Traducción',
    translationSlot: '[pendiente de traducción por el analista]',
    originalIn: 'Original en {language}',
    paper: 'Tamaño del papel',
    colon: ': ',
    paperSizes: { a4: 'A4', letter: 'Carta (EE. UU.)' },
    noQuotes: 'Ningún pasaje de este período trata de estos conceptos.',
    comingUp: 'Próximamente',
    nothingComingUp: 'No hay reuniones ni plazos anunciados.',
    notes: 'Notas',
    submission: 'contribución del {date}',
    sameWords: 'otras contribuciones con las mismas palabras: {count}, la primera del {date}',
    moreStatements:
      'Declaraciones anteriores no citadas aquí: {statements}, en {submissions} contribuciones del {from} al {to}.',
    allSubmissions: 'todas sus contribuciones',
    formTitle: 'Redactar una nota informativa',
    formIntro:
      'Elija procesos, un período y conceptos. plenum redacta una nota con las novedades de cada proceso, los pasajes que tratan de los conceptos, citados exactamente y agrupados por autor, las próximas reuniones y una nota para cada fuente.',
    processes: 'Procesos',
    from: 'Del',
    to: 'Al',
    concepts: 'Conceptos',
    language: 'Idioma de la nota',
    format: 'Formato',
    generate: 'Redactar la nota',
    regulatory: 'Novedades reglamentarias del período',
    regulatoryIntro:
      'Las medidas nacionales de los Estados que participaron en estos procesos ({states}) cuyo estado cambió en el período, según el registro de prácticas reglamentarias nacionales. Una medida es la palabra del propio Estado solo cuando la declaró un representante verificado de su gobierno verificado; las demás las notificaron otros y se presentan aparte.',
    regulatoryStated: 'Declaradas por los gobiernos de los Estados',
    regulatoryReported: 'Notificadas por otros (no son la palabra de los Estados)',
    noRegulatory: 'Ninguna medida nacional de estos Estados cambió de estado en el período.',
    regulatoryLine: '{country}: {title} ({instrument}): {status}',
    regulatoryReportedBy: 'notificada por {reporter}',
    regulatoryNote: '{title}, en el registro de prácticas reglamentarias nacionales',
    regulatorySummary:
      'Novedades reglamentarias del período: {stated} cambios de estado declarados por los Estados, {reported} notificados por otros.',
    noStates: 'ningún Estado todavía',
  },
  ru: {
    title: 'Справка: {concepts}',
    subtitle: '{processes}, с {from} по {to}',
    prepared:
      'Подготовлено с помощью plenum {date}. Каждая цитата точно воспроизводит текст источника; в примечаниях указан каждый источник.',
    contents: 'Содержание',
    foreword:
      'Справка охватывает {processes} с {from} по {to}. В ней цитируются фрагменты, касающиеся следующих понятий: {concepts}.',
    happened: 'Что произошло',
    nothingHappened: 'За этот период не было новых документов, периодов замечаний или заседаний.',
    newDocument: 'Новый документ: {title}',
    newVersion: 'Новая редакция документа «{title}»: {label}',
    periodOpened: 'Открыт период представления замечаний: {title} (до {date})',
    meeting: 'Заседание: {title}',
    statuses: {
      scheduled: 'запланировано',
      postponed: 'перенесено',
      moved_online: 'проводится онлайн',
      cancelled: 'отменено',
    },
    states: 'Государства-члены (в алфавитном порядке)',
    igos: 'Межправительственные организации',
    others: 'Другие заинтересованные стороны',
    languageScope:
      'Справка составлена на языке: {language}; каждая цитата приводится точно на языке оригинала, а если это другой язык, оставлено место для перевода.',
    summary: 'Резюме',
    summaryLine:
      '{process}: пунктов текущего проекта, касающихся этих понятий: {paragraphs} (изменено по сравнению с предыдущей редакцией: {changed}); процитированы: государства-члены — {states}, межправительственные организации — {igos}, другие заинтересованные стороны — {others}; далее: {next}.',
    nothingNext: 'ничего не объявлено',
    periodOpens: 'Открытие периода представления замечаний: {title} (до {date})',
    periodClosed: 'Период представления замечаний закрыт: {title}',
    deadline: 'Срок представления замечаний: {title}',
    draft: 'Что говорится в текущем проекте',
    noDraft: 'Ни один пункт текущих проектов не касается этих понятий.',
    draftHeading: '{document}, {label} ({date})',
    notInLanguage:
      'Этой редакции нет на языке «{language}»: она цитируется в оригинале ({original}).',
    changed: 'Изменено по сравнению с редакцией «{label}».',
    changedRenumbered: 'Изменено по сравнению с редакцией «{label}», где это был {address}.',
    renumbered: 'Без изменений по сравнению с редакцией «{label}», где это был {address}.',
    split: 'Выделено из {address} редакции «{label}».',
    merged: 'Объединено из {address} редакции «{label}».',
    isNew: 'Новый пункт в редакции «{latest}».',
    deleted:
      '{address} редакции «{label}», касавшийся этих понятий, отсутствует в редакции «{latest}».',
    comparison: 'Сравнение редакций «{from}» и «{to}»',
    positions: 'Позиции, отмеченные аналитиками по этому тексту (текст им не принадлежит):',
    positionOn: 'по {address} редакции «{label}»',
    positionRecorded: 'позиция отмечена {date}',
    unknownActor: 'не указан',
    whoSaid: 'Кто что сказал',
    unverified: 'Правительства и организации, не проверенные секретариатом',
    translation: 'Перевод',
    translationSlot: '[перевод будет добавлен аналитиком]',
    originalIn: 'Оригинал на языке: {language}',
    paper: 'Формат бумаги',
    colon: ': ',
    paperSizes: { a4: 'A4', letter: 'US Letter' },
    noQuotes: 'Ни один фрагмент этого периода не касается этих понятий.',
    comingUp: 'Что предстоит',
    nothingComingUp: 'Заседания и сроки не объявлены.',
    notes: 'Примечания',
    submission: 'материал от {date}',
    sameWords: 'других материалов с теми же словами: {count}, первый от {date}',
    moreStatements:
      'Более ранние заявления, не процитированные здесь: {statements}, в {submissions} материалах с {from} по {to}.',
    allSubmissions: 'все его материалы',
    formTitle: 'Подготовить справку',
    formIntro:
      'Выберите процессы, период и понятия. plenum подготовит справку: что произошло в каждом процессе, фрагменты, касающиеся понятий, с точными цитатами, сгруппированными по авторам, предстоящие заседания и примечание к каждому источнику.',
    processes: 'Процессы',
    from: 'С',
    to: 'По',
    concepts: 'Понятия',
    language: 'Язык справки',
    format: 'Формат',
    generate: 'Подготовить справку',
    regulatory: 'Изменения в регулировании за период',
    regulatoryIntro:
      'Национальные меры государств, участвовавших в этих процессах ({states}), статус которых изменился за период, по данным реестра национальной регулятивной практики. Мера является словом самого государства, только если её заявил подтверждённый представитель его подтверждённого правительства; о других сообщили иные участники, и они приводятся отдельно.',
    regulatoryStated: 'Заявлено правительствами государств',
    regulatoryReported: 'Сообщено другими (не слово самих государств)',
    noRegulatory: 'Ни одна национальная мера этих государств не изменила статус за период.',
    regulatoryLine: '{country}: {title} ({instrument}): {status}',
    regulatoryReportedBy: 'сообщил(а) {reporter}',
    regulatoryNote: '{title}, в реестре национальной регулятивной практики',
    regulatorySummary:
      'Изменения в регулировании за период: заявлено государствами — {stated}, сообщено другими — {reported}.',
    noStates: 'пока ни одного государства',
  },
  zh: {
    title: '简报：{concepts}',
    subtitle: '{processes}，{from}至{to}',
    prepared: '由 plenum 于{date}起草。每段引文均为其来源的原文；注释列出每个来源。',
    contents: '目录',
    foreword: '本简报涵盖{processes}在{from}至{to}期间的情况，引用涉及{concepts}的段落。',
    happened: '主要进展',
    nothingHappened: '此期间没有新的文件、评论期或会议。',
    newDocument: '新文件：{title}',
    newVersion: '{title}的新版本：{label}',
    periodOpened: '评论期开始：{title}（截止日期{date}）',
    meeting: '会议：{title}',
    statuses: {
      scheduled: '已排定',
      postponed: '已推迟',
      moved_online: '改为线上举行',
      cancelled: '已取消',
    },
    states: '会员国（按字母顺序）',
    igos: '政府间组织',
    others: '其他利益攸关方',
    languageScope:
      '本简报以{language}撰写；每段引文均按其原始语文照录，如为其他语文，留有译文位置。',
    summary: '摘要',
    summaryLine:
      '{process}：当前草案中涉及这些概念的段落 {paragraphs} 段（自上一版本以来修改 {changed} 段）；引用：会员国 {states} 个，政府间组织 {igos} 个，其他利益攸关方 {others} 个；下一步：{next}。',
    nothingNext: '尚无公布',
    periodOpens: '评论期开始：{title}（截止日期{date}）',
    periodClosed: '评论期结束：{title}',
    deadline: '评论截止日期：{title}',
    draft: '当前草案的内容',
    noDraft: '当前草案中没有涉及这些概念的段落。',
    draftHeading: '{document}，{label}（{date}）',
    notInLanguage: '此版本没有{language}文本：以原文（{original}）引用。',
    changed: '自{label}以来已修改。',
    changedRenumbered: '自{label}以来已修改，原为{address}。',
    renumbered: '自{label}以来未修改，原为{address}。',
    split: '由{label}的{address}拆分而来。',
    merged: '由{label}的{address}合并而来。',
    isNew: '{latest}中的新段落。',
    deleted: '{label}中涉及这些概念的{address}已不在{latest}中。',
    comparison: '{from}与{to}的比较',
    positions: '分析人员就此文本记录的立场（该文本并非其本身的文字）：',
    positionOn: '关于{label}的{address}',
    positionRecorded: '立场记录于{date}',
    unknownActor: '未具名',
    whoSaid: '各方意见',
    unverified: '未经秘书处核实的政府和组织',
    translation: '译文',
    translationSlot: '[由分析人员翻译]',
    originalIn: '原文为{language}',
    paper: '纸张尺寸',
    colon: '：',
    paperSizes: { a4: 'A4', letter: '美国信纸' },
    noQuotes: '此期间没有涉及这些概念的段落。',
    comingUp: '即将进行',
    nothingComingUp: '尚无已宣布的会议或截止日期。',
    notes: '注释',
    submission: '{date}提交的意见',
    sameWords: '措辞相同的其他意见：{count}份，最早于{date}',
    moreStatements: '此处未引用的较早发言：{statements}条，见于{from}至{to}的{submissions}份意见。',
    allSubmissions: '其提交的全部意见',
    formTitle: '起草简报',
    formIntro:
      '选择进程、期间和概念。plenum 将起草一份简报，包括每个进程的主要进展、涉及这些概念并按发言方分组的原文引文、即将举行的会议以及每个来源的注释。',
    processes: '进程',
    from: '自',
    to: '至',
    concepts: '概念',
    language: '简报语文',
    format: '格式',
    generate: '起草简报',
    regulatory: '本期监管动态',
    regulatoryIntro:
      '参与这些进程的国家（{states}）在本期内状态发生变化的国家措施，依据国家监管做法登记册。只有经核实的政府的经核实代表所申报的措施才是该国本身的表态；其他措施由他方报告，单独列出。',
    regulatoryStated: '各国政府申报',
    regulatoryReported: '他方报告（并非各国本身的表态）',
    noRegulatory: '本期内这些国家的国家措施状态均无变化。',
    regulatoryLine: '{country}：{title}（{instrument}）：{status}',
    regulatoryReportedBy: '报告方：{reporter}',
    regulatoryNote: '{title}，国家监管做法登记册',
    regulatorySummary: '本期监管动态：各国申报的状态变化 {stated} 项，他方报告 {reported} 项。',
    noStates: '尚无国家',
  },
  ar: {
    title: 'إحاطة: {concepts}',
    subtitle: '{processes}، من {from} إلى {to}',
    prepared:
      'صيغت باستخدام plenum في {date}. كل اقتباس هو النص الحرفي لمصدره؛ وتبيّن الحواشي كل مصدر.',
    contents: 'المحتويات',
    foreword:
      'تغطي هذه الورقة {processes} من {from} إلى {to}. وتقتبس المقاطع التي تتناول {concepts}.',
    happened: 'ما جرى',
    nothingHappened: 'لم تصدر وثيقة جديدة ولم تُفتح فترة تعليقات ولم يُعقد اجتماع في هذه الفترة.',
    newDocument: 'وثيقة جديدة: {title}',
    newVersion: 'صيغة جديدة من {title}: {label}',
    periodOpened: 'فُتحت فترة تعليقات: {title} (تُغلق في {date})',
    meeting: 'اجتماع: {title}',
    statuses: {
      scheduled: 'مقرر',
      postponed: 'مؤجل',
      moved_online: 'نُقل إلى الإنترنت',
      cancelled: 'ملغى',
    },
    states: 'الدول الأعضاء (بالترتيب الأبجدي)',
    igos: 'المنظمات الحكومية الدولية',
    others: 'أصحاب المصلحة الآخرون',
    languageScope:
      'وهي مكتوبة باللغة {language}؛ ويرد كل اقتباس حرفياً باللغة التي قيل بها، مع ترك مكان للترجمة إذا كانت لغة أخرى.',
    summary: 'موجز',
    summaryLine:
      '{process}: فقرات المشروع الحالي التي تتناول هذه المفاهيم: {paragraphs} (عُدّل منها منذ الصيغة السابقة: {changed})؛ الاقتباسات: الدول الأعضاء {states}، المنظمات الحكومية الدولية {igos}، أصحاب المصلحة الآخرون {others}؛ الخطوة التالية: {next}.',
    nothingNext: 'لم يُعلن عن شيء',
    periodOpens: 'تُفتح فترة تعليقات: {title} (تُغلق في {date})',
    periodClosed: 'أُغلقت فترة التعليقات: {title}',
    deadline: 'الموعد النهائي للتعليقات: {title}',
    draft: 'ما يقوله المشروع الحالي',
    noDraft: 'لا تتناول أي فقرة من المشاريع الحالية هذه المفاهيم.',
    draftHeading: '{document}، {label} ({date})',
    notInLanguage:
      'هذه الصيغة غير متاحة باللغة {language}: وهي مقتبسة بلغتها الأصلية ({original}).',
    changed: 'عُدّلت منذ {label}.',
    changedRenumbered: 'عُدّلت منذ {label}، حيث كانت {address}.',
    renumbered: 'لم تتغير منذ {label}، حيث كانت {address}.',
    split: 'مقسومة من {address} في {label}.',
    merged: 'مدمجة من {address} في {label}.',
    isNew: 'جديدة في {latest}.',
    deleted: 'لم تعد {address} من {label}، التي كانت تتناول هذه المفاهيم، واردة في {latest}.',
    comparison: 'مقارنة {from} و{to}',
    positions: 'مواقف سجلها محللون بشأن هذا النص (والنص ليس نصهم):',
    positionOn: 'بشأن {address} من {label}',
    positionRecorded: 'موقف سُجّل في {date}',
    unknownActor: 'غير مسمى',
    whoSaid: 'من قال ماذا',
    unverified: 'حكومات ومنظمات لم تتحقق منها الأمانة',
    translation: 'الترجمة',
    translationSlot: '[يضيف المحلل الترجمة]',
    originalIn: 'الأصل باللغة {language}',
    paper: 'حجم الورق',
    colon: ': ',
    paperSizes: { a4: 'A4', letter: 'Letter الأمريكي' },
    noQuotes: 'لا يتناول أي مقطع من هذه الفترة هذه المفاهيم.',
    comingUp: 'ما هو مقبل',
    nothingComingUp: 'لم يُعلن عن أي اجتماع أو موعد نهائي.',
    notes: 'الحواشي',
    submission: 'مساهمة مؤرخة {date}',
    sameWords: 'مساهمات أخرى بالكلمات نفسها: {count}، أولاها مؤرخة {date}',
    moreStatements:
      'بيانات سابقة لم تُقتبس هنا: {statements}، في {submissions} مساهمة من {from} إلى {to}.',
    allSubmissions: 'جميع مساهماته',
    formTitle: 'صياغة ورقة إحاطة',
    formIntro:
      'اختر العمليات والفترة والمفاهيم. يصوغ plenum ورقة تتضمن ما جرى في كل عملية، والمقاطع التي تتناول المفاهيم مقتبسة حرفياً ومصنفة حسب قائليها، والاجتماعات المقبلة، وحاشية لكل مصدر.',
    processes: 'العمليات',
    from: 'من',
    to: 'إلى',
    concepts: 'المفاهيم',
    language: 'لغة الورقة',
    format: 'الصيغة',
    generate: 'صياغة الورقة',
    regulatory: 'التطورات التنظيمية خلال الفترة',
    regulatoryIntro:
      'التدابير الوطنية للدول التي شاركت في هذه العمليات ({states}) والتي تغيّرت حالتها خلال الفترة، من سجل الممارسة التنظيمية الوطنية. لا يكون التدبير كلمة الدولة نفسها إلا إذا أعلنه ممثل مُتحقَّق منه لحكومتها المُتحقَّق منها؛ أما غيرها فأبلغ عنها آخرون وتُدرج على حدة.',
    regulatoryStated: 'أعلنتها حكومات الدول',
    regulatoryReported: 'أبلغ عنها آخرون (ليست كلمة الدول نفسها)',
    noRegulatory: 'لم تتغير حالة أي تدبير وطني لهذه الدول خلال الفترة.',
    regulatoryLine: '{country}: {title} ({instrument}): {status}',
    regulatoryReportedBy: 'أبلغ عنه {reporter}',
    regulatoryNote: '{title}، في سجل الممارسة التنظيمية الوطنية',
    regulatorySummary:
      'التطورات التنظيمية خلال الفترة: {stated} من تغييرات الحالة أعلنتها الدول، و{reported} أبلغ عنها آخرون.',
    noStates: 'لا توجد دولة بعد',
  },
};
