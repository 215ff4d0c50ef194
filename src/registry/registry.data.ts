/**
 * The shipped elements of the public core and kinds of measure, with their names and short
 * definitions in the six UN languages, and the concepts they are linked to. Administrators edit
 * them (and add others) in `registry_terms`; an edit there wins over the row here.
 */

/** The six UN languages, in the UN's order. */
export const registryLanguages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/** One of the six UN languages. */
export type RegistryLanguage = (typeof registryLanguages)[number];

/** A name and a short definition. */
export interface TermText {
  name: string;
  definition: string;
}

/** An element or a kind of measure as shipped. */
export interface ShippedTerm {
  slug: string;
  type: 'element' | 'kind';
  conceptSlug: string | null;
  /**
   * For kinds: true when a measure of this kind is an obligation that another State's obligation
   * of the same element can contradict (a national root against the IANA root, localisation
   * against cross-border transfer); the fragmentation indicator counts only these.
   */
  fragmenting: boolean;
  texts: Record<RegistryLanguage, TermText>;
}

type Six = [ar: TermText, zh: TermText, en: TermText, fr: TermText, ru: TermText, es: TermText];

function term(
  slug: string,
  type: 'element' | 'kind',
  conceptSlug: string | null,
  fragmenting: boolean,
  [ar, zh, en, fr, ru, es]: Six,
): ShippedTerm {
  return { slug, type, conceptSlug, fragmenting, texts: { ar, zh, en, fr, ru, es } };
}

const t = (name: string, definition: string): TermText => ({ name, definition });

/** The shipped terms, elements first, in the order pages list them. */
export const shippedTerms: readonly ShippedTerm[] = [
  term('routing', 'element', 'public-core', false, [
    t(
      'توجيه الحزم وإعادة توجيهها',
      'الأنظمة التي تنقل الحزم بين الشبكات، بما فيها بروتوكول BGP ونقاط تبادل الحركة.',
    ),
    t('数据包路由和转发', '在网络之间传送数据包的系统，包括BGP和互联网交换点。'),
    t(
      'Packet routing and forwarding',
      'The systems that carry packets between networks, including BGP and traffic exchange points.',
    ),
    t(
      'Routage et acheminement des paquets',
      'Les systèmes qui acheminent les paquets entre les réseaux, dont BGP et les points d’échange.',
    ),
    t(
      'Маршрутизация и пересылка пакетов',
      'Системы, передающие пакеты между сетями, включая BGP и точки обмена трафиком.',
    ),
    t(
      'Enrutamiento y reenvío de paquetes',
      'Los sistemas que llevan los paquetes entre redes, incluidos BGP y los puntos de intercambio.',
    ),
  ]),
  term('naming-numbering', 'element', 'unique-identifiers', false, [
    t(
      'أنظمة التسمية والترقيم',
      'نظام أسماء النطاقات وعناوين IP ومعلمات البروتوكولات ونظام خوادم الجذر.',
    ),
    t('命名和编号系统', '域名系统、IP地址、协议参数和根服务器系统。'),
    t(
      'Naming and numbering systems',
      'The domain name system, IP addresses, protocol parameters and the root server system.',
    ),
    t(
      'Systèmes de nommage et de numérotation',
      'Le système des noms de domaine, les adresses IP, les paramètres de protocole et les serveurs racine.',
    ),
    t(
      'Системы именования и нумерации',
      'Система доменных имён, IP-адреса, параметры протоколов и система корневых серверов.',
    ),
    t(
      'Sistemas de nombres y numeración',
      'El sistema de nombres de dominio, las direcciones IP, los parámetros de protocolo y los servidores raíz.',
    ),
  ]),
  term('cryptography', 'element', 'public-core', false, [
    t(
      'آليات التشفير للأمن والهوية',
      'الشهادات وسلطات التصديق والمفاتيح التي تحمي الاتصالات وتثبت الهوية.',
    ),
    t('安全和身份的加密机制', '保护通信和证明身份的证书、证书颁发机构和密钥。'),
    t(
      'Cryptographic mechanisms of security and identity',
      'Certificates, certificate authorities and keys that protect communications and prove identity.',
    ),
    t(
      'Mécanismes cryptographiques de sécurité et d’identité',
      'Certificats, autorités de certification et clés qui protègent les communications et prouvent l’identité.',
    ),
    t(
      'Криптографические механизмы безопасности и идентификации',
      'Сертификаты, удостоверяющие центры и ключи, защищающие связь и подтверждающие подлинность.',
    ),
    t(
      'Mecanismos criptográficos de seguridad e identidad',
      'Certificados, autoridades de certificación y claves que protegen las comunicaciones y prueban la identidad.',
    ),
  ]),
  term('transmission-media', 'element', 'submarine-cables', false, [
    t(
      'وسائط الإرسال المادية',
      'الكابلات البحرية والبرية والألياف والوصلات الساتلية التي تنقل الحركة.',
    ),
    t('物理传输介质', '承载流量的海底和陆地电缆、光纤和卫星链路。'),
    t(
      'Physical transmission media',
      'Submarine and terrestrial cables, fibre and satellite links that carry the traffic.',
    ),
    t(
      'Supports physiques de transmission',
      'Câbles sous-marins et terrestres, fibre et liaisons satellitaires qui transportent le trafic.',
    ),
    t(
      'Физические среды передачи',
      'Подводные и наземные кабели, оптоволокно и спутниковые линии, по которым идёт трафик.',
    ),
    t(
      'Medios físicos de transmisión',
      'Cables submarinos y terrestres, fibra y enlaces satelitales que transportan el tráfico.',
    ),
  ]),
  term('data-centres', 'element', 'critical-infrastructure', false, [
    t('مراكز البيانات', 'المرافق التي تستضيف الخوادم والبيانات، حيث يضيفها نص.'),
    t('数据中心', '托管服务器和数据的设施（在文本将其列入时）。'),
    t('Data centres', 'Facilities that host servers and data, where a text adds them.'),
    t(
      'Centres de données',
      'Installations qui hébergent serveurs et données, lorsqu’un texte les ajoute.',
    ),
    t(
      'Центры обработки данных',
      'Объекты, где размещены серверы и данные, если текст их включает.',
    ),
    t(
      'Centros de datos',
      'Instalaciones que alojan servidores y datos, cuando un texto los añade.',
    ),
  ]),
  term('software', 'element', 'critical-infrastructure', false, [
    t('البرمجيات', 'البرمجيات التي تشغّل النواة العامة، حيث يضيفها نص.'),
    t('软件', '运行公共核心的软件（在文本将其列入时）。'),
    t('Software', 'The software that runs the public core, where a text adds it.'),
    t(
      'Logiciels',
      'Les logiciels qui font fonctionner le noyau public, lorsqu’un texte les ajoute.',
    ),
    t(
      'Программное обеспечение',
      'Программы, на которых работает общедоступное ядро, если текст его включает.',
    ),
    t('Software', 'El software que hace funcionar el núcleo público, cuando un texto lo añade.'),
  ]),
  term('licensing', 'kind', 'critical-infrastructure', false, [
    t('ترخيص المشغلين أو تسجيلهم', 'شرط الحصول على ترخيص أو التسجيل لتشغيل شبكة أو خدمة.'),
    t('运营商许可或登记', '经营网络或服务须取得许可或进行登记。'),
    t(
      'Licensing or registration of operators',
      'A licence or registration required to run a network or a service.',
    ),
    t(
      'Licence ou enregistrement des opérateurs',
      'Une licence ou un enregistrement exigé pour exploiter un réseau ou un service.',
    ),
    t(
      'Лицензирование или регистрация операторов',
      'Лицензия или регистрация, необходимые для работы сети или услуги.',
    ),
    t(
      'Licencia o registro de operadores',
      'Una licencia o un registro exigidos para operar una red o un servicio.',
    ),
  ]),
  term('dns-obligations', 'kind', 'dns', true, [
    t(
      'التزامات تحليل أسماء النطاقات وحجبها',
      'إلزام المحللين بحجب أسماء أو إعادة توجيهها أو بتحليلها بطريقة معينة.',
    ),
    t('域名解析义务和屏蔽', '要求解析器屏蔽、重定向或以特定方式解析域名。'),
    t(
      'DNS resolution obligations and blocking',
      'Resolvers required to block, redirect or resolve names in a set way.',
    ),
    t(
      'Obligations de résolution DNS et blocage',
      'Résolveurs tenus de bloquer, rediriger ou résoudre des noms d’une manière imposée.',
    ),
    t(
      'Обязательства по разрешению DNS и блокировка',
      'Резолверы обязаны блокировать, перенаправлять или разрешать имена заданным образом.',
    ),
    t(
      'Obligaciones de resolución DNS y bloqueo',
      'Resolutores obligados a bloquear, redirigir o resolver nombres de un modo fijado.',
    ),
  ]),
  term('national-root', 'kind', 'root-servers', true, [
    t('جذر وطني أو بديل', 'جذر لنظام أسماء النطاقات غير جذر IANA، يُلزم به أو يُعدّ احتياطيًا.'),
    t('国家或替代根', '强制或作为备用的非IANA域名系统根。'),
    t(
      'National or alternative root',
      'A DNS root other than the IANA root, mandated or kept as a fallback.',
    ),
    t(
      'Racine nationale ou alternative',
      'Une racine DNS autre que celle de l’IANA, imposée ou gardée en secours.',
    ),
    t(
      'Национальный или альтернативный корень',
      'Корень DNS, отличный от корня IANA, обязательный или резервный.',
    ),
    t(
      'Raíz nacional o alternativa',
      'Una raíz DNS distinta de la de IANA, impuesta o mantenida como respaldo.',
    ),
  ]),
  term('routing-obligations', 'kind', 'public-core', true, [
    t('التزامات التوجيه وتبادل الحركة', 'إلزام بتمرير الحركة عبر نقاط أو مسارات محددة.'),
    t('路由和流量交换义务', '要求流量经过指定的交换点或路径。'),
    t(
      'Routing and traffic-exchange obligations',
      'Traffic required to pass through set exchange points or paths.',
    ),
    t(
      'Obligations de routage et d’échange de trafic',
      'Trafic tenu de passer par des points d’échange ou des chemins imposés.',
    ),
    t(
      'Обязательства по маршрутизации и обмену трафиком',
      'Трафик обязан проходить через заданные точки обмена или маршруты.',
    ),
    t(
      'Obligaciones de enrutamiento e intercambio de tráfico',
      'Tráfico obligado a pasar por puntos de intercambio o rutas fijados.',
    ),
  ]),
  term('data-localisation', 'kind', 'cyber-sovereignty', true, [
    t('توطين البيانات', 'إلزام بتخزين البيانات أو معالجتها داخل الإقليم الوطني.'),
    t('数据本地化', '要求在本国境内存储或处理数据。'),
    t(
      'Data localisation',
      'Data required to be stored or processed within the national territory.',
    ),
    t(
      'Localisation des données',
      'Données tenues d’être stockées ou traitées sur le territoire national.',
    ),
    t(
      'Локализация данных',
      'Обязанность хранить или обрабатывать данные на национальной территории.',
    ),
    t(
      'Localización de datos',
      'Datos que deben almacenarse o tratarse dentro del territorio nacional.',
    ),
  ]),
  term('shutdown-powers', 'kind', 'fragmentation', true, [
    t('صلاحيات القطع والإبطاء', 'صلاحية قطع الوصول إلى الإنترنت أو إبطائه.'),
    t('断网和限速权力', '关闭或降低互联网接入速度的权力。'),
    t('Shutdown and throttling powers', 'Powers to cut off or slow down Internet access.'),
    t(
      'Pouvoirs de coupure et de bridage',
      'Pouvoirs de couper ou de ralentir l’accès à l’Internet.',
    ),
    t(
      'Полномочия на отключение и замедление',
      'Полномочия отключать или замедлять доступ к Интернету.',
    ),
    t(
      'Facultades de corte y ralentización',
      'Facultades para cortar o ralentizar el acceso a Internet.',
    ),
  ]),
  term('cross-border-control', 'kind', 'fragmentation', true, [
    t('مراقبة الحركة العابرة للحدود', 'شروط على الحركة أو البيانات التي تعبر الحدود.'),
    t('跨境流量管控', '对跨境流量或数据的条件限制。'),
    t('Cross-border traffic control', 'Conditions on traffic or data that cross the border.'),
    t(
      'Contrôle du trafic transfrontière',
      'Conditions posées au trafic ou aux données qui passent la frontière.',
    ),
    t('Контроль трансграничного трафика', 'Условия для трафика или данных, пересекающих границу.'),
    t(
      'Control del tráfico transfronterizo',
      'Condiciones impuestas al tráfico o a los datos que cruzan la frontera.',
    ),
  ]),
  term('national-ca', 'kind', 'public-core', true, [
    t('سلطات تصديق وطنية', 'سلطة تصديق وطنية يُطلب من المستخدمين أو المتصفحات الوثوق بها.'),
    t('国家证书颁发机构', '要求用户或浏览器信任的国家证书颁发机构。'),
    t(
      'National certificate authorities',
      'A national certificate authority that users or browsers are required to trust.',
    ),
    t(
      'Autorités de certification nationales',
      'Une autorité de certification nationale à laquelle usagers ou navigateurs doivent se fier.',
    ),
    t(
      'Национальные удостоверяющие центры',
      'Национальный удостоверяющий центр, которому обязаны доверять пользователи или браузеры.',
    ),
    t(
      'Autoridades de certificación nacionales',
      'Una autoridad de certificación nacional en la que usuarios o navegadores deben confiar.',
    ),
  ]),
  term('cable-landing', 'kind', 'submarine-cables', false, [
    t('قواعد إنزال الكابلات والعبور', 'شروط إنزال الكابلات البحرية ومرور الحركة العابرة.'),
    t('电缆登陆和过境规则', '海底电缆登陆和过境流量的条件。'),
    t(
      'Cable landing and transit rules',
      'Conditions for landing submarine cables and for transit traffic.',
    ),
    t(
      'Règles d’atterrissement des câbles et de transit',
      'Conditions d’atterrissement des câbles sous-marins et du trafic de transit.',
    ),
    t(
      'Правила выхода кабелей на берег и транзита',
      'Условия выхода подводных кабелей на берег и транзитного трафика.',
    ),
    t(
      'Normas de amarre de cables y de tránsito',
      'Condiciones para el amarre de cables submarinos y el tráfico de tránsito.',
    ),
  ]),
  term('incident-reporting', 'kind', 'critical-infrastructure', false, [
    t('الإبلاغ عن الحوادث', 'إلزام المشغلين بالإبلاغ عن الحوادث إلى سلطة ما.'),
    t('事件报告', '要求运营商向主管机关报告事件。'),
    t('Incident reporting', 'Operators required to report incidents to an authority.'),
    t('Signalement des incidents', 'Opérateurs tenus de signaler les incidents à une autorité.'),
    t('Сообщение об инцидентах', 'Операторы обязаны сообщать об инцидентах органу власти.'),
    t(
      'Notificación de incidentes',
      'Operadores obligados a notificar los incidentes a una autoridad.',
    ),
  ]),
  term('extraterritorial-reach', 'kind', 'cyber-sovereignty', false, [
    t('نطاق معلن خارج الإقليم', 'تدبير يعلن انطباقه على جهات أو حركة خارج الإقليم.'),
    t('声明的域外效力', '声明适用于境外主体或流量的措施。'),
    t(
      'Stated extraterritorial reach',
      'A measure that states it applies to actors or traffic outside the territory.',
    ),
    t(
      'Portée extraterritoriale déclarée',
      'Une mesure qui déclare s’appliquer à des acteurs ou à du trafic hors du territoire.',
    ),
    t(
      'Заявленное экстерриториальное действие',
      'Мера, заявляющая о применении к субъектам или трафику за пределами территории.',
    ),
    t(
      'Alcance extraterritorial declarado',
      'Una medida que declara aplicarse a actores o tráfico fuera del territorio.',
    ),
  ]),
];
