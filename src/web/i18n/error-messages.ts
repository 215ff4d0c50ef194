/** The error catalogue in the other UN languages, with the terminology of the interface catalogues. */
import type { ErrorCode } from '../../errors.ts';

/** The error messages in the five UN languages other than English (English is src/errors.ts). */
export const errorMessages: Record<'ar' | 'zh' | 'fr' | 'ru' | 'es', Record<ErrorCode, string>> = {
  ar: {
    TOKEN_EXPIRED: 'انتهت صلاحية رمز واجهة البرمجة هذا: أنشئ رمزاً جديداً في صفحة حسابك.',
    TOKEN_SCOPE_MISSING: 'رمز واجهة البرمجة هذا لا يملك النطاق الذي يتطلبه هذا الطلب.',
    UNKNOWN_FIELD: 'يتضمن الطلب حقلاً لا تعرفه هذه العملية.',
    EMAIL_UNVERIFIED:
      'أكّد عنوان بريدك الإلكتروني أولاً: اتبع الرابط الذي أرسله إليك plenum (وتعيد صفحة حسابك إرساله).',
    LINK_INVALID: 'هذا الرابط غير صالح: انتهت صلاحيته أو سبق استخدامه. اطلب رابطاً جديداً.',
    SIGN_IN_THROTTLED:
      'جرت محاولات كثيرة لتسجيل الدخول بعنوان البريد الإلكتروني هذا أو من شبكتك. انتظر بضع دقائق ثم حاول مرة أخرى.',
    RATE_LIMITED:
      'وصلت طلبات كثيرة من هذا النوع من حسابك أو شبكتك في وقت قصير: لم يُنفَّذ هذا الطلب. انتظر قليلاً ثم أرسله مرة أخرى.',
    PASSWORD_CHECKS_BUSY:
      'يتحقق الخادم من كلمات مرور كثيرة في هذه اللحظة. حاول مرة أخرى بعد بضع ثوانٍ.',
    NOT_FOUND: 'لم يُعثر على أي شيء في هذا العنوان.',
    PROCESS_NOT_FOUND: 'لا توجد عملية بهذا المعرّف أو الاسم.',
    PROCESS_CONFLICT:
      'هناك عملية أخرى تستخدم بالفعل هذا المعرّف المختصر (slug) أو الاسم أو الاسم البديل.',
    DOCUMENT_NOT_FOUND: 'لا توجد وثيقة بهذا المعرّف.',
    VERSION_NOT_FOUND: 'لا توجد صيغة بهذا المعرّف.',
    LANGUAGE_VERSION_NOT_FOUND: 'هذه الصيغة غير موجودة باللغة المطلوبة.',
    BLOCK_NOT_FOUND: 'لا توجد كتلة بهذا المعرّف.',
    INVALID_REQUEST: 'الطلب غير صالح.',
    INVALID_ID: 'هذا ليس معرّفاً صالحاً.',
    PAYLOAD_TOO_LARGE: 'متن الطلب كبير جداً.',
    IMPORT_FILE_NOT_FOUND: 'تتعذر قراءة الملف المراد استيراده.',
    IMPORT_EMPTY: 'الملف فارغ: لا يوجد ما يُستورد.',
    IMPORT_TOO_LARGE:
      'حجم الملف يتجاوز الحد الأقصى للاستيراد (20 MB للنصوص، و40 MB لملفات DOCX وPDF).',
    IMPORT_BINARY:
      'يبدو أن الملف يحتوي على بيانات ثنائية لا على نص. استورد نصاً عادياً مستخرجاً من ملف PDF أو Word، أو نصاً بصيغة Markdown، أو ملف DOCX أو PDF.',
    IMPORT_INVALID_UTF8:
      'الملف ليس نصاً صالحاً بترميز UTF-8. احفظه بترميز UTF-8 ثم استورده مرة أخرى.',
    IMPORT_BAD_DOCX: 'الملف ليس وثيقة DOCX قابلة للقراءة (أي ملف Word محفوظ بامتداد .docx).',
    IMPORT_UNSUPPORTED_FORMAT: 'هذا التنسيق غير مدعوم. استخدم text أو markdown أو docx أو pdf.',
    IMPORT_NO_CONTENT: 'لم يُعثر في الملف على أي فقرات أو عناوين أو حواشٍ.',
    IMPORT_CONFLICT: 'لهذه الصيغة محتوى بهذه اللغة بالفعل.',
    SIGN_IN_REQUIRED: 'سجّل الدخول للقيام بذلك.',
    SIGN_IN_FAILED: 'عنوان البريد الإلكتروني أو كلمة المرور غير صحيح.',
    FORBIDDEN: 'ليس لحسابك الدور المطلوب للقيام بذلك.',
    CSRF_FAILED:
      'تعذّر التحقق من الاستمارة (رمز الأمان الخاص بها مفقود أو منتهي الصلاحية). عُد إلى الصفحة السابقة، وأعد تحميلها، ثم أرسل الاستمارة مرة أخرى.',
    ACCOUNT_EXISTS: 'يوجد بالفعل حساب بعنوان البريد الإلكتروني هذا.',
    ACCOUNT_NOT_FOUND: 'لا يوجد حساب بعنوان البريد الإلكتروني هذا.',
    STANCE_SOURCE_NOT_FOUND: 'لا توجد فقرة عامة أو مساهمة منشورة بهذا المعرّف.',
    WATCH_NOT_FOUND: 'لا توجد لديك متابعة بهذا العنوان.',
    WEBHOOK_ADDRESS_REFUSED:
      'لا تُرسَل الخطافات الشبكية (webhooks) إلا إلى عناوين عامة على الإنترنت.',
    CONCEPT_NOT_FOUND: 'لا يوجد مفهوم بهذا الاسم.',
    CONCEPT_CONFLICT: 'هذا موجود بالفعل في التصنيف.',
    MEASURE_NOT_FOUND: 'لا يوجد تدبير بهذا المعرّف في السجل.',
    MEASURE_CONFLICT: 'عدّل شخص آخر هذا التدبير في الأثناء: اقرأ أحدث صيغة له وأعد المحاولة.',
    ROUND_NOT_FOUND: 'لا توجد جولة استبيان بهذا المعرّف.',
    ROUND_NOT_OPEN_YET: 'جولة الاستبيان هذه لم تُفتح بعد: لم يُخزَّن شيء.',
    ROUND_CLOSED: 'أُغلقت جولة الاستبيان هذه: لم يُقبل الرد ولم يُخزَّن شيء.',
    ANSWER_SUBMITTED: 'قُدِّم هذا الرد: لم يعد من الممكن تغييره.',
    COUNTRY_NOT_FOUND: 'لا توجد دولة عضو أو مراقبة بهذا الرمز (ISO 3166-1 alpha-3).',
    ORGANISATION_NOT_FOUND: 'لا توجد منظمة بهذا المعرّف أو الاسم.',
    ORGANISATION_CONFLICT: 'هناك منظمة مسجّلة بالفعل بهذا الاسم.',
    GOVERNMENT_ALREADY_VERIFIED:
      'حكومة هذه الدولة مسجّلة بالفعل وتم التحقق منها: اطلب من ممثليها إضافتك ممثلاً لها.',
    VERIFICATION_CONFLICT: 'لا يوجد تحقق يمكن إلغاؤه: لم يتم التحقق منه.',
    SUBMITTER_NOT_ACCEPTED:
      'لا تقبل فترة التعليقات هذه مساهمات من هذا النوع من المساهمين (تبيّن صفحتها من يحق له المساهمة): لم يُحفظ أي شيء.',
    PERIOD_NOT_FOUND: 'لا توجد فترة تعليقات بهذا المعرّف.',
    CAMPAIGN_NOT_FOUND: 'لا تتضمن فترة التعليقات هذه حملة بهذا المعرّف.',
    PERIOD_NOT_OPEN_YET: 'لم تُفتح فترة التعليقات هذه بعد: لم يُحفظ أي شيء.',
    PERIOD_NOT_CLOSED: 'لم تُغلق فترة التعليقات هذه بعد: تُنشر مساهماتها معًا بعد إغلاقها.',
    PERIOD_CLOSED: 'أُغلقت فترة التعليقات هذه: لم تُقبل المساهمة ولم يُحفظ أي شيء.',
    SUBMISSION_NOT_FOUND: 'لا توجد مساهمة بهذا المعرّف.',
    ANCHOR_INVALID: 'تعذّر العثور على الفقرة أو الكلمات المقتبسة في هذه الصيغة من المشروع.',
    IDEMPOTENCY_CONFLICT: 'سبق استخدام مفتاح منع التكرار هذا (idempotency key) لمساهمة أخرى.',
    ATTACHMENT_TOO_LARGE: 'حجم أحد المرفقات يتجاوز الحد المسموح به.',
    ATTACHMENT_TYPE:
      'يجب أن تكون المرفقات ملفات PDF أو DOCX أو ODT، ومحتوى هذا الملف ليس من أيٍّ منها.',
    MODERATION_CONFLICT: 'حالة هذه المساهمة لا تسمح بهذا الإجراء.',
    ATTACHMENT_NOT_FOUND: 'لا يوجد مرفق بهذا المعرّف.',
    LEGAL_TEXT_TYPE:
      'يجب أن يكون النص القانوني ملف PDF أو DOCX أو ODT أو نصاً عادياً (UTF-8) أو HTML، ومحتوى هذا الملف ليس من أيٍّ منها.',
    MEETING_NOT_FOUND: 'لا يوجد اجتماع بهذا المعرّف.',
    MEETING_CHANGED:
      'غيّر شخص آخر هذا الاجتماع أثناء تعديلك له: لم يُحفظ أي شيء. أعد تحميل الصفحة وأدخل تعديلك مرة أخرى.',
    MEETING_CANCELLED: 'أُلغي هذا الاجتماع: لم يعد من الممكن تغييره، ولم يُحفظ أي شيء.',
    SEARCH_QUERY_EMPTY: 'أدخل كلمة أو أكثر للبحث عنها (حروفاً أو أرقاماً، لا علامات ترقيم فقط).',
    SEARCH_QUERY_TOO_LONG: 'البحث طويل جداً: استخدم 200 حرف و24 كلمة على الأكثر.',
    PDF_UNAVAILABLE:
      'لا يمكن إنشاء ملف PDF على هذا الخادم: متصفح Chromium غير مثبت (اضبط PLENUM_CHROMIUM على مساره). نزّل صيغة HTML واطبعها بصيغة PDF من متصفحك، أو اختر DOCX.',
    DATABASE_UNAVAILABLE: 'يتعذر فتح قاعدة البيانات.',
    CONFIG_INVALID: 'التهيئة غير صالحة.',
    IMPORT_TOO_MANY_BLOCKS:
      'تحتوي الوثيقة على كتل (فقرات وعناوين وحواشٍ) أكثر مما يقبله استيراد واحد (200,000). قسّمها إلى عدة وثائق.',
    IMPORT_DOCX_TOO_LARGE_UNPACKED:
      'يتجاوز حجم ملف DOCX بعد فك ضغطه حد الاستيراد (25 MB من المحتوى، و2,000 جزء، و100 ضعف حجمه المضغوط).',
    IMPORT_BAD_AKN: 'الملف ليس وثيقة Akoma Ntoso 3.0 قابلة للقراءة: تذكر الرسالة أول مشكلة وسطرها.',
    IMPORT_BAD_PDF: 'الملف ليس وثيقة PDF قابلة للقراءة: قد يكون تالفاً أو مقطوعاً.',
    IMPORT_PDF_ENCRYPTED:
      'ملف PDF هذا محمي بكلمة مرور (مشفّر): لا يمكن قراءة نصه. أزل الحماية أو صدّر نسخة غير محمية ثم استوردها.',
    IMPORT_PDF_NO_TEXT:
      'لا يحتوي ملف PDF هذا على طبقة نصية: يبدو أنه صور ممسوحة ضوئياً. شغّل عليه التعرّف الضوئي على الحروف (OCR) أولاً، ثم استورد الملف الناتج.',
    IMPORT_PDF_TOO_MANY_PAGES:
      'يتجاوز عدد صفحات ملف PDF هذا ما يقبله الاستيراد الواحد (1,000 صفحة). قسّمه إلى عدة وثائق.',
    IMPORT_DRAFT_NOT_FOUND: 'لا توجد مسودة استيراد مفتوحة بهذا المعرّف: ربما نُشرت أو أُلغيت.',
    CORRECTION_INVALID: 'يتعذر إجراء هذا التصحيح على مسودة الاستيراد بحالتها الراهنة.',
    TEXT_FORBIDDEN_CHARACTER:
      'يحتوي النص على حرف لا يمكن حفظه: حرف تحكم (مثل NUL) أو بديل منفرد (surrogate) أو U+FFFE/U+FFFF. احذفه ثم أرسل النص مرة أخرى.',
    ATTACHMENT_UNSAFE:
      'تعذّر فحص أحد المرفقات بأمان: يحتوي أرشيفه على أجزاء كثيرة جداً (أكثر من 2,000)، أو يتجاوز حجمه بعد فك الضغط 20 MB أو 100 ضعف حجمه، أو استغرق فحصه وقتاً طويلاً جداً.',
    SUBMISSION_NOT_STORED:
      'رفضت قاعدة البيانات حفظ هذه المساهمة: لم يُحفظ أي شيء منها، ولم تتأثر أي مساهمة أخرى. أرسلها مرة أخرى؛ وإذا تكرر الخطأ فاكتب إلى الأمانة.',
    LOG_ENTRY_NOT_FOUND:
      'لا يحتوي سجل الشفافية على أي قيد، ولا على أي رأس شجرة موقّع، في هذا الموضع.',
    INTERNAL: 'حدث خطأ من جانبنا. لم يُغيَّر أي شيء.',
  },
  zh: {
    TOKEN_EXPIRED: '此 API 令牌已过期：请在账户页面创建新令牌。',
    TOKEN_SCOPE_MISSING: '此 API 令牌缺少该请求所需的权限范围。',
    UNKNOWN_FIELD: '请求包含此操作没有的字段。',
    EMAIL_UNVERIFIED:
      '请先确认您的电子邮件地址：打开 plenum 发给您的链接（可在账户页面上重新发送）。',
    LINK_INVALID: '此链接无效：已过期或已被使用。请申请新链接。',
    SIGN_IN_THROTTLED: '使用此电子邮件地址或从您的网络尝试登录的次数过多。请等待几分钟后再试。',
    RATE_LIMITED: '短时间内来自您的账户或网络的此类请求过多：此请求未被执行。请稍候再重新发送。',
    PASSWORD_CHECKS_BUSY: '服务器此刻正在核对过多的密码。请几秒钟后重试。',
    NOT_FOUND: '此地址下未找到任何内容。',
    PROCESS_NOT_FOUND: '没有具有此编号或名称的进程。',
    PROCESS_CONFLICT: '此 slug、名称或别名已被另一进程使用。',
    DOCUMENT_NOT_FOUND: '没有具有此编号的文件。',
    VERSION_NOT_FOUND: '没有具有此编号的版本。',
    LANGUAGE_VERSION_NOT_FOUND: '此版本没有所请求语文的文本。',
    BLOCK_NOT_FOUND: '没有具有此编号的文本块。',
    INVALID_REQUEST: '请求无效。',
    INVALID_ID: '这不是有效的编号。',
    PAYLOAD_TOO_LARGE: '请求正文过大。',
    IMPORT_FILE_NOT_FOUND: '无法读取要导入的文件。',
    IMPORT_EMPTY: '文件为空：没有可导入的内容。',
    IMPORT_TOO_LARGE: '文件超出导入大小限制（文本为 20 MB，DOCX 和 PDF 为 40 MB）。',
    IMPORT_BINARY:
      '该文件似乎是二进制数据，而不是文本。请导入从 PDF 或 Word 文件中提取的纯文本、Markdown、DOCX 或 PDF 文件。',
    IMPORT_INVALID_UTF8: '该文件不是有效的 UTF-8 文本。请将其另存为 UTF-8 格式后重新导入。',
    IMPORT_BAD_DOCX: '该文件不是可读取的 DOCX 文档（即另存为 .docx 格式的 Word 文件）。',
    IMPORT_UNSUPPORTED_FORMAT: '不支持此格式。请使用 text、markdown、docx 或 pdf。',
    IMPORT_NO_CONTENT: '文件中未找到任何段落、标题或脚注。',
    IMPORT_CONFLICT: '此版本在该语文中已有内容。',
    SIGN_IN_REQUIRED: '请先登录再执行此操作。',
    SIGN_IN_FAILED: '电子邮件地址或密码错误。',
    FORBIDDEN: '您的账户不具备执行此操作所需的角色。',
    CSRF_FAILED: '无法核验此表单（其安全令牌缺失或已过期）。请返回上一页，重新加载页面后再次提交。',
    ACCOUNT_EXISTS: '使用此电子邮件地址的账户已存在。',
    ACCOUNT_NOT_FOUND: '没有使用此电子邮件地址的账户。',
    STANCE_SOURCE_NOT_FOUND: '没有具有此编号的公开段落或已发布意见。',
    WATCH_NOT_FOUND: '您没有此地址的关注项。',
    WEBHOOK_ADDRESS_REFUSED: 'Webhook 只能发送到公共互联网地址。',
    CONCEPT_NOT_FOUND: '没有此名称的概念。',
    CONCEPT_CONFLICT: '分类体系中已有此项。',
    MEASURE_NOT_FOUND: '登记册中没有此编号的措施。',
    MEASURE_CONFLICT: '其他人在此期间修订了此措施：请阅读其最新版本后重试。',
    ROUND_NOT_FOUND: '没有此编号的问卷轮次。',
    ROUND_NOT_OPEN_YET: '此问卷轮次尚未开放：未存储任何内容。',
    ROUND_CLOSED: '此问卷轮次已结束：答复未被接受，未存储任何内容。',
    ANSWER_SUBMITTED: '此答复已提交，不能再更改。',
    COUNTRY_NOT_FOUND: '没有具有此 ISO 3166-1 alpha-3 代码的会员国或观察员国。',
    ORGANISATION_NOT_FOUND: '没有具有此编号或名称的组织。',
    ORGANISATION_CONFLICT: '已有同名组织登记。',
    GOVERNMENT_ALREADY_VERIFIED: '该国政府已登记并经核实：请其代表将您添加为代表。',
    VERIFICATION_CONFLICT: '没有可撤销的核实：尚未核实。',
    SUBMITTER_NOT_ACCEPTED:
      '此评论期不接受此类提交者的提交材料（其页面说明谁可以提交）：未存储任何内容。',
    PERIOD_NOT_FOUND: '没有具有此编号的评论期。',
    CAMPAIGN_NOT_FOUND: '此评论期没有具有此编号的联署活动。',
    PERIOD_NOT_OPEN_YET: '此评论期尚未开始：未存储任何内容。',
    PERIOD_NOT_CLOSED: '此评论期尚未截止：截止后才能一并公布其提交材料。',
    PERIOD_CLOSED: '此评论期已截止：提交材料未被接受，未存储任何内容。',
    SUBMISSION_NOT_FOUND: '没有具有此编号的提交材料。',
    ANCHOR_INVALID: '在此版本草案中找不到该段落或所引用的文字。',
    IDEMPOTENCY_CONFLICT: '此幂等键已用于另一份提交材料。',
    ATTACHMENT_TOO_LARGE: '有附件超出大小限制。',
    ATTACHMENT_TYPE: '附件必须是 PDF、DOCX 或 ODT 文件；此文件的内容不属于其中任何一种。',
    MODERATION_CONFLICT: '此提交材料当前所处的状态不允许执行此操作。',
    ATTACHMENT_NOT_FOUND: '没有具有此编号的附件。',
    LEGAL_TEXT_TYPE:
      '法律文本必须是 PDF、DOCX、ODT、纯文本（UTF-8）或 HTML 文件；此文件的内容不属于其中任何一种。',
    MEETING_NOT_FOUND: '没有具有此编号的会议。',
    MEETING_CHANGED:
      '在您编辑期间，其他人更改了此会议：未存储任何内容。请重新加载页面后再次进行更改。',
    MEETING_CANCELLED: '此会议已取消：不能再更改，未存储任何内容。',
    SEARCH_QUERY_EMPTY: '请输入一个或多个要搜索的词（字母、汉字或数字，不能只有标点）。',
    SEARCH_QUERY_TOO_LONG: '搜索内容过长：最多 200 个字符、24 个词。',
    PDF_UNAVAILABLE:
      '此服务器无法生成 PDF：未安装 Chromium（请将 PLENUM_CHROMIUM 设为其路径）。请下载 HTML 并在浏览器中打印为 PDF，或选择 DOCX。',
    DATABASE_UNAVAILABLE: '无法打开数据库。',
    CONFIG_INVALID: '配置无效。',
    IMPORT_TOO_MANY_BLOCKS:
      '该文件的块（段落、标题、脚注）数量超过单次导入的上限（200,000）。请将其拆分为几份文件。',
    IMPORT_DOCX_TOO_LARGE_UNPACKED:
      '该 DOCX 文件解压后超出导入限制（内容 25 MB、2,000 个部件、压缩大小的 100 倍）。',
    IMPORT_BAD_AKN: '该文件不是可读取的 Akoma Ntoso 3.0 文档：消息指出第一个问题及其所在行。',
    IMPORT_BAD_PDF: '该文件不是可读取的 PDF 文档：可能已损坏或不完整。',
    IMPORT_PDF_ENCRYPTED:
      '该 PDF 文件受密码保护（已加密），无法读取其文本。请解除保护或导出未加密的副本后再导入。',
    IMPORT_PDF_NO_TEXT:
      '该 PDF 文件没有文本层：它似乎是扫描图像。请先进行光学字符识别（OCR），再导入生成的文件。',
    IMPORT_PDF_TOO_MANY_PAGES:
      '该 PDF 文件的页数超出单次导入的上限（1,000 页）。请将其拆分为多个文档。',
    IMPORT_DRAFT_NOT_FOUND: '没有此标识符的未结导入草稿：它可能已发布或已放弃。',
    CORRECTION_INVALID: '无法对当前状态的导入草稿作此更正。',
    TEXT_FORBIDDEN_CHARACTER:
      '文本中含有无法存储的字符：控制字符（如 NUL）、孤立代理项或 U+FFFE/U+FFFF。请删除该字符后重新发送。',
    ATTACHMENT_UNSAFE:
      '无法安全地检查某个附件：其压缩包部件过多（超过 2,000 个），解压后超过 20 MB 或超过其大小的 100 倍，或检查耗时过长。',
    SUBMISSION_NOT_STORED:
      '数据库拒绝存储此提交材料：其内容均未保留，其他提交材料不受影响。请重新发送；如再次失败，请致函秘书处。',
    LOG_ENTRY_NOT_FOUND: '透明日志在此位置没有条目，也没有已签名的树头。',
    INTERNAL: '我方出现错误。未作任何更改。',
  },
  fr: {
    TOKEN_EXPIRED: 'Ce jeton d’API a expiré : créez-en un nouveau sur la page de votre compte.',
    TOKEN_SCOPE_MISSING: 'Ce jeton d’API n’a pas la portée que cette requête exige.',
    UNKNOWN_FIELD: 'La requête contient un champ que cette opération ne connaît pas.',
    EMAIL_UNVERIFIED:
      'Confirmez d’abord votre adresse électronique : suivez le lien que plenum vous a envoyé (la page de votre compte le renvoie).',
    LINK_INVALID: 'Ce lien n’est pas valide : il a expiré ou a déjà servi. Demandez-en un nouveau.',
    SIGN_IN_THROTTLED:
      'Trop de tentatives de connexion ont été faites avec cette adresse électronique ou depuis votre réseau. Attendez quelques minutes, puis réessayez.',
    RATE_LIMITED:
      'Trop de requêtes de ce type sont venues de votre compte ou de votre réseau en peu de temps : celle-ci n’a pas été exécutée. Attendez un peu, puis envoyez-la de nouveau.',
    PASSWORD_CHECKS_BUSY:
      'Le serveur vérifie trop de mots de passe en ce moment. Réessayez dans quelques secondes.',
    NOT_FOUND: 'Rien n’a été trouvé à cette adresse.',
    PROCESS_NOT_FOUND: 'Aucun processus ne porte cet identifiant ou ce nom.',
    PROCESS_CONFLICT: 'Un autre processus utilise déjà ce slug, ce nom ou cet alias.',
    DOCUMENT_NOT_FOUND: 'Aucun document ne porte cet identifiant.',
    VERSION_NOT_FOUND: 'Aucune version ne porte cet identifiant.',
    LANGUAGE_VERSION_NOT_FOUND: 'Cette version n’existe pas dans la langue demandée.',
    BLOCK_NOT_FOUND: 'Aucun bloc ne porte cet identifiant.',
    INVALID_REQUEST: 'La requête n’est pas valide.',
    INVALID_ID: 'Cet identifiant n’est pas valide.',
    PAYLOAD_TOO_LARGE: 'Le corps de la requête est trop volumineux.',
    IMPORT_FILE_NOT_FOUND: 'Le fichier à importer ne peut pas être lu.',
    IMPORT_EMPTY: 'Le fichier est vide : il n’y a rien à importer.',
    IMPORT_TOO_LARGE:
      'Le fichier dépasse la limite d’importation (20 MB pour du texte, 40 MB pour un fichier DOCX ou PDF).',
    IMPORT_BINARY:
      'Le fichier semble contenir des données binaires et non du texte. Importez du texte brut extrait d’un fichier PDF ou Word, du Markdown, un fichier DOCX ou un fichier PDF.',
    IMPORT_INVALID_UTF8:
      'Le fichier n’est pas un texte UTF-8 valide. Enregistrez-le en UTF-8 et importez-le à nouveau.',
    IMPORT_BAD_DOCX:
      'Le fichier n’est pas un document DOCX lisible (un fichier Word enregistré au format .docx).',
    IMPORT_UNSUPPORTED_FORMAT:
      'Ce format n’est pas pris en charge. Utilisez text, markdown, docx ou pdf.',
    IMPORT_NO_CONTENT:
      'Aucun paragraphe, titre ou note de bas de page n’a été trouvé dans le fichier.',
    IMPORT_CONFLICT: 'Cette version a déjà un contenu dans cette langue.',
    SIGN_IN_REQUIRED: 'Connectez-vous pour effectuer cette action.',
    SIGN_IN_FAILED: 'L’adresse électronique ou le mot de passe est incorrect.',
    FORBIDDEN: 'Votre compte n’a pas le rôle requis pour cette action.',
    CSRF_FAILED:
      'Le formulaire n’a pas pu être vérifié (son jeton de sécurité est manquant ou périmé). Revenez en arrière, rechargez la page et envoyez-le à nouveau.',
    ACCOUNT_EXISTS: 'Un compte existe déjà avec cette adresse électronique.',
    ACCOUNT_NOT_FOUND: 'Aucun compte n’est associé à cette adresse électronique.',
    STANCE_SOURCE_NOT_FOUND:
      'Aucun paragraphe public ni aucune contribution publiée ne porte cet identifiant.',
    WATCH_NOT_FOUND: "Vous n'avez aucune veille à cette adresse.",
    WEBHOOK_ADDRESS_REFUSED:
      'Les webhooks ne sont envoyés qu’à des adresses publiques de l’Internet.',
    CONCEPT_NOT_FOUND: 'Aucun concept ne porte ce nom.',
    CONCEPT_CONFLICT: 'La taxonomie contient déjà cet élément.',
    MEASURE_NOT_FOUND: 'Il n’y a pas de mesure portant cet identifiant dans le registre.',
    MEASURE_CONFLICT:
      'Quelqu’un a révisé cette mesure entre-temps : lisez sa dernière version et réessayez.',
    ROUND_NOT_FOUND: 'Il n’y a pas de cycle de questionnaire portant cet identifiant.',
    ROUND_NOT_OPEN_YET:
      'Ce cycle de questionnaire n’est pas encore ouvert : rien n’a été enregistré.',
    ROUND_CLOSED:
      'Ce cycle de questionnaire est clos : la réponse n’a pas été acceptée et rien n’a été enregistré.',
    ANSWER_SUBMITTED: 'Cette réponse a été soumise : elle ne peut plus être modifiée.',
    COUNTRY_NOT_FOUND: 'Aucun État membre ou observateur ne porte ce code ISO 3166-1 alpha-3.',
    ORGANISATION_NOT_FOUND: 'Aucune organisation ne porte cet identifiant ou ce nom.',
    ORGANISATION_CONFLICT: 'Une organisation portant ce nom est déjà enregistrée.',
    GOVERNMENT_ALREADY_VERIFIED:
      'Le gouvernement de cet État est déjà enregistré et vérifié : demandez à ses représentants de vous ajouter comme représentant.',
    VERIFICATION_CONFLICT: 'Il n’y a pas de vérification à révoquer : ce n’est pas vérifié.',
    SUBMITTER_NOT_ACCEPTED:
      'Cette période de commentaires n’accepte pas les contributions de ce type d’auteur (sa page indique qui peut contribuer) : rien n’a été enregistré.',
    PERIOD_NOT_FOUND: 'Aucune période de commentaires ne porte cet identifiant.',
    CAMPAIGN_NOT_FOUND:
      'Cette période de commentaires n’a aucune campagne portant cet identifiant.',
    PERIOD_NOT_OPEN_YET:
      'Cette période de commentaires n’est pas encore ouverte : rien n’a été enregistré.',
    PERIOD_NOT_CLOSED:
      'Cette période de commentaires n’est pas close : ses contributions sont publiées ensemble une fois qu’elle l’est.',
    PERIOD_CLOSED:
      'Cette période de commentaires est close : la contribution n’a pas été acceptée et rien n’a été enregistré.',
    SUBMISSION_NOT_FOUND: 'Aucune contribution ne porte cet identifiant.',
    ANCHOR_INVALID:
      'Le paragraphe ou les mots cités sont introuvables dans cette version du projet.',
    IDEMPOTENCY_CONFLICT:
      'Cette clé d’idempotence a déjà été utilisée pour une autre contribution.',
    ATTACHMENT_TOO_LARGE: 'Une pièce jointe dépasse la taille maximale autorisée.',
    ATTACHMENT_TYPE:
      'Les pièces jointes doivent être des fichiers PDF, DOCX ou ODT ; le contenu de ce fichier ne correspond à aucun de ces formats.',
    MODERATION_CONFLICT: 'L’état de cette contribution ne permet pas cette action.',
    ATTACHMENT_NOT_FOUND: 'Aucune pièce jointe ne porte cet identifiant.',
    LEGAL_TEXT_TYPE:
      'Un texte juridique doit être un fichier PDF, DOCX, ODT, texte brut (UTF-8) ou HTML ; le contenu de ce fichier ne correspond à aucun de ces formats.',
    MEETING_NOT_FOUND: 'Aucune réunion ne porte cet identifiant.',
    MEETING_CHANGED:
      'Quelqu’un d’autre a modifié cette réunion pendant que vous la modifiiez : rien n’a été enregistré. Rechargez la page et refaites votre modification.',
    MEETING_CANCELLED:
      'Cette réunion est annulée : elle ne peut plus être modifiée, et rien n’a été enregistré.',
    SEARCH_QUERY_EMPTY:
      'Saisissez un ou plusieurs mots à rechercher (des lettres ou des chiffres, pas seulement de la ponctuation).',
    SEARCH_QUERY_TOO_LONG: 'La recherche est trop longue : 200 caractères et 24 mots au plus.',
    PDF_UNAVAILABLE:
      'Le PDF ne peut pas être produit sur ce serveur : Chromium n’est pas installé (indiquez son chemin dans PLENUM_CHROMIUM). Téléchargez le HTML et imprimez-le en PDF depuis votre navigateur, ou choisissez DOCX.',
    DATABASE_UNAVAILABLE: 'La base de données ne peut pas être ouverte.',
    CONFIG_INVALID: 'La configuration n’est pas valide.',
    IMPORT_TOO_MANY_BLOCKS:
      'Le document compte plus de blocs (paragraphes, titres, notes) qu’une importation n’en accepte (200 000). Divisez-le en plusieurs documents.',
    IMPORT_DOCX_TOO_LARGE_UNPACKED:
      'Une fois décompressé, le fichier DOCX dépasse la limite d’importation (25 MB de contenu, 2 000 parties, 100 fois sa taille compressée).',
    IMPORT_BAD_AKN:
      'Le fichier n’est pas un document Akoma Ntoso 3.0 lisible : le message indique le premier problème et sa ligne.',
    IMPORT_BAD_PDF:
      'Le fichier n’est pas un document PDF lisible : il est peut-être endommagé ou tronqué.',
    IMPORT_PDF_ENCRYPTED:
      'Ce fichier PDF est protégé par un mot de passe (chiffré) : son texte ne peut pas être lu. Retirez la protection ou exportez une copie non protégée, puis importez-la.',
    IMPORT_PDF_NO_TEXT:
      'Ce fichier PDF n’a pas de couche de texte : il semble fait d’images numérisées. Passez-le d’abord à la reconnaissance optique de caractères (OCR), puis importez le résultat.',
    IMPORT_PDF_TOO_MANY_PAGES:
      'Ce fichier PDF a plus de pages qu’une importation n’en accepte (1 000). Divisez-le en plusieurs documents.',
    IMPORT_DRAFT_NOT_FOUND:
      'Aucun brouillon d’importation ouvert ne porte cet identifiant : il a peut-être été publié ou abandonné.',
    CORRECTION_INVALID:
      'Cette correction ne peut pas être apportée au brouillon d’importation dans son état actuel.',
    TEXT_FORBIDDEN_CHARACTER:
      'Le texte contient un caractère qui ne peut pas être enregistré : un caractère de commande (comme NUL), un demi-codet isolé ou U+FFFE/U+FFFF. Supprimez-le et envoyez le texte à nouveau.',
    ATTACHMENT_UNSAFE:
      'Une pièce jointe n’a pas pu être vérifiée sans risque : son archive compte trop de parties (plus de 2 000), se décompresse en plus de 20 MB ou en plus de 100 fois sa taille, ou sa vérification a pris trop de temps.',
    SUBMISSION_NOT_STORED:
      'La base de données a refusé d’enregistrer cette contribution : rien n’en a été conservé, et aucune autre contribution n’a été touchée. Envoyez-la à nouveau ; si l’erreur se répète, écrivez au secrétariat.',
    LOG_ENTRY_NOT_FOUND:
      'Le journal de transparence n’a ni entrée ni tête d’arbre signée à cette position.',
    INTERNAL: 'Une erreur s’est produite de notre côté. Rien n’a été modifié.',
  },
  ru: {
    TOKEN_EXPIRED:
      'Срок действия этого токена API истёк: создайте новый на странице своей учётной записи.',
    TOKEN_SCOPE_MISSING: 'У этого токена API нет области действия, нужной для этого запроса.',
    UNKNOWN_FIELD: 'В запросе есть поле, которого у этой операции нет.',
    EMAIL_UNVERIFIED:
      'Сначала подтвердите адрес электронной почты: перейдите по ссылке, которую вам отправил plenum (страница учетной записи отправит ее еще раз).',
    LINK_INVALID:
      'Эта ссылка недействительна: срок ее действия истек или она уже использована. Запросите новую.',
    SIGN_IN_THROTTLED:
      'Слишком много попыток входа с этим адресом электронной почты или из вашей сети. Подождите несколько минут и повторите попытку.',
    RATE_LIMITED:
      'За короткое время из вашей учетной записи или сети поступило слишком много запросов этого вида: этот запрос не выполнен. Подождите немного и отправьте его снова.',
    PASSWORD_CHECKS_BUSY:
      'Сервер сейчас проверяет слишком много паролей. Повторите попытку через несколько секунд.',
    NOT_FOUND: 'По этому адресу ничего не найдено.',
    PROCESS_NOT_FOUND: 'Процесса с таким идентификатором или названием нет.',
    PROCESS_CONFLICT: 'Такой slug, название или псевдоним уже использует другой процесс.',
    DOCUMENT_NOT_FOUND: 'Документа с таким идентификатором нет.',
    VERSION_NOT_FOUND: 'Версии с таким идентификатором нет.',
    LANGUAGE_VERSION_NOT_FOUND: 'Этой версии нет на запрошенном языке.',
    BLOCK_NOT_FOUND: 'Блока с таким идентификатором нет.',
    INVALID_REQUEST: 'Недопустимый запрос.',
    INVALID_ID: 'Это недопустимый идентификатор.',
    PAYLOAD_TOO_LARGE: 'Тело запроса слишком велико.',
    IMPORT_FILE_NOT_FOUND: 'Не удается прочитать файл для импорта.',
    IMPORT_EMPTY: 'Файл пуст: импортировать нечего.',
    IMPORT_TOO_LARGE:
      'Файл превышает допустимый для импорта размер (20 MB для текста, 40 MB для DOCX и PDF).',
    IMPORT_BINARY:
      'Файл, по-видимому, содержит двоичные данные, а не текст. Импортируйте обычный текст, извлеченный из файла PDF или Word, Markdown, файл DOCX или файл PDF.',
    IMPORT_INVALID_UTF8:
      'Файл не является допустимым текстом в кодировке UTF-8. Сохраните его в UTF-8 и импортируйте снова.',
    IMPORT_BAD_DOCX:
      'Файл не является читаемым документом DOCX (файлом Word, сохраненным в формате .docx).',
    IMPORT_UNSUPPORTED_FORMAT:
      'Этот формат не поддерживается. Используйте text, markdown, docx или pdf.',
    IMPORT_NO_CONTENT: 'В файле не найдено ни пунктов, ни заголовков, ни сносок.',
    IMPORT_CONFLICT: 'У этой версии уже есть содержимое на этом языке.',
    SIGN_IN_REQUIRED: 'Войдите, чтобы выполнить это действие.',
    SIGN_IN_FAILED: 'Неверный адрес электронной почты или пароль.',
    FORBIDDEN: 'У вашей учетной записи нет роли, необходимой для этого действия.',
    CSRF_FAILED:
      'Не удалось проверить форму (ее токен безопасности отсутствует или устарел). Вернитесь назад, обновите страницу и отправьте форму снова.',
    ACCOUNT_EXISTS: 'Учетная запись с этим адресом электронной почты уже существует.',
    ACCOUNT_NOT_FOUND: 'Учетной записи с этим адресом электронной почты нет.',
    STANCE_SOURCE_NOT_FOUND:
      'Общедоступного пункта или опубликованного материала с таким идентификатором нет.',
    WATCH_NOT_FOUND: 'У вас нет подписки с таким адресом.',
    WEBHOOK_ADDRESS_REFUSED: 'Веб-хуки отправляются только на публичные адреса в интернете.',
    CONCEPT_NOT_FOUND: 'Понятия с таким названием нет.',
    CONCEPT_CONFLICT: 'Это уже есть в таксономии.',
    MEASURE_NOT_FOUND: 'В реестре нет меры с таким идентификатором.',
    MEASURE_CONFLICT:
      'Кто-то тем временем изменил эту меру: прочтите её последнюю версию и повторите попытку.',
    ROUND_NOT_FOUND: 'Нет раунда анкетирования с таким идентификатором.',
    ROUND_NOT_OPEN_YET: 'Этот раунд анкетирования ещё не открыт: ничего не сохранено.',
    ROUND_CLOSED: 'Этот раунд анкетирования закрыт: ответ не принят, ничего не сохранено.',
    ANSWER_SUBMITTED: 'Этот ответ отправлен: изменить его больше нельзя.',
    COUNTRY_NOT_FOUND:
      'Государства-члена или государства-наблюдателя с таким кодом ISO 3166-1 alpha-3 нет.',
    ORGANISATION_NOT_FOUND: 'Организации с таким идентификатором или названием нет.',
    ORGANISATION_CONFLICT: 'Организация с таким названием уже зарегистрирована.',
    GOVERNMENT_ALREADY_VERIFIED:
      'Правительство этого государства уже зарегистрировано и проверено: попросите его представителей добавить вас в качестве представителя.',
    VERIFICATION_CONFLICT: 'Отзывать нечего: проверка не проводилась.',
    SUBMITTER_NOT_ACCEPTED:
      'В этот период для замечаний материалы от такого рода авторов не принимаются (на его странице указано, кто может их представлять): ничего не сохранено.',
    PERIOD_NOT_FOUND: 'Периода для замечаний с таким идентификатором нет.',
    CAMPAIGN_NOT_FOUND: 'В этом периоде для замечаний нет кампании с таким идентификатором.',
    PERIOD_NOT_OPEN_YET: 'Этот период для замечаний еще не открыт: ничего не сохранено.',
    PERIOD_NOT_CLOSED:
      'Этот период для замечаний ещё не закрыт: его материалы публикуются вместе после закрытия.',
    PERIOD_CLOSED: 'Этот период для замечаний закрыт: материал не принят, ничего не сохранено.',
    SUBMISSION_NOT_FOUND: 'Материала с таким идентификатором нет.',
    ANCHOR_INVALID: 'Пункт или цитируемые слова не найдены в этой версии проекта.',
    IDEMPOTENCY_CONFLICT: 'Этот ключ идемпотентности уже использован для другого материала.',
    ATTACHMENT_TOO_LARGE: 'Размер вложения превышает допустимый предел.',
    ATTACHMENT_TYPE:
      'Вложения должны быть файлами PDF, DOCX или ODT; содержимое этого файла не соответствует ни одному из этих форматов.',
    MODERATION_CONFLICT: 'Текущий статус этого материала не позволяет выполнить это действие.',
    ATTACHMENT_NOT_FOUND: 'Вложения с таким идентификатором нет.',
    LEGAL_TEXT_TYPE:
      'Правовой текст должен быть файлом PDF, DOCX, ODT, простым текстом (UTF-8) или HTML; содержимое этого файла не соответствует ни одному из этих форматов.',
    MEETING_NOT_FOUND: 'Заседания с таким идентификатором нет.',
    MEETING_CHANGED:
      'Пока вы редактировали это заседание, его изменил кто-то другой: ничего не сохранено. Перезагрузите страницу и внесите изменение снова.',
    MEETING_CANCELLED: 'Это заседание отменено: его больше нельзя изменить, ничего не сохранено.',
    SEARCH_QUERY_EMPTY:
      'Введите одно или несколько слов для поиска (буквы или цифры, а не только знаки препинания).',
    SEARCH_QUERY_TOO_LONG: 'Слишком длинный запрос: не более 200 символов и 24 слов.',
    PDF_UNAVAILABLE:
      'На этом сервере нельзя создать PDF: Chromium не установлен (укажите путь к нему в PLENUM_CHROMIUM). Скачайте HTML и распечатайте его в PDF из браузера или выберите DOCX.',
    DATABASE_UNAVAILABLE: 'Не удается открыть базу данных.',
    CONFIG_INVALID: 'Недопустимая конфигурация.',
    IMPORT_TOO_MANY_BLOCKS:
      'В документе больше блоков (пунктов, заголовков, сносок), чем допускает один импорт (200 000). Разделите его на несколько документов.',
    IMPORT_DOCX_TOO_LARGE_UNPACKED:
      'В распакованном виде файл DOCX превышает допустимый для импорта размер (25 MB содержимого, 2 000 частей, в 100 раз больше сжатого размера).',
    IMPORT_BAD_AKN:
      'Файл не является читаемым документом Akoma Ntoso 3.0: в сообщении указаны первая ошибка и её строка.',
    IMPORT_BAD_PDF: 'Файл не является читаемым документом PDF: возможно, он поврежден или обрезан.',
    IMPORT_PDF_ENCRYPTED:
      'Этот файл PDF защищен паролем (зашифрован): его текст нельзя прочитать. Снимите защиту или экспортируйте незащищенную копию и импортируйте ее.',
    IMPORT_PDF_NO_TEXT:
      'В этом файле PDF нет текстового слоя: по-видимому, он состоит из отсканированных изображений. Сначала выполните оптическое распознавание текста (OCR), затем импортируйте результат.',
    IMPORT_PDF_TOO_MANY_PAGES:
      'В этом файле PDF больше страниц, чем принимает один импорт (1 000). Разделите его на несколько документов.',
    IMPORT_DRAFT_NOT_FOUND:
      'Открытого черновика импорта с таким идентификатором нет: возможно, он опубликован или отменён.',
    CORRECTION_INVALID: 'Это исправление невозможно внести в черновик импорта в его нынешнем виде.',
    TEXT_FORBIDDEN_CHARACTER:
      'Текст содержит символ, который невозможно сохранить: управляющий символ (например, NUL), одиночный суррогат или U+FFFE/U+FFFF. Удалите его и отправьте текст снова.',
    ATTACHMENT_UNSAFE:
      'Вложение не удалось безопасно проверить: в его архиве слишком много частей (более 2 000), в распакованном виде оно превышает 20 MB или свой размер более чем в 100 раз, либо проверка заняла слишком много времени.',
    SUBMISSION_NOT_STORED:
      'База данных отказалась сохранить этот материал: ничего из него не сохранено, другие материалы не затронуты. Отправьте его снова; если ошибка повторится, напишите в секретариат.',
    LOG_ENTRY_NOT_FOUND:
      'В журнале прозрачности нет ни записи, ни подписанной вершины дерева в этой позиции.',
    INTERNAL: 'На нашей стороне произошла ошибка. Ничего не изменено.',
  },
  es: {
    TOKEN_EXPIRED: 'Este token de la API ha caducado: cree uno nuevo en la página de su cuenta.',
    TOKEN_SCOPE_MISSING: 'Este token de la API no tiene el ámbito que esta solicitud requiere.',
    UNKNOWN_FIELD: 'La solicitud tiene un campo que esta operación no tiene.',
    EMAIL_UNVERIFIED:
      'Confirme primero su dirección de correo electrónico: siga el enlace que plenum le envió (la página de su cuenta lo envía de nuevo).',
    LINK_INVALID: 'Este enlace no es válido: ha caducado o ya se utilizó. Pida uno nuevo.',
    SIGN_IN_THROTTLED:
      'Se han hecho demasiados intentos de inicio de sesión con esta dirección de correo electrónico o desde su red. Espere unos minutos y vuelva a intentarlo.',
    RATE_LIMITED:
      'Han llegado demasiadas solicitudes de este tipo desde su cuenta o su red en poco tiempo: esta no se ha ejecutado. Espere un poco y vuelva a enviarla.',
    PASSWORD_CHECKS_BUSY:
      'El servidor está comprobando demasiadas contraseñas en este momento. Vuelva a intentarlo dentro de unos segundos.',
    NOT_FOUND: 'No se ha encontrado nada en esta dirección.',
    PROCESS_NOT_FOUND: 'No hay ningún proceso con este identificador o nombre.',
    PROCESS_CONFLICT: 'Otro proceso ya utiliza este slug, nombre o alias.',
    DOCUMENT_NOT_FOUND: 'No hay ningún documento con este identificador.',
    VERSION_NOT_FOUND: 'No hay ninguna versión con este identificador.',
    LANGUAGE_VERSION_NOT_FOUND: 'Esta versión no existe en el idioma solicitado.',
    BLOCK_NOT_FOUND: 'No hay ningún bloque con este identificador.',
    INVALID_REQUEST: 'La solicitud no es válida.',
    INVALID_ID: 'Este identificador no es válido.',
    PAYLOAD_TOO_LARGE: 'El cuerpo de la solicitud es demasiado grande.',
    IMPORT_FILE_NOT_FOUND: 'No se puede leer el archivo que se va a importar.',
    IMPORT_EMPTY: 'El archivo está vacío: no hay nada que importar.',
    IMPORT_TOO_LARGE:
      'El archivo supera el límite de importación (20 MB de texto, 40 MB para DOCX y PDF).',
    IMPORT_BINARY:
      'El archivo parece contener datos binarios, no texto. Importe texto sin formato extraído de un archivo PDF o Word, Markdown, un archivo DOCX o un archivo PDF.',
    IMPORT_INVALID_UTF8:
      'El archivo no es texto UTF-8 válido. Guárdelo como UTF-8 e impórtelo de nuevo.',
    IMPORT_BAD_DOCX:
      'El archivo no es un documento DOCX legible (un archivo de Word guardado como .docx).',
    IMPORT_UNSUPPORTED_FORMAT: 'Este formato no es compatible. Utilice text, markdown, docx o pdf.',
    IMPORT_NO_CONTENT:
      'No se han encontrado párrafos, encabezados ni notas de pie de página en el archivo.',
    IMPORT_CONFLICT: 'Esta versión ya tiene contenido en este idioma.',
    SIGN_IN_REQUIRED: 'Inicie sesión para hacer esto.',
    SIGN_IN_FAILED: 'La dirección de correo electrónico o la contraseña no son correctas.',
    FORBIDDEN: 'Su cuenta no tiene la función necesaria para hacer esto.',
    CSRF_FAILED:
      'No se ha podido verificar el formulario (falta su token de seguridad o ha caducado). Vuelva atrás, recargue la página y envíelo de nuevo.',
    ACCOUNT_EXISTS: 'Ya existe una cuenta con esta dirección de correo electrónico.',
    ACCOUNT_NOT_FOUND: 'No hay ninguna cuenta con esta dirección de correo electrónico.',
    STANCE_SOURCE_NOT_FOUND:
      'No hay ningún párrafo público ni contribución publicada con este identificador.',
    WATCH_NOT_FOUND: 'No tiene ninguna alerta con esta dirección.',
    WEBHOOK_ADDRESS_REFUSED: 'Los webhooks solo se envían a direcciones públicas de Internet.',
    CONCEPT_NOT_FOUND: 'No hay ningún concepto con este nombre.',
    CONCEPT_CONFLICT: 'La taxonomía ya contiene este elemento.',
    MEASURE_NOT_FOUND: 'No hay ninguna medida con este identificador en el registro.',
    MEASURE_CONFLICT:
      'Alguien revisó esta medida entretanto: lea su última versión y vuelva a intentarlo.',
    ROUND_NOT_FOUND: 'No hay ninguna ronda de cuestionario con este identificador.',
    ROUND_NOT_OPEN_YET: 'Esta ronda de cuestionario aún no está abierta: no se guardó nada.',
    ROUND_CLOSED:
      'Esta ronda de cuestionario ha cerrado: la respuesta no fue aceptada y no se guardó nada.',
    ANSWER_SUBMITTED: 'Esta respuesta ya se envió: no se puede modificar.',
    COUNTRY_NOT_FOUND:
      'No hay ningún Estado miembro u observador con este código ISO 3166-1 alfa-3.',
    ORGANISATION_NOT_FOUND: 'No hay ninguna organización con este identificador o nombre.',
    ORGANISATION_CONFLICT: 'Ya hay una organización registrada con este nombre.',
    GOVERNMENT_ALREADY_VERIFIED:
      'El gobierno de este Estado ya está registrado y verificado: pida a sus representantes que lo añadan como representante.',
    VERIFICATION_CONFLICT: 'No hay ninguna verificación que revocar: no está verificado.',
    SUBMITTER_NOT_ACCEPTED:
      'Este período de comentarios no acepta contribuciones de este tipo de remitente (su página indica quién puede contribuir): no se guardó nada.',
    PERIOD_NOT_FOUND: 'No hay ningún período de comentarios con este identificador.',
    CAMPAIGN_NOT_FOUND:
      'Este período de comentarios no tiene ninguna campaña con este identificador.',
    PERIOD_NOT_OPEN_YET: 'Este período de comentarios aún no está abierto: no se ha guardado nada.',
    PERIOD_NOT_CLOSED:
      'Este período de comentarios no se ha cerrado: sus comunicaciones se publican juntas una vez cerrado.',
    PERIOD_CLOSED:
      'Este período de comentarios ha concluido: no se ha aceptado la comunicación y no se ha guardado nada.',
    SUBMISSION_NOT_FOUND: 'No hay ninguna comunicación con este identificador.',
    ANCHOR_INVALID:
      'No se encuentran el párrafo o las palabras citadas en esta versión del proyecto.',
    IDEMPOTENCY_CONFLICT: 'Esta clave de idempotencia ya se ha utilizado para otra comunicación.',
    ATTACHMENT_TOO_LARGE: 'Un archivo adjunto supera el tamaño máximo.',
    ATTACHMENT_TYPE:
      'Los archivos adjuntos deben ser archivos PDF, DOCX u ODT; el contenido de este archivo no corresponde a ninguno de esos formatos.',
    MODERATION_CONFLICT: 'El estado de esta comunicación no permite esta acción.',
    ATTACHMENT_NOT_FOUND: 'No hay ningún archivo adjunto con este identificador.',
    LEGAL_TEXT_TYPE:
      'Un texto jurídico debe ser un archivo PDF, DOCX, ODT, de texto sin formato (UTF-8) o HTML; el contenido de este archivo no corresponde a ninguno de esos formatos.',
    MEETING_NOT_FOUND: 'No hay ninguna reunión con este identificador.',
    MEETING_CHANGED:
      'Otra persona modificó esta reunión mientras usted la editaba: no se guardó nada. Vuelva a cargar la página y haga de nuevo su cambio.',
    MEETING_CANCELLED: 'Esta reunión está cancelada: ya no se puede modificar y no se guardó nada.',
    SEARCH_QUERY_EMPTY:
      'Escriba una o más palabras para buscar (letras o cifras, no solo signos de puntuación).',
    SEARCH_QUERY_TOO_LONG:
      'La búsqueda es demasiado larga: 200 caracteres y 24 palabras como máximo.',
    PDF_UNAVAILABLE:
      'No se puede generar el PDF en este servidor: Chromium no está instalado (indique su ruta en PLENUM_CHROMIUM). Descargue el HTML e imprímalo en PDF desde su navegador, o elija DOCX.',
    DATABASE_UNAVAILABLE: 'No se puede abrir la base de datos.',
    CONFIG_INVALID: 'La configuración no es válida.',
    IMPORT_TOO_MANY_BLOCKS:
      'El documento tiene más bloques (párrafos, títulos, notas) de los que admite una importación (200.000). Divídalo en varios documentos.',
    IMPORT_DOCX_TOO_LARGE_UNPACKED:
      'Una vez descomprimido, el archivo DOCX supera el límite de importación (25 MB de contenido, 2.000 partes, 100 veces su tamaño comprimido).',
    IMPORT_BAD_AKN:
      'El archivo no es un documento Akoma Ntoso 3.0 legible: el mensaje indica el primer problema y su línea.',
    IMPORT_BAD_PDF: 'El archivo no es un documento PDF legible: puede estar dañado o truncado.',
    IMPORT_PDF_ENCRYPTED:
      'Este archivo PDF está protegido con contraseña (cifrado): no se puede leer su texto. Quite la protección o exporte una copia sin protección e impórtela.',
    IMPORT_PDF_NO_TEXT:
      'Este archivo PDF no tiene capa de texto: parece estar formado por imágenes escaneadas. Aplíquele primero el reconocimiento óptico de caracteres (OCR) y luego importe el resultado.',
    IMPORT_PDF_TOO_MANY_PAGES:
      'Este archivo PDF tiene más páginas de las que admite una importación (1.000). Divídalo en varios documentos.',
    IMPORT_DRAFT_NOT_FOUND:
      'No hay ningún borrador de importación abierto con este identificador: puede que se haya publicado o descartado.',
    CORRECTION_INVALID:
      'Esta corrección no puede aplicarse al borrador de importación en su estado actual.',
    TEXT_FORBIDDEN_CHARACTER:
      'El texto contiene un carácter que no se puede guardar: un carácter de control (como NUL), un sustituto aislado o U+FFFE/U+FFFF. Elimínelo y envíe el texto de nuevo.',
    ATTACHMENT_UNSAFE:
      'No se pudo comprobar de forma segura un archivo adjunto: su archivo comprimido tiene demasiadas partes (más de 2.000), se descomprime en más de 20 MB o en más de 100 veces su tamaño, o su comprobación tardó demasiado.',
    SUBMISSION_NOT_STORED:
      'La base de datos se negó a guardar esta comunicación: no se conservó nada de ella y ninguna otra comunicación se vio afectada. Envíela de nuevo; si vuelve a fallar, escriba a la secretaría.',
    LOG_ENTRY_NOT_FOUND:
      'El registro de transparencia no tiene ninguna entrada ni ninguna cabeza de árbol firmada en esta posición.',
    INTERNAL: 'Se ha producido un error por nuestra parte. No se ha modificado nada.',
  },
};
