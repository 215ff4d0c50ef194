/**
 * The concepts plenum ships with: what Internet-governance analysts follow across processes.
 * Each has a name in the six UN languages and the terms (names and aliases) by which a passage
 * mentions it. Terms are matched as written after folding case, accents and Arabic letter
 * variants (see src/text/search-terms.ts); a one-word term also matches its inflected forms. The
 * taxonomy follows the issue: the public core of the Internet and its components, the unique
 * identifier system, multistakeholder and multilateral governance, critical infrastructure,
 * cyber sovereignty, Internet fragmentation, and the four public-policy clusters of the Working
 * Group on Internet Governance (WGIG report, 2005).
 */
import type { UnLanguage } from '../text/detect-language.ts';

/** A concept as shipped: editable in the app once loaded. */
export interface ConceptSeed {
  /** Stable identifier, used in URLs and watches. */
  slug: string;
  /** The broader concept, if any. */
  parent?: string;
  names: Record<UnLanguage, string>;
  /** Further ways of saying it, per language (the name is always a term too). */
  terms: Partial<Record<UnLanguage, string[]>>;
}

/** The shipped taxonomy, broader concepts before narrower ones. */
export const conceptSeeds: ConceptSeed[] = [
  {
    slug: 'public-core',
    names: {
      en: 'Public core of the Internet',
      fr: "Noyau public de l'Internet",
      es: 'Núcleo público de Internet',
      ru: 'Общедоступное ядро Интернета',
      zh: '互联网公共核心',
      ar: 'النواة العامة للإنترنت',
    },
    terms: {
      en: ['public core of the Internet', "Internet's public core"],
      fr: ["noyau public d'Internet"],
      es: ['núcleo público de la Internet'],
      ru: ['общедоступного ядра Интернета', 'публичное ядро Интернета'],
      zh: ['互联网的公共核心'],
      ar: ['اللب العام للإنترنت'],
    },
  },
  {
    slug: 'unique-identifiers',
    parent: 'public-core',
    names: {
      en: 'Unique identifier system',
      fr: "Système d'identificateurs uniques",
      es: 'Sistema de identificadores únicos',
      ru: 'Система уникальных идентификаторов',
      zh: '唯一标识符系统',
      ar: 'نظام المعرفات الفريدة',
    },
    terms: {
      en: ['unique identifiers', 'Internet identifiers'],
      fr: ['identificateurs uniques', 'identifiants uniques'],
      es: ['identificadores únicos'],
      ru: ['уникальные идентификаторы', 'уникальных идентификаторов'],
      zh: ['唯一标识符'],
      ar: ['المعرفات الفريدة'],
    },
  },
  {
    slug: 'dns',
    parent: 'unique-identifiers',
    names: {
      en: 'Domain name system (DNS)',
      fr: 'Système des noms de domaine (DNS)',
      es: 'Sistema de nombres de dominio (DNS)',
      ru: 'Система доменных имен (DNS)',
      zh: '域名系统',
      ar: 'نظام أسماء النطاقات',
    },
    terms: {
      en: ['domain name system', 'DNS', 'domain names'],
      fr: ['système des noms de domaine', 'système de noms de domaine', 'noms de domaine', 'DNS'],
      es: ['sistema de nombres de dominio', 'nombres de dominio', 'DNS'],
      ru: ['система доменных имен', 'системы доменных имен', 'доменных имен', 'DNS'],
      zh: ['域名系统', '域名'],
      ar: ['نظام أسماء النطاقات', 'أسماء النطاقات', 'نظام أسماء الميادين'],
    },
  },
  {
    slug: 'ip-addresses',
    parent: 'unique-identifiers',
    names: {
      en: 'IP addresses',
      fr: 'Adresses IP',
      es: 'Direcciones IP',
      ru: 'IP-адреса',
      zh: 'IP地址',
      ar: 'عناوين بروتوكول الإنترنت',
    },
    terms: {
      en: ['IP address', 'Internet Protocol address', 'Internet Protocol addresses'],
      fr: ['adresse IP'],
      es: ['dirección IP'],
      ru: ['IP-адрес', 'IP-адресов'],
      zh: ['互联网协议地址'],
      ar: ['عنوان بروتوكول الإنترنت', 'عناوين IP'],
    },
  },
  {
    slug: 'root-servers',
    parent: 'unique-identifiers',
    names: {
      en: 'Root server system',
      fr: 'Système des serveurs racine',
      es: 'Sistema de servidores raíz',
      ru: 'Система корневых серверов',
      zh: '根服务器系统',
      ar: 'نظام خوادم الجذر',
    },
    terms: {
      en: ['root server', 'root servers'],
      fr: ['serveur racine', 'serveurs racine', 'serveurs racines'],
      es: ['servidor raíz', 'servidores raíz'],
      ru: ['корневой сервер', 'корневые серверы', 'корневых серверов'],
      zh: ['根服务器'],
      ar: ['خوادم الجذر', 'خادم الجذر'],
    },
  },
  {
    slug: 'protocol-parameters',
    parent: 'unique-identifiers',
    names: {
      en: 'Protocol parameters',
      fr: 'Paramètres de protocole',
      es: 'Parámetros de protocolo',
      ru: 'Параметры протоколов',
      zh: '协议参数',
      ar: 'معلمات البروتوكول',
    },
    terms: {
      en: ['protocol parameter'],
      fr: ['paramètres des protocoles'],
      es: ['parámetros de los protocolos'],
      ru: ['параметров протоколов'],
      ar: ['بارامترات البروتوكول'],
    },
  },
  {
    slug: 'submarine-cables',
    parent: 'public-core',
    names: {
      en: 'Submarine cables',
      fr: 'Câbles sous-marins',
      es: 'Cables submarinos',
      ru: 'Подводные кабели',
      zh: '海底电缆',
      ar: 'الكابلات البحرية',
    },
    terms: {
      en: ['submarine cable', 'undersea cable', 'undersea cables'],
      fr: ['câble sous-marin'],
      es: ['cable submarino'],
      ru: ['подводных кабелей', 'подводный кабель'],
      zh: ['海缆'],
      ar: ['الكابلات البحرية المغمورة'],
    },
  },
  {
    slug: 'multistakeholder',
    names: {
      en: 'Multistakeholder governance',
      fr: 'Gouvernance multipartite',
      es: 'Gobernanza de múltiples partes interesadas',
      ru: 'Управление с участием многих заинтересованных сторон',
      zh: '多利益攸关方治理',
      ar: 'الحوكمة القائمة على تعدد أصحاب المصلحة',
    },
    terms: {
      en: ['multistakeholder', 'multi-stakeholder'],
      fr: ['multipartite', 'multipartites'],
      es: ['múltiples partes interesadas', 'multipartito', 'multisectorial'],
      ru: ['многих заинтересованных сторон', 'многосторонних заинтересованных сторон'],
      zh: ['多利益攸关方', '多利益相关方'],
      ar: ['أصحاب المصلحة المتعددين', 'متعدد أصحاب المصلحة', 'تعدد أصحاب المصلحة'],
    },
  },
  {
    slug: 'multilateral',
    names: {
      en: 'Multilateral governance',
      fr: 'Gouvernance multilatérale',
      es: 'Gobernanza multilateral',
      ru: 'Многостороннее управление',
      zh: '多边治理',
      ar: 'الحوكمة المتعددة الأطراف',
    },
    terms: {
      en: ['multilateral', 'multilateralism'],
      fr: ['multilatéral', 'multilatérale', 'multilatéraux', 'multilatéralisme'],
      es: ['multilateral', 'multilaterales', 'multilateralismo'],
      ru: ['многосторонний', 'многостороннего', 'многосторонней', 'многосторонние'],
      zh: ['多边', '多边主义'],
      ar: ['متعدد الأطراف', 'متعددة الأطراف', 'تعددية الأطراف'],
    },
  },
  {
    slug: 'critical-infrastructure',
    names: {
      en: 'Critical infrastructure',
      fr: 'Infrastructures critiques',
      es: 'Infraestructura crítica',
      ru: 'Критически важная инфраструктура',
      zh: '关键基础设施',
      ar: 'البنية التحتية الحيوية',
    },
    terms: {
      en: ['critical infrastructure', 'critical infrastructures'],
      fr: ['infrastructure critique', 'infrastructures critiques', 'infrastructures essentielles'],
      es: ['infraestructura crítica', 'infraestructuras críticas'],
      ru: [
        'критически важной инфраструктуры',
        'критическая инфраструктура',
        'критической инфраструктуры',
      ],
      ar: ['البنى التحتية الحيوية', 'البنية الأساسية الحيوية'],
    },
  },
  {
    slug: 'cyber-sovereignty',
    names: {
      en: 'Cyber sovereignty',
      fr: 'Cybersouveraineté',
      es: 'Cibersoberanía',
      ru: 'Киберсуверенитет',
      zh: '网络主权',
      ar: 'السيادة السيبرانية',
    },
    terms: {
      en: ['cyber sovereignty', 'cybersovereignty', 'sovereignty in cyberspace'],
      fr: ['souveraineté dans le cyberespace'],
      es: ['ciber soberanía', 'soberanía en el ciberespacio'],
      ru: ['суверенитет в киберпространстве'],
      zh: ['网络空间主权'],
      ar: ['السيادة في الفضاء السيبراني'],
    },
  },
  {
    slug: 'fragmentation',
    names: {
      en: 'Internet fragmentation',
      fr: "Fragmentation de l'Internet",
      es: 'Fragmentación de Internet',
      ru: 'Фрагментация Интернета',
      zh: '互联网碎片化',
      ar: 'تجزئة الإنترنت',
    },
    terms: {
      en: ['fragmentation of the Internet', 'splinternet'],
      fr: ["fragmentation d'Internet"],
      es: ['fragmentación de la Internet'],
      ru: ['фрагментации Интернета'],
      ar: ['تجزؤ الإنترنت'],
    },
  },
  {
    slug: 'wgig-critical-resources',
    names: {
      en: 'Infrastructure and management of critical Internet resources (WGIG cluster)',
      fr: "Infrastructure et gestion des ressources critiques de l'Internet (groupe du GTGI)",
      es: 'Infraestructura y gestión de los recursos críticos de Internet (grupo del GTGI)',
      ru: 'Инфраструктура и управление критически важными ресурсами Интернета (группа РГУИ)',
      zh: '关键互联网资源的基础设施和管理（互联网治理工作组议题组）',
      ar: 'البنية التحتية لموارد الإنترنت الحيوية وإدارتها (مجموعة الفريق العامل المعني بإدارة الإنترنت)',
    },
    terms: {
      en: ['critical Internet resources'],
      fr: ["ressources critiques de l'Internet"],
      es: ['recursos críticos de Internet'],
      ru: ['критически важных ресурсов Интернета', 'критически важные ресурсы Интернета'],
      zh: ['关键互联网资源'],
      ar: ['موارد الإنترنت الحيوية'],
    },
  },
  {
    slug: 'wgig-use',
    names: {
      en: 'Issues relating to the use of the Internet (WGIG cluster)',
      fr: "Questions relatives à l'utilisation de l'Internet (groupe du GTGI)",
      es: 'Cuestiones relativas a la utilización de Internet (grupo del GTGI)',
      ru: 'Вопросы, связанные с использованием Интернета (группа РГУИ)',
      zh: '与互联网使用有关的问题（互联网治理工作组议题组）',
      ar: 'المسائل المتعلقة باستخدام الإنترنت (مجموعة الفريق العامل المعني بإدارة الإنترنت)',
    },
    terms: {
      en: ['spam', 'cybercrime', 'network security'],
      fr: ['cybercriminalité', 'sécurité des réseaux'],
      es: ['ciberdelincuencia', 'seguridad de las redes'],
      ru: ['киберпреступность', 'киберпреступности', 'безопасность сетей'],
      zh: ['垃圾邮件', '网络犯罪'],
      ar: ['الجريمة السيبرانية', 'أمن الشبكات'],
    },
  },
  {
    slug: 'wgig-wider-impact',
    names: {
      en: 'Issues with an impact wider than the Internet (WGIG cluster)',
      fr: "Questions dont l'incidence dépasse l'Internet (groupe du GTGI)",
      es: 'Cuestiones cuyo impacto va más allá de Internet (grupo del GTGI)',
      ru: 'Вопросы, влияние которых выходит за рамки Интернета (группа РГУИ)',
      zh: '影响超出互联网范围的问题（互联网治理工作组议题组）',
      ar: 'المسائل التي يتجاوز أثرها الإنترنت (مجموعة الفريق العامل المعني بإدارة الإنترنت)',
    },
    terms: {
      en: ['intellectual property rights', 'international trade'],
      fr: ['droits de propriété intellectuelle', 'commerce international'],
      es: ['derechos de propiedad intelectual', 'comercio internacional'],
      ru: ['прав интеллектуальной собственности', 'международной торговли'],
      zh: ['知识产权', '国际贸易'],
      ar: ['حقوق الملكية الفكرية', 'التجارة الدولية'],
    },
  },
  {
    slug: 'wgig-development',
    names: {
      en: 'Development aspects of Internet governance (WGIG cluster)',
      fr: "Aspects de la gouvernance de l'Internet liés au développement (groupe du GTGI)",
      es: 'Aspectos de la gobernanza de Internet relativos al desarrollo (grupo del GTGI)',
      ru: 'Аспекты управления Интернетом, связанные с развитием (группа РГУИ)',
      zh: '互联网治理的发展问题（互联网治理工作组议题组）',
      ar: 'الجوانب الإنمائية لإدارة الإنترنت (مجموعة الفريق العامل المعني بإدارة الإنترنت)',
    },
    terms: {
      en: ['capacity-building', 'capacity building', 'digital divide'],
      fr: ['renforcement des capacités', 'fracture numérique'],
      es: ['creación de capacidad', 'brecha digital'],
      ru: ['наращивание потенциала', 'наращивания потенциала', 'цифровой разрыв'],
      zh: ['能力建设', '数字鸿沟'],
      ar: ['بناء القدرات', 'الفجوة الرقمية'],
    },
  },
];
