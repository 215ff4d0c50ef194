/**
 * The words the evaluation corpus writes with, in the six UN languages: invented sentences about
 * deliberation, titles, cover and notes vocabulary. Our own words; no text of a real document.
 */

/** What a generated document in one language is written with. */
export interface LanguageBank {
  code: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
  /** Words joined by spaces, or (CJK) characters pairs joined without them. */
  words: string[];
  titles: string[];
  /** Joins words: a space, or nothing in Chinese. */
  joiner: string;
  stop: string;
  annex: string;
  notes: string;
  organisation: string;
  slogan: string;
  date: (day: number, month: number, year: number) => string;
  rtl: boolean;
}

const split = (s: string): string[] => s.trim().split(/\s+/);

/** The banks by language code. */
export const LANGUAGES: Record<LanguageBank['code'], LanguageBank> = {
  en: {
    code: 'en',
    words: split(
      'group states report governance security framework stakeholders meeting session working ' +
        'consultation norms capacity development cooperation infrastructure availability integrity ' +
        'stability principles measures confidence resolution assembly committee secretariat chair ' +
        'draft submission comments proposal protection community regional dialogue mandate agenda',
    ),
    titles: split(
      'Introduction Background Scope Mandate Findings Conclusions Recommendations Threats Norms ' +
        'Cooperation Principles Measures Dialogue Implementation Review Outcomes Procedures Methods',
    ),
    joiner: ' ',
    stop: '.',
    annex: 'Annex',
    notes: 'Notes',
    organisation: 'Secretariat of the Working Group',
    slogan: 'One network, many voices',
    date: (d, m, y) =>
      `${d} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1]} ${y}`,
    rtl: false,
  },
  fr: {
    code: 'fr',
    words: split(
      'groupe États rapport gouvernance sécurité cadre parties réunion session travail ' +
        'consultation normes capacités développement coopération infrastructure disponibilité ' +
        'intégrité stabilité principes mesures confiance résolution assemblée comité secrétariat ' +
        'présidence projet contribution observations proposition protection dialogue mandat',
    ),
    titles: split(
      'Introduction Contexte Portée Mandat Constatations Conclusions Recommandations Menaces ' +
        'Normes Coopération Principes Mesures Dialogue Application Examen Résultats Méthodes',
    ),
    joiner: ' ',
    stop: '.',
    annex: 'Annexe',
    notes: 'Notes',
    organisation: 'Secrétariat du Groupe de travail',
    slogan: 'Un réseau, plusieurs voix',
    date: (d, m, y) =>
      `${d} ${['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'][m - 1]} ${y}`,
    rtl: false,
  },
  es: {
    code: 'es',
    words: split(
      'grupo Estados informe gobernanza seguridad marco partes reunión período trabajo ' +
        'consulta normas capacidad desarrollo cooperación infraestructura disponibilidad ' +
        'integridad estabilidad principios medidas confianza resolución asamblea comité secretaría ' +
        'presidencia proyecto contribución observaciones propuesta protección diálogo mandato',
    ),
    titles: split(
      'Introducción Antecedentes Alcance Mandato Conclusiones Recomendaciones Amenazas Normas ' +
        'Cooperación Principios Medidas Diálogo Aplicación Examen Resultados Métodos Procedimientos',
    ),
    joiner: ' ',
    stop: '.',
    annex: 'Anexo',
    notes: 'Notas',
    organisation: 'Secretaría del Grupo de Trabajo',
    slogan: 'Una red, muchas voces',
    date: (d, m, y) =>
      `${d} de ${['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'][m - 1]} de ${y}`,
    rtl: false,
  },
  ru: {
    code: 'ru',
    words: split(
      'группа государства доклад управление безопасность рамки участники заседание сессия работа ' +
        'консультации нормы потенциал развитие сотрудничество инфраструктура доступность ' +
        'целостность стабильность принципы меры доверие резолюция ассамблея комитет секретариат ' +
        'председатель проект представление замечания предложение защита диалог мандат',
    ),
    titles: split(
      'Введение Справочная Сфера Мандат Выводы Заключение Рекомендации Угрозы Нормы ' +
        'Сотрудничество Принципы Меры Диалог Осуществление Обзор Итоги Методы Процедуры',
    ),
    joiner: ' ',
    stop: '.',
    annex: 'Приложение',
    notes: 'Примечания',
    organisation: 'Секретариат Рабочей группы',
    slogan: 'Одна сеть, много голосов',
    date: (d, m, y) =>
      `${d} ${['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'][m - 1]} ${y} года`,
    rtl: false,
  },
  ar: {
    code: 'ar',
    words: split(
      'الفريق الدول التقرير الحوكمة الأمن الإطار الجهات الاجتماع الدورة العمل المشاورات ' +
        'القواعد القدرات التنمية التعاون البنية الإتاحة السلامة الاستقرار المبادئ التدابير ' +
        'الثقة القرار الجمعية اللجنة الأمانة الرئيس المشروع المساهمة الملاحظات الاقتراح الحماية الحوار',
    ),
    titles: split(
      'مقدمة معلومات النطاق الولاية النتائج الاستنتاجات التوصيات التهديدات القواعد التعاون ' +
        'المبادئ التدابير الحوار التنفيذ الاستعراض الأساليب الإجراءات',
    ),
    joiner: ' ',
    stop: '.',
    annex: 'المرفق',
    notes: 'الحواشي',
    organisation: 'أمانة الفريق العامل',
    slogan: 'شبكة واحدة وأصوات كثيرة',
    date: (d, m, y) =>
      `${d} ${['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'][m - 1]} ${y}`,
    rtl: true,
  },
  zh: {
    code: 'zh',
    words: split(
      '国家 报告 治理 安全 框架 利益 相关 会议 届会 工作 协商 规范 能力 发展 合作 基础 设施 ' +
        '可用 完整 稳定 原则 措施 信任 决议 大会 委员 秘书 主席 草案 提交 意见 建议 保护 对话 任务',
    ),
    titles: split(
      '导言 背景 范围 任务 结论 建议 威胁 规范 合作 原则 措施 对话 执行 审查 成果 方法',
    ),
    joiner: '',
    stop: '。',
    annex: '附件',
    notes: '尾注',
    organisation: '工作组秘书处',
    slogan: '同一个网络，多种声音',
    date: (d, m, y) => `${y}年${m}月${d}日`,
    rtl: false,
  },
};
