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
  inDocuments: string;
  states: string;
  igos: string;
  others: string;
  noQuotes: string;
  comingUp: string;
  nothingComingUp: string;
  notes: string;
  and: string;
  submission: string;
  formTitle: string;
  formIntro: string;
  processes: string;
  from: string;
  to: string;
  concepts: string;
  language: string;
  format: string;
  generate: string;
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
    inDocuments: 'In the documents',
    states: 'Comments by member states (in alphabetical order)',
    igos: 'Comments by intergovernmental organisations',
    others: 'Comments by other organisations',
    noQuotes: 'No passage of this period touches on these concepts.',
    comingUp: 'Coming up',
    nothingComingUp: 'No meeting is announced after this period.',
    notes: 'Notes',
    and: 'and',
    submission: 'submission of {date}',
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
    inDocuments: 'Dans les documents',
    states: 'Commentaires des États Membres (par ordre alphabétique)',
    igos: 'Commentaires des organisations intergouvernementales',
    others: 'Commentaires d’autres organisations',
    noQuotes: 'Aucun passage de cette période ne porte sur ces concepts.',
    comingUp: 'À venir',
    nothingComingUp: 'Aucune réunion n’est annoncée après cette période.',
    notes: 'Notes',
    and: 'et',
    submission: 'contribution du {date}',
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
    inDocuments: 'En los documentos',
    states: 'Comentarios de los Estados Miembros (por orden alfabético)',
    igos: 'Comentarios de organizaciones intergubernamentales',
    others: 'Comentarios de otras organizaciones',
    noQuotes: 'Ningún pasaje de este período trata de estos conceptos.',
    comingUp: 'Próximamente',
    nothingComingUp: 'No hay reuniones anunciadas después de este período.',
    notes: 'Notas',
    and: 'y',
    submission: 'contribución del {date}',
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
    inDocuments: 'В документах',
    states: 'Замечания государств-членов (в алфавитном порядке)',
    igos: 'Замечания межправительственных организаций',
    others: 'Замечания других организаций',
    noQuotes: 'Ни один фрагмент этого периода не касается этих понятий.',
    comingUp: 'Предстоящие заседания',
    nothingComingUp: 'После этого периода заседания не объявлены.',
    notes: 'Примечания',
    and: 'а также',
    submission: 'материал от {date}',
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
    inDocuments: '文件中的内容',
    states: '会员国的意见（按字母顺序）',
    igos: '政府间组织的意见',
    others: '其他组织的意见',
    noQuotes: '此期间没有涉及这些概念的段落。',
    comingUp: '即将举行',
    nothingComingUp: '此期间之后没有已宣布的会议。',
    notes: '注释',
    and: '以及',
    submission: '{date}提交的意见',
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
    inDocuments: 'في الوثائق',
    states: 'تعليقات الدول الأعضاء (بالترتيب الأبجدي)',
    igos: 'تعليقات المنظمات الحكومية الدولية',
    others: 'تعليقات المنظمات الأخرى',
    noQuotes: 'لا يتناول أي مقطع من هذه الفترة هذه المفاهيم.',
    comingUp: 'الاجتماعات المقبلة',
    nothingComingUp: 'لم يُعلن عن أي اجتماع بعد هذه الفترة.',
    notes: 'الحواشي',
    and: 'وكذلك',
    submission: 'مساهمة مؤرخة {date}',
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
  },
};
