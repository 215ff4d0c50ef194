/**
 * The registry's world map, country-pair view and timeline in the six UN languages (each
 * language's registry messages take its part as `views`).
 */

/** English: the source the others translate. */
export const registryViewsEn = {
  map: 'World map',
  mapTitle: 'World map of the measures',
  mapIntro:
    'Each member State coloured by its measures on one element, or by its regional group’s fragmentation indicator. The table under the map says the same in words; the map needs no script.',
  colourBy: 'Colour by',
  showStates: 'each State’s measures',
  showIndicator: 'the regional group’s indicator',
  mapLabel: 'Map of the member States: {element}',
  catFragmenting: 'a binding measure of a kind counted by the indicator',
  catMeasures: 'measures, none counted by the indicator',
  catNone: 'no measure recorded',
  legend: 'Legend',
  onMap: 'On the map',
  mapCaption: 'Member States on “{element}”',
  regionCaption: 'Regional groups on “{element}”: the indicator',
  bandZero: 'none counted',
  bandLow: 'under {p}',
  bandMid: '{p} to under {q}',
  bandHigh: '{p} or more',
  dots: 'States too small to outline at this scale are drawn as dots. Outlines: Natural Earth (public domain), through the world-atlas package.',
  pair: 'Two States',
  pairTitle: '{a} and {b}',
  pairIntro:
    'Two States’ measures element by element (repealed ones left out): the kinds of measure only one of them has, and where their obligations conflict by the rules at the end of the page.',
  pairChoose: 'Choose two States',
  first: 'First State',
  second: 'Second State',
  onlyIn: 'Only {country}: {kinds}',
  sameKinds: 'The same kinds of measure, or none.',
  differences: 'Differences',
  conflicts: 'Conflicts',
  noConflict: 'No conflict by the rules below.',
  conflictOn: '{rule} — {a}: {ma}; {b}: {mb}',
  rulesTitle: 'What counts as a conflict',
  rulesIntro:
    'Only measures adopted, in force or amended count, and only on the same element. Two obligations conflict when an operator serving both States cannot meet both at once:',
  rules: {
    'localisation-reach':
      'Data localisation against stated extraterritorial reach: one State requires the data to stay within its territory while the other states that its measure reaches actors or data outside its own (the kind “stated extraterritorial reach”, or a measure whose reach is stated).',
    'localisation-both':
      'Two localisations: both States require the same data to stay within their own territory; a single copy cannot be in both.',
    'national-root':
      'National root against the IANA root: either State obliges resolvers to use a national or alternative root, while the other relies on the IANA root (or on a root of its own); the same name may resolve differently in the two States.',
  },
  ruleNames: {
    'localisation-reach': 'Localisation against extraterritorial reach',
    'localisation-both': 'Two localisations',
    'national-root': 'National root against the IANA root',
  },
  noMeasure: 'none',
  timeline: 'Timeline',
  timelineTitle: 'Measures entering into force, per year and element',
  timelineIntro:
    'For each year, the measures that match whose date of entry into force falls in it, as the registry stood on the date chosen. A measure on two elements counts in both columns; the last column adds the columns up.',
  year: 'Year',
  total: 'All columns',
  timelineCaption: 'Measures entering into force per year and element',
};

/** The views' text in one language. */
export type RegistryViewsMessages = typeof registryViewsEn;

/** Arabic. */
export const registryViewsAr: RegistryViewsMessages = {
  map: 'خريطة العالم',
  mapTitle: 'خريطة العالم للتدابير',
  mapIntro:
    'تُلوَّن كل دولة عضو بحسب تدابيرها بشأن عنصر واحد، أو بحسب مؤشر التجزؤ لمجموعتها الإقليمية. ويقول الجدول تحت الخريطة الشيء نفسه بالكلمات؛ ولا تحتاج الخريطة إلى نص برمجي.',
  colourBy: 'التلوين بحسب',
  showStates: 'تدابير كل دولة',
  showIndicator: 'مؤشر المجموعة الإقليمية',
  mapLabel: 'خريطة الدول الأعضاء: {element}',
  catFragmenting: 'تدبير ملزم من نوع يحسبه المؤشر',
  catMeasures: 'تدابير لا يحسب المؤشر أيًّا منها',
  catNone: 'لا تدبير مسجَّل',
  legend: 'مفتاح الخريطة',
  onMap: 'على الخريطة',
  mapCaption: 'الدول الأعضاء بشأن «{element}»',
  regionCaption: 'المجموعات الإقليمية بشأن «{element}»: المؤشر',
  bandZero: 'لا شيء محسوب',
  bandLow: 'أقل من {p}',
  bandMid: 'من {p} إلى أقل من {q}',
  bandHigh: '{p} أو أكثر',
  dots: 'تُرسم الدول الأصغر من أن تُحدَّد معالمها بهذا المقياس نقاطًا. الحدود: Natural Earth (ملك عام)، عبر حزمة world-atlas.',
  pair: 'دولتان',
  pairTitle: '{a} و{b}',
  pairIntro:
    'تدابير دولتين عنصرًا عنصرًا (دون الملغاة): أنواع التدابير التي لا تملكها إلا إحداهما، وحيث تتعارض التزاماتهما وفق القواعد في آخر الصفحة.',
  pairChoose: 'اختر دولتين',
  first: 'الدولة الأولى',
  second: 'الدولة الثانية',
  onlyIn: '{country} فقط: {kinds}',
  sameKinds: 'أنواع التدابير نفسها، أو لا شيء.',
  differences: 'الاختلافات',
  conflicts: 'التعارضات',
  noConflict: 'لا تعارض وفق القواعد أدناه.',
  conflictOn: '{rule} — {a}: {ma}؛ {b}: {mb}',
  rulesTitle: 'ما يُعدّ تعارضًا',
  rulesIntro:
    'لا تُحسب إلا التدابير المعتمدة أو النافذة أو المعدَّلة، وعلى العنصر نفسه فقط. يتعارض التزامان حين لا يستطيع مشغّل يخدم الدولتين الوفاء بهما معًا:',
  rules: {
    'localisation-reach':
      'توطين البيانات مقابل نطاق معلن خارج الإقليم: تشترط دولة بقاء البيانات داخل إقليمها بينما تعلن الأخرى أن تدبيرها يطال جهات أو بيانات خارج إقليمها (نوع «نطاق معلن خارج الإقليم»، أو تدبير نطاقه معلن).',
    'localisation-both':
      'توطينان: تشترط الدولتان كلتاهما بقاء البيانات نفسها داخل إقليمها؛ ولا يمكن لنسخة واحدة أن تكون في الاثنين.',
    'national-root':
      'جذر وطني مقابل جذر IANA: تُلزم إحدى الدولتين المحلِّلات باستخدام جذر وطني أو بديل، بينما تعتمد الأخرى على جذر IANA (أو على جذر خاص بها)؛ وقد يُحلَّل الاسم نفسه على نحو مختلف في الدولتين.',
  },
  ruleNames: {
    'localisation-reach': 'التوطين مقابل النطاق خارج الإقليم',
    'localisation-both': 'توطينان',
    'national-root': 'جذر وطني مقابل جذر IANA',
  },
  noMeasure: 'لا شيء',
  timeline: 'الخط الزمني',
  timelineTitle: 'التدابير التي دخلت حيز النفاذ، بحسب السنة والعنصر',
  timelineIntro:
    'لكل سنة، التدابير المطابقة التي يقع تاريخ دخولها حيز النفاذ فيها، كما كان السجل في التاريخ المختار. التدبير المتعلق بعنصرين يُحسب في العمودين؛ والعمود الأخير يجمع الأعمدة.',
  year: 'السنة',
  total: 'كل الأعمدة',
  timelineCaption: 'التدابير التي دخلت حيز النفاذ بحسب السنة والعنصر',
};

/** Chinese. */
export const registryViewsZh: RegistryViewsMessages = {
  map: '世界地图',
  mapTitle: '措施世界地图',
  mapIntro:
    '每个会员国按其在某一要素上的措施着色，或按其区域组的碎片化指标着色。地图下方的表格以文字给出相同内容；地图无需脚本。',
  colourBy: '着色依据',
  showStates: '各国的措施',
  showIndicator: '区域组的指标',
  mapLabel: '会员国地图：{element}',
  catFragmenting: '有指标计入类型的约束性措施',
  catMeasures: '有措施，但均不计入指标',
  catNone: '无记录的措施',
  legend: '图例',
  onMap: '地图上',
  mapCaption: '会员国在“{element}”上的情况',
  regionCaption: '各区域组在“{element}”上的指标',
  bandZero: '无计入',
  bandLow: '低于{p}',
  bandMid: '{p}至低于{q}',
  bandHigh: '{p}或以上',
  dots: '在此比例尺下无法绘出轮廓的小国以圆点表示。轮廓：Natural Earth（公有领域），经由 world-atlas 软件包。',
  pair: '两国比较',
  pairTitle: '{a}与{b}',
  pairIntro:
    '逐个要素列出两国的措施（不含已废止的）：仅一方具有的措施类型，以及按页末规则其义务发生冲突之处。',
  pairChoose: '选择两个国家',
  first: '第一个国家',
  second: '第二个国家',
  onlyIn: '仅{country}：{kinds}',
  sameKinds: '措施类型相同，或均无。',
  differences: '差异',
  conflicts: '冲突',
  noConflict: '按以下规则无冲突。',
  conflictOn: '{rule}——{a}：{ma}；{b}：{mb}',
  rulesTitle: '何为冲突',
  rulesIntro:
    '仅计入已通过、已生效或已修订的措施，且仅限同一要素。当服务于两国的运营者无法同时履行两项义务时，二者即冲突：',
  rules: {
    'localisation-reach':
      '数据本地化与声明的域外效力：一国要求数据留在其境内，而另一国声明其措施适用于其境外的主体或数据（“声明的域外效力”类型，或效力范围为“声明”的措施）。',
    'localisation-both': '双重本地化：两国都要求同一数据留在本国境内；单一副本无法同时位于两国。',
    'national-root':
      '国家根与IANA根：一国要求解析器使用国家根或替代根，而另一国依赖IANA根（或其自己的根）；同一名称在两国可能解析为不同结果。',
  },
  ruleNames: {
    'localisation-reach': '本地化与域外效力',
    'localisation-both': '双重本地化',
    'national-root': '国家根与IANA根',
  },
  noMeasure: '无',
  timeline: '时间线',
  timelineTitle: '按年份和要素列出的生效措施',
  timelineIntro:
    '每一年中，生效日期落在该年的符合条件的措施，以所选日期的登记册为准。涉及两个要素的措施在两列中都计入；最后一列为各列之和。',
  year: '年份',
  total: '各列合计',
  timelineCaption: '按年份和要素列出的生效措施',
};

/** French. */
export const registryViewsFr: RegistryViewsMessages = {
  map: 'Carte du monde',
  mapTitle: 'Carte du monde des mesures',
  mapIntro:
    'Chaque État Membre coloré selon ses mesures sur un élément, ou selon l’indicateur de fragmentation de son groupe régional. Le tableau sous la carte dit la même chose en mots ; la carte ne demande aucun script.',
  colourBy: 'Colorer selon',
  showStates: 'les mesures de chaque État',
  showIndicator: 'l’indicateur du groupe régional',
  mapLabel: 'Carte des États Membres : {element}',
  catFragmenting: 'une mesure contraignante d’un type compté par l’indicateur',
  catMeasures: 'des mesures, aucune comptée par l’indicateur',
  catNone: 'aucune mesure enregistrée',
  legend: 'Légende',
  onMap: 'Sur la carte',
  mapCaption: 'États Membres pour « {element} »',
  regionCaption: 'Groupes régionaux pour « {element} » : l’indicateur',
  bandZero: 'aucun compté',
  bandLow: 'moins de {p}',
  bandMid: 'de {p} à moins de {q}',
  bandHigh: '{p} ou plus',
  dots: 'Les États trop petits pour être dessinés à cette échelle sont des points. Contours : Natural Earth (domaine public), par le paquet world-atlas.',
  pair: 'Deux États',
  pairTitle: '{a} et {b}',
  pairIntro:
    'Les mesures de deux États élément par élément (sans les abrogées) : les types de mesure qu’un seul des deux a, et où leurs obligations sont en conflit selon les règles en fin de page.',
  pairChoose: 'Choisir deux États',
  first: 'Premier État',
  second: 'Second État',
  onlyIn: 'Seulement {country} : {kinds}',
  sameKinds: 'Les mêmes types de mesure, ou aucun.',
  differences: 'Différences',
  conflicts: 'Conflits',
  noConflict: 'Aucun conflit selon les règles ci-dessous.',
  conflictOn: '{rule} — {a} : {ma} ; {b} : {mb}',
  rulesTitle: 'Ce qui compte comme conflit',
  rulesIntro:
    'Seules comptent les mesures adoptées, en vigueur ou modifiées, et sur le même élément. Deux obligations sont en conflit quand un opérateur servant les deux États ne peut satisfaire les deux à la fois :',
  rules: {
    'localisation-reach':
      'Localisation des données contre portée extraterritoriale déclarée : un État exige que les données restent sur son territoire tandis que l’autre déclare que sa mesure atteint des acteurs ou des données hors du sien (le type « portée extraterritoriale déclarée », ou une mesure dont la portée est déclarée).',
    'localisation-both':
      'Deux localisations : les deux États exigent que les mêmes données restent sur leur propre territoire ; une copie unique ne peut être dans les deux.',
    'national-root':
      'Racine nationale contre racine de l’IANA : l’un des États oblige les résolveurs à utiliser une racine nationale ou alternative, tandis que l’autre s’appuie sur la racine de l’IANA (ou sur une racine à lui) ; un même nom peut se résoudre différemment dans les deux États.',
  },
  ruleNames: {
    'localisation-reach': 'Localisation contre portée extraterritoriale',
    'localisation-both': 'Deux localisations',
    'national-root': 'Racine nationale contre racine de l’IANA',
  },
  noMeasure: 'aucune',
  timeline: 'Chronologie',
  timelineTitle: 'Mesures entrant en vigueur, par année et par élément',
  timelineIntro:
    'Pour chaque année, les mesures qui correspondent dont la date d’entrée en vigueur y tombe, telles que le registre se présentait à la date choisie. Une mesure sur deux éléments compte dans les deux colonnes ; la dernière colonne additionne les colonnes.',
  year: 'Année',
  total: 'Toutes les colonnes',
  timelineCaption: 'Mesures entrant en vigueur par année et par élément',
};

/** Russian. */
export const registryViewsRu: RegistryViewsMessages = {
  map: 'Карта мира',
  mapTitle: 'Карта мира мер',
  mapIntro:
    'Каждое государство-член окрашено по его мерам в отношении одного элемента или по показателю фрагментации его региональной группы. Таблица под картой говорит то же самое словами; карте не нужен скрипт.',
  colourBy: 'Окрашивать по',
  showStates: 'мерам каждого государства',
  showIndicator: 'показателю региональной группы',
  mapLabel: 'Карта государств-членов: {element}',
  catFragmenting: 'обязательная мера вида, учитываемого показателем',
  catMeasures: 'меры, ни одна не учитывается показателем',
  catNone: 'мер не записано',
  legend: 'Условные обозначения',
  onMap: 'На карте',
  mapCaption: 'Государства-члены по элементу «{element}»',
  regionCaption: 'Региональные группы по элементу «{element}»: показатель',
  bandZero: 'никто не учтён',
  bandLow: 'менее {p}',
  bandMid: 'от {p} до менее {q}',
  bandHigh: '{p} и более',
  dots: 'Государства, слишком малые для контура в этом масштабе, показаны точками. Контуры: Natural Earth (общественное достояние), через пакет world-atlas.',
  pair: 'Два государства',
  pairTitle: '{a} и {b}',
  pairIntro:
    'Меры двух государств по элементам (без отменённых): виды мер, которые есть только у одного из них, и где их обязательства противоречат друг другу по правилам в конце страницы.',
  pairChoose: 'Выберите два государства',
  first: 'Первое государство',
  second: 'Второе государство',
  onlyIn: 'Только {country}: {kinds}',
  sameKinds: 'Одни и те же виды мер или никаких.',
  differences: 'Различия',
  conflicts: 'Противоречия',
  noConflict: 'Противоречий по правилам ниже нет.',
  conflictOn: '{rule} — {a}: {ma}; {b}: {mb}',
  rulesTitle: 'Что считается противоречием',
  rulesIntro:
    'Учитываются только принятые, действующие или изменённые меры и только по одному и тому же элементу. Два обязательства противоречат друг другу, когда оператор, обслуживающий оба государства, не может выполнить их одновременно:',
  rules: {
    'localisation-reach':
      'Локализация данных против заявленного экстерриториального действия: одно государство требует, чтобы данные оставались на его территории, а другое заявляет, что его мера распространяется на субъектов или данные за пределами его территории (вид «заявленное экстерриториальное действие» или мера с заявленным действием).',
    'localisation-both':
      'Две локализации: оба государства требуют, чтобы одни и те же данные оставались на их собственной территории; одна копия не может находиться в обоих.',
    'national-root':
      'Национальный корень против корня IANA: одно из государств обязывает резолверы использовать национальный или альтернативный корень, тогда как другое опирается на корень IANA (или на свой собственный); одно и то же имя может разрешаться в двух государствах по-разному.',
  },
  ruleNames: {
    'localisation-reach': 'Локализация против экстерриториального действия',
    'localisation-both': 'Две локализации',
    'national-root': 'Национальный корень против корня IANA',
  },
  noMeasure: 'нет',
  timeline: 'Хронология',
  timelineTitle: 'Меры, вступившие в силу, по годам и элементам',
  timelineIntro:
    'Для каждого года — подходящие меры, дата вступления в силу которых приходится на него, в состоянии реестра на выбранную дату. Мера по двум элементам учитывается в обоих столбцах; последний столбец складывает столбцы.',
  year: 'Год',
  total: 'Все столбцы',
  timelineCaption: 'Меры, вступившие в силу, по годам и элементам',
};

/** Spanish. */
export const registryViewsEs: RegistryViewsMessages = {
  map: 'Mapa del mundo',
  mapTitle: 'Mapa del mundo de las medidas',
  mapIntro:
    'Cada Estado Miembro coloreado según sus medidas sobre un elemento, o según el indicador de fragmentación de su grupo regional. La tabla bajo el mapa dice lo mismo con palabras; el mapa no necesita ningún script.',
  colourBy: 'Colorear según',
  showStates: 'las medidas de cada Estado',
  showIndicator: 'el indicador del grupo regional',
  mapLabel: 'Mapa de los Estados Miembros: {element}',
  catFragmenting: 'una medida vinculante de un tipo contado por el indicador',
  catMeasures: 'medidas, ninguna contada por el indicador',
  catNone: 'ninguna medida registrada',
  legend: 'Leyenda',
  onMap: 'En el mapa',
  mapCaption: 'Estados Miembros respecto de «{element}»',
  regionCaption: 'Grupos regionales respecto de «{element}»: el indicador',
  bandZero: 'ninguno contado',
  bandLow: 'menos de {p}',
  bandMid: 'de {p} a menos de {q}',
  bandHigh: '{p} o más',
  dots: 'Los Estados demasiado pequeños para dibujarse a esta escala aparecen como puntos. Contornos: Natural Earth (dominio público), mediante el paquete world-atlas.',
  pair: 'Dos Estados',
  pairTitle: '{a} y {b}',
  pairIntro:
    'Las medidas de dos Estados elemento por elemento (sin las derogadas): los tipos de medida que solo uno de ellos tiene, y dónde sus obligaciones entran en conflicto según las reglas al final de la página.',
  pairChoose: 'Elegir dos Estados',
  first: 'Primer Estado',
  second: 'Segundo Estado',
  onlyIn: 'Solo {country}: {kinds}',
  sameKinds: 'Los mismos tipos de medida, o ninguno.',
  differences: 'Diferencias',
  conflicts: 'Conflictos',
  noConflict: 'Ningún conflicto según las reglas siguientes.',
  conflictOn: '{rule} — {a}: {ma}; {b}: {mb}',
  rulesTitle: 'Qué cuenta como conflicto',
  rulesIntro:
    'Solo cuentan las medidas adoptadas, en vigor o modificadas, y sobre el mismo elemento. Dos obligaciones entran en conflicto cuando un operador que sirve a ambos Estados no puede cumplir ambas a la vez:',
  rules: {
    'localisation-reach':
      'Localización de datos frente a alcance extraterritorial declarado: un Estado exige que los datos permanezcan en su territorio mientras el otro declara que su medida alcanza a actores o datos fuera del suyo (el tipo «alcance extraterritorial declarado», o una medida cuyo alcance es declarado).',
    'localisation-both':
      'Dos localizaciones: ambos Estados exigen que los mismos datos permanezcan en su propio territorio; una copia única no puede estar en los dos.',
    'national-root':
      'Raíz nacional frente a la raíz de la IANA: uno de los Estados obliga a los resolutores a usar una raíz nacional o alternativa, mientras el otro se basa en la raíz de la IANA (o en una propia); un mismo nombre puede resolverse de forma distinta en los dos Estados.',
  },
  ruleNames: {
    'localisation-reach': 'Localización frente a alcance extraterritorial',
    'localisation-both': 'Dos localizaciones',
    'national-root': 'Raíz nacional frente a la raíz de la IANA',
  },
  noMeasure: 'ninguna',
  timeline: 'Cronología',
  timelineTitle: 'Medidas que entran en vigor, por año y elemento',
  timelineIntro:
    'Para cada año, las medidas que coinciden cuya fecha de entrada en vigor cae en él, tal como estaba el registro en la fecha elegida. Una medida sobre dos elementos cuenta en ambas columnas; la última columna suma las columnas.',
  year: 'Año',
  total: 'Todas las columnas',
  timelineCaption: 'Medidas que entran en vigor por año y elemento',
};
