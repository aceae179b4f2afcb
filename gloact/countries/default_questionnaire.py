"""The default readiness self-assessment questionnaire, loaded by migration 0002.

Written for gloact: about four questions for each pillar of the programme, in English with French,
Spanish, Russian, Arabic and Chinese translations. Administrators edit, translate or extend it in
the back office afterwards. This module imports no models, so that migrations can use it.
"""

LANGUAGES = ("fr", "es", "ru", "ar", "zh-hans")
QUESTIONNAIRE_CODE = "readiness-2026"
QUESTIONNAIRE_TITLE = (
    "Readiness self-assessment",
    "Auto-évaluation de l'état de préparation", "Autoevaluación del grado de preparación",
    "Самооценка готовности", "التقييم الذاتي لمدى الجاهزية", "准备程度自我评估",
)
SCALE = {str(n): n for n in range(5)}
YES_NO = {"yes": 4, "no": 0}


def translations(*texts: str) -> dict[str, str]:
    return dict(zip(LANGUAGES, texts, strict=True))


PILLARS = [
    ("strategy", "Strategy and policy", "Stratégie et politique", "Estrategia y política", "Стратегия и политика",
     "الاستراتيجية والسياسات", "战略与政策"),
    ("legislation", "Legislation", "Législation", "Legislación", "Законодательство", "التشريعات", "立法"),
    ("capacity", "Capacity", "Capacités", "Capacidad", "Потенциал", "القدرات", "能力"),
    ("cooperation", "Cooperation", "Coopération", "Cooperación", "Сотрудничество", "التعاون", "合作"),
    ("protection", "Protection and assistance", "Protection et assistance", "Protección y asistencia",
     "Защита и помощь", "الحماية والمساعدة", "保护与援助"),
    ("children", "Children", "Enfants", "Niños y niñas", "Дети", "الأطفال", "儿童"),
]

# (pillar, code, answer type, scoring, asks evidence, (en, fr, es, ru, ar, zh-hans), choices)
# choices: (code, points, (en, fr, es, ru, ar, zh-hans))
QUESTIONS = [
    ("strategy", "strategy-tip-plan", "yes_no", YES_NO, True, (
        "Is a national strategy or action plan against trafficking in persons in force?",
        "Une stratégie ou un plan d'action national contre la traite des personnes est-il en vigueur ?",
        "¿Está vigente una estrategia o un plan de acción nacional contra la trata de personas?",
        "Действует ли национальная стратегия или план действий по борьбе с торговлей людьми?",
        "هل توجد استراتيجية أو خطة عمل وطنية نافذة لمكافحة الاتجار بالأشخاص؟",
        "是否有现行的国家打击贩运人口战略或行动计划？",
    ), []),
    ("strategy", "strategy-som-plan", "yes_no", YES_NO, False, (
        "Does a national strategy or action plan address the smuggling of migrants?",
        "Une stratégie ou un plan d'action national traite-t-il du trafic illicite de migrants ?",
        "¿Alguna estrategia o plan de acción nacional aborda el tráfico ilícito de migrantes?",
        "Охватывает ли национальная стратегия или план действий незаконный ввоз мигрантов?",
        "هل تتناول استراتيجية أو خطة عمل وطنية تهريب المهاجرين؟",
        "是否有国家战略或行动计划涉及偷运移民问题？",
    ), []),
    ("strategy", "strategy-budget", "scale", SCALE, False, (
        "To what extent is the action plan funded from the national budget (0 not at all, 4 fully)?",
        "Dans quelle mesure le plan d'action est-il financé par le budget national (0 pas du tout, 4 entièrement) ?",
        "¿En qué medida se financia el plan de acción con el presupuesto nacional (0 nada, 4 totalmente)?",
        "В какой степени план действий финансируется из государственного бюджета (0 — совсем нет, 4 — полностью)?",
        "إلى أي مدى تُموَّل خطة العمل من الميزانية الوطنية (0 لا تُموَّل إطلاقًا، 4 تُموَّل بالكامل)؟",
        "行动计划在多大程度上由国家预算供资（0 完全没有，4 全部）？",
    ), []),
    ("strategy", "strategy-monitoring", "choice", {}, False, (
        "How is the implementation of the action plan monitored?",
        "Comment la mise en œuvre du plan d'action est-elle suivie ?",
        "¿Cómo se hace el seguimiento de la aplicación del plan de acción?",
        "Как осуществляется контроль за выполнением плана действий?",
        "كيف يجري رصد تنفيذ خطة العمل؟",
        "如何监测行动计划的执行情况？",
    ), [
        ("none", 0, ("It is not monitored", "Elle n'est pas suivie", "No se hace seguimiento",
                     "Контроль не ведется", "لا يجري رصدها", "没有监测")),
        ("informal", 1, ("Informally, without reports", "De manière informelle, sans rapports",
                         "De manera informal, sin informes", "Неформально, без отчетов",
                         "بصورة غير رسمية، دون تقارير", "非正式监测，没有报告")),
        ("annual-report", 3, ("By a published annual report", "Par un rapport annuel publié",
                              "Mediante un informe anual publicado", "С помощью публикуемого ежегодного доклада",
                              "من خلال تقرير سنوي منشور", "通过公开发布的年度报告")),
        ("independent", 4, ("By an independent evaluation or national rapporteur",
                            "Par une évaluation indépendante ou un rapporteur national",
                            "Mediante una evaluación independiente o un relator nacional",
                            "Путем независимой оценки или национальным докладчиком",
                            "من خلال تقييم مستقل أو مقرر وطني", "通过独立评估或国家报告员")),
    ]),
    ("strategy", "strategy-priorities", "text", {}, False, (
        "Which three areas of support would help your country most in the coming year?",
        "Quels sont les trois domaines d'appui qui aideraient le plus votre pays l'année prochaine ?",
        "¿Qué tres ámbitos de apoyo ayudarían más a su país el próximo año?",
        "Какие три направления поддержки больше всего помогли бы вашей стране в следующем году?",
        "ما هي مجالات الدعم الثلاثة التي من شأنها أن تساعد بلدكم أكثر من غيرها في العام المقبل؟",
        "哪三个支持领域在来年对贵国最有帮助？",
    ), []),
    ("legislation", "legislation-tip-definition", "yes_no", YES_NO, True, (
        "Does national law criminalize trafficking in persons with the act, means and purpose of the Protocol's definition?",
        "Le droit national incrimine-t-il la traite des personnes avec l'acte, le moyen et le but de la définition du Protocole ?",
        "¿La legislación nacional tipifica la trata de personas con la acción, el medio y el fin de la definición del Protocolo?",
        "Криминализирует ли национальное законодательство торговлю людьми с учетом деяния, способа и цели, указанных в определении Протокола?",
        "هل يجرّم القانون الوطني الاتجار بالأشخاص بأركان الفعل والوسيلة والغرض الواردة في تعريف البروتوكول؟",
        "国家法律是否按照议定书定义中的行为、手段和目的将贩运人口定为刑事犯罪？",
    ), []),
    ("legislation", "legislation-som-offence", "yes_no", YES_NO, False, (
        "Does national law criminalize the smuggling of migrants committed for a financial or other material benefit?",
        "Le droit national incrimine-t-il le trafic illicite de migrants commis pour un avantage financier ou un autre avantage matériel ?",
        "¿La legislación nacional tipifica el tráfico ilícito de migrantes cometido para obtener un beneficio financiero u otro beneficio de orden material?",
        "Криминализирует ли национальное законодательство незаконный ввоз мигрантов, совершаемый ради финансовой или иной материальной выгоды?",
        "هل يجرّم القانون الوطني تهريب المهاجرين المرتكب من أجل الحصول على منفعة مالية أو منفعة مادية أخرى؟",
        "国家法律是否将为获取经济或其他物质利益而偷运移民的行为定为刑事犯罪？",
    ), []),
    ("legislation", "legislation-migrant-non-criminalization", "yes_no", YES_NO, False, (
        "Does national law exempt migrants from criminal liability for the fact of having been smuggled?",
        "Le droit national exonère-t-il les migrants de toute responsabilité pénale pour le fait d'avoir été l'objet d'un trafic illicite ?",
        "¿La legislación nacional exime a los migrantes de responsabilidad penal por el hecho de haber sido objeto de tráfico ilícito?",
        "Освобождает ли национальное законодательство мигрантов от уголовной ответственности за то, что они стали объектом незаконного ввоза?",
        "هل يعفي القانون الوطني المهاجرين من المسؤولية الجنائية لمجرد كونهم مهرَّبين؟",
        "国家法律是否规定移民不因被偷运这一事实而承担刑事责任？",
    ), []),
    ("legislation", "legislation-non-punishment", "scale", SCALE, False, (
        "How well does national law protect victims from punishment for offences they were compelled to commit?",
        "Dans quelle mesure le droit national protège-t-il les victimes contre les sanctions pour les infractions qu'elles ont été contraintes de commettre ?",
        "¿En qué medida protege la legislación nacional a las víctimas de sanciones por los delitos que se vieron obligadas a cometer?",
        "Насколько национальное законодательство защищает жертв от наказания за правонарушения, которые их принудили совершить?",
        "إلى أي مدى يحمي القانون الوطني الضحايا من العقاب على الجرائم التي أُرغموا على ارتكابها؟",
        "国家法律在多大程度上保护受害人不因被迫实施的犯罪而受到惩罚？",
    ), []),
    ("capacity", "capacity-specialised-units", "yes_no", YES_NO, False, (
        "Are there specialised police or prosecution units for trafficking or smuggling cases?",
        "Existe-t-il des unités spécialisées de police ou de poursuite pour les affaires de traite ou de trafic illicite ?",
        "¿Existen unidades especializadas de policía o de fiscalía para los casos de trata o de tráfico ilícito?",
        "Существуют ли специализированные подразделения полиции или прокуратуры по делам о торговле людьми или незаконном ввозе мигрантов?",
        "هل توجد وحدات شرطة أو نيابة متخصصة في قضايا الاتجار أو التهريب؟",
        "是否设有处理贩运或偷运案件的专门警察或检察部门？",
    ), []),
    ("capacity", "capacity-trained-practitioners", "number", {"thresholds": [[1, 1], [50, 2], [200, 3], [500, 4]]}, False, (
        "How many criminal justice practitioners were trained on trafficking or smuggling in the last 12 months?",
        "Combien de praticiens de la justice pénale ont été formés à la traite ou au trafic illicite au cours des 12 derniers mois ?",
        "¿Cuántos profesionales de la justicia penal recibieron formación sobre trata o tráfico ilícito en los últimos 12 meses?",
        "Сколько работников системы уголовного правосудия прошли обучение по вопросам торговли людьми или незаконного ввоза мигрантов за последние 12 месяцев?",
        "كم عدد العاملين في مجال العدالة الجنائية الذين تلقوا تدريبًا على الاتجار أو التهريب خلال الأشهر الاثني عشر الماضية؟",
        "过去 12 个月中有多少刑事司法从业人员接受了关于贩运或偷运问题的培训？",
    ), []),
    ("capacity", "capacity-curriculum", "yes_no", YES_NO, False, (
        "Is trafficking and smuggling part of the regular curriculum of police, prosecution or judicial training institutions?",
        "La traite et le trafic illicite font-ils partie du programme ordinaire des écoles de police, de magistrats ou de procureurs ?",
        "¿La trata y el tráfico ilícito forman parte del plan de estudios ordinario de las instituciones de formación policial, fiscal o judicial?",
        "Включены ли вопросы торговли людьми и незаконного ввоза мигрантов в обычную программу учебных заведений полиции, прокуратуры или судей?",
        "هل يشكّل الاتجار والتهريب جزءًا من المنهج الاعتيادي لمؤسسات تدريب الشرطة أو النيابة أو القضاء؟",
        "贩运和偷运问题是否纳入警察、检察或司法培训机构的常规课程？",
    ), []),
    ("capacity", "capacity-data-collection", "scale", SCALE, True, (
        "How complete is the national data collection on victims, prosecutions and convictions?",
        "Dans quelle mesure la collecte nationale de données sur les victimes, les poursuites et les condamnations est-elle complète ?",
        "¿Qué tan completa es la recopilación nacional de datos sobre víctimas, enjuiciamientos y condenas?",
        "Насколько полон национальный сбор данных о жертвах, уголовных преследованиях и осуждениях?",
        "ما مدى اكتمال جمع البيانات الوطنية عن الضحايا والملاحقات القضائية والإدانات؟",
        "国家关于受害人、起诉和定罪的数据收集有多完整？",
    ), []),
    ("cooperation", "cooperation-coordinating-body", "yes_no", YES_NO, True, (
        "Is there a national body that coordinates the response to trafficking in persons?",
        "Existe-t-il un organe national qui coordonne la réponse à la traite des personnes ?",
        "¿Existe un órgano nacional que coordine la respuesta a la trata de personas?",
        "Существует ли национальный орган, координирующий меры по борьбе с торговлей людьми?",
        "هل توجد هيئة وطنية تنسّق التصدي للاتجار بالأشخاص؟",
        "是否有协调应对贩运人口问题的国家机构？",
    ), []),
    ("cooperation", "cooperation-civil-society", "scale", SCALE, False, (
        "How regularly does the government involve civil society organisations in the national response?",
        "À quelle fréquence le gouvernement associe-t-il les organisations de la société civile à la réponse nationale ?",
        "¿Con qué regularidad involucra el gobierno a las organizaciones de la sociedad civil en la respuesta nacional?",
        "Насколько регулярно правительство привлекает организации гражданского общества к национальным мерам реагирования?",
        "ما مدى انتظام إشراك الحكومة لمنظمات المجتمع المدني في الاستجابة الوطنية؟",
        "政府在国家应对工作中让民间社会组织参与的频率如何？",
    ), []),
    ("cooperation", "cooperation-mla-requests", "number", {"thresholds": [[1, 2], [5, 3], [10, 4]]}, False, (
        "How many requests for mutual legal assistance or extradition in trafficking or smuggling cases were sent or received in the last 12 months?",
        "Combien de demandes d'entraide judiciaire ou d'extradition dans des affaires de traite ou de trafic illicite ont été envoyées ou reçues au cours des 12 derniers mois ?",
        "¿Cuántas solicitudes de asistencia judicial recíproca o de extradición en casos de trata o tráfico ilícito se enviaron o recibieron en los últimos 12 meses?",
        "Сколько запросов о взаимной правовой помощи или выдаче по делам о торговле людьми или незаконном ввозе мигрантов было направлено или получено за последние 12 месяцев?",
        "كم عدد طلبات المساعدة القانونية المتبادلة أو تسليم المجرمين في قضايا الاتجار أو التهريب التي أُرسلت أو وردت خلال الأشهر الاثني عشر الماضية؟",
        "过去 12 个月中发出或收到了多少起贩运或偷运案件的司法协助或引渡请求？",
    ), []),
    ("cooperation", "cooperation-agreements", "yes_no", YES_NO, False, (
        "Are there bilateral or regional agreements on trafficking or smuggling with countries of origin, transit or destination?",
        "Existe-t-il des accords bilatéraux ou régionaux sur la traite ou le trafic illicite avec des pays d'origine, de transit ou de destination ?",
        "¿Existen acuerdos bilaterales o regionales sobre trata o tráfico ilícito con países de origen, tránsito o destino?",
        "Существуют ли двусторонние или региональные соглашения по вопросам торговли людьми или незаконного ввоза мигрантов со странами происхождения, транзита или назначения?",
        "هل توجد اتفاقات ثنائية أو إقليمية بشأن الاتجار أو التهريب مع بلدان المنشأ أو العبور أو المقصد؟",
        "是否与来源国、过境国或目的地国订有关于贩运或偷运的双边或区域协定？",
    ), []),
    ("protection", "protection-referral-mechanism", "choice", {}, True, (
        "What is the status of the national referral mechanism for victims?",
        "Où en est le mécanisme national d'orientation des victimes ?",
        "¿En qué situación se encuentra el mecanismo nacional de derivación de víctimas?",
        "Каково состояние национального механизма перенаправления жертв?",
        "ما هو وضع آلية الإحالة الوطنية للضحايا؟",
        "国家受害人转介机制的现状如何？",
    ), [
        ("none", 0, ("There is none", "Il n'en existe pas", "No existe", "Его нет", "لا توجد آلية", "尚无")),
        ("in-preparation", 1, ("In preparation", "En préparation", "En preparación", "В стадии подготовки",
                               "قيد الإعداد", "正在制定")),
        ("adopted", 3, ("Adopted", "Adopté", "Aprobado", "Принят", "معتمدة", "已通过")),
        ("operational", 4, ("Adopted and used in practice", "Adopté et appliqué en pratique",
                            "Aprobado y aplicado en la práctica", "Принят и применяется на практике",
                            "معتمدة ومطبّقة عمليًا", "已通过并在实践中使用")),
    ]),
    ("protection", "protection-unconditional-assistance", "yes_no", YES_NO, False, (
        "Do victims have access to shelter and assistance whether or not they cooperate with the authorities?",
        "Les victimes ont-elles accès à un hébergement et à une assistance, qu'elles coopèrent ou non avec les autorités ?",
        "¿Tienen las víctimas acceso a alojamiento y asistencia, cooperen o no con las autoridades?",
        "Имеют ли жертвы доступ к приюту и помощи независимо от того, сотрудничают ли они с властями?",
        "هل يحصل الضحايا على المأوى والمساعدة سواء تعاونوا مع السلطات أم لا؟",
        "无论受害人是否与当局合作，他们都能获得庇护和援助吗？",
    ), []),
    ("protection", "protection-reflection-period", "yes_no", YES_NO, False, (
        "Are foreign victims granted a recovery and reflection period and a residence permit?",
        "Les victimes étrangères bénéficient-elles d'un délai de rétablissement et de réflexion et d'un titre de séjour ?",
        "¿Se concede a las víctimas extranjeras un período de recuperación y reflexión y un permiso de residencia?",
        "Предоставляются ли иностранным жертвам период восстановления и размышления и вид на жительство?",
        "هل تُمنح الضحايا الأجانب فترة للتعافي والتفكير وتصريح إقامة؟",
        "外国受害人是否获得恢复和考虑期以及居留许可？",
    ), []),
    ("protection", "protection-compensation", "scale", SCALE, False, (
        "How accessible is compensation for victims in practice?",
        "Dans quelle mesure l'indemnisation des victimes est-elle accessible en pratique ?",
        "¿En qué medida es accesible en la práctica la indemnización de las víctimas?",
        "Насколько доступна на практике компенсация для жертв?",
        "ما مدى إتاحة التعويض للضحايا عمليًا؟",
        "受害人在实践中获得赔偿的可能性如何？",
    ), []),
    ("children", "children-no-means", "yes_no", YES_NO, False, (
        "Does the law recognise that no means need to be proved when the victim is a child?",
        "La loi reconnaît-elle qu'aucun moyen n'a à être prouvé lorsque la victime est un enfant ?",
        "¿Reconoce la ley que no es necesario probar ningún medio cuando la víctima es un niño o una niña?",
        "Признает ли закон, что способ воздействия не нужно доказывать, если жертвой является ребенок?",
        "هل يقرّ القانون بأنه لا حاجة إلى إثبات الوسيلة عندما يكون الضحية طفلًا؟",
        "法律是否承认受害人为儿童时无需证明手段？",
    ), []),
    ("children", "children-best-interests", "yes_no", YES_NO, True, (
        "Are there procedures to determine the best interests of child victims, including unaccompanied migrant children?",
        "Existe-t-il des procédures pour déterminer l'intérêt supérieur des enfants victimes, y compris des enfants migrants non accompagnés ?",
        "¿Existen procedimientos para determinar el interés superior de los niños víctimas, incluidos los niños migrantes no acompañados?",
        "Существуют ли процедуры определения наилучших интересов детей-жертв, включая несопровождаемых детей-мигрантов?",
        "هل توجد إجراءات لتحديد المصالح الفضلى للأطفال الضحايا، بمن فيهم الأطفال المهاجرون غير المصحوبين؟",
        "是否有程序确定儿童受害人（包括无人陪伴的移民儿童）的最大利益？",
    ), []),
    ("children", "children-child-friendly-justice", "scale", SCALE, False, (
        "How available are child-friendly interview rooms and procedures in criminal proceedings?",
        "Dans quelle mesure des salles d'audition et des procédures adaptées aux enfants sont-elles disponibles dans les procédures pénales ?",
        "¿En qué medida se dispone de salas de entrevista y procedimientos adaptados a los niños en los procesos penales?",
        "Насколько доступны в уголовном процессе помещения и процедуры опроса, учитывающие интересы детей?",
        "ما مدى توفر غرف مقابلة وإجراءات ملائمة للأطفال في الدعاوى الجنائية؟",
        "刑事诉讼中对儿童友好的询问室和程序的普及程度如何？",
    ), []),
    ("children", "children-guardianship", "yes_no", YES_NO, False, (
        "Is a guardian appointed without delay for unaccompanied child victims?",
        "Un tuteur est-il désigné sans délai pour les enfants victimes non accompagnés ?",
        "¿Se nombra sin demora un tutor para los niños víctimas no acompañados?",
        "Назначается ли без промедления опекун для несопровождаемых детей-жертв?",
        "هل يُعيَّن وصي دون تأخير للأطفال الضحايا غير المصحوبين؟",
        "是否立即为无人陪伴的儿童受害人指定监护人？",
    ), []),
]

# Services a request for assistance is matched to.
ASSISTANCE_SERVICES = [
    ("legislative-assistance", "Legislative assistance", "Assistance législative", "Asistencia legislativa",
     "Помощь в законопроектной работе", "المساعدة التشريعية", "立法援助"),
    ("strategy-support", "Support to strategies and action plans", "Appui aux stratégies et plans d'action",
     "Apoyo a estrategias y planes de acción", "Поддержка стратегий и планов действий",
     "دعم الاستراتيجيات وخطط العمل", "支持战略和行动计划"),
    ("training", "Training of practitioners", "Formation des praticiens", "Formación de profesionales",
     "Обучение специалистов", "تدريب الممارسين", "从业人员培训"),
    ("cooperation", "Regional and international cooperation", "Coopération régionale et internationale",
     "Cooperación regional e internacional", "Региональное и международное сотрудничество",
     "التعاون الإقليمي والدولي", "区域和国际合作"),
    ("victim-assistance", "Protection and assistance of victims and migrants",
     "Protection et assistance des victimes et des migrants", "Protección y asistencia a víctimas y migrantes",
     "Защита и помощь жертвам и мигрантам", "حماية الضحايا والمهاجرين ومساعدتهم", "保护和援助受害人及移民"),
    ("data", "Data collection and research", "Collecte de données et recherche", "Recopilación de datos e investigación",
     "Сбор данных и исследования", "جمع البيانات والبحث", "数据收集和研究"),
]


def load(apps) -> None:
    """Create (or complete) the default questionnaire and services; used by migration 0002."""
    Pillar = apps.get_model("countries", "Pillar")
    Questionnaire = apps.get_model("countries", "Questionnaire")
    Question = apps.get_model("countries", "Question")
    QuestionChoice = apps.get_model("countries", "QuestionChoice")
    AssistanceService = apps.get_model("countries", "AssistanceService")

    pillars = {}
    for order, (code, en, *others) in enumerate(PILLARS):
        pillars[code], _created = Pillar.objects.get_or_create(
            code=code, defaults={"label": en, "labels": translations(*others), "order": order}
        )
    en, *others = QUESTIONNAIRE_TITLE
    questionnaire, _created = Questionnaire.objects.get_or_create(
        code=QUESTIONNAIRE_CODE, defaults={"title": en, "titles": translations(*others)}
    )
    for order, (pillar, code, answer_type, scoring, evidence, texts, choices) in enumerate(QUESTIONS):
        en, *others = texts
        question, created = Question.objects.get_or_create(
            questionnaire=questionnaire, code=code,
            defaults={
                "pillar": pillars[pillar], "order": order, "text": en, "texts": translations(*others),
                "answer_type": answer_type, "scoring": scoring, "asks_evidence": evidence,
            },
        )
        for choice_order, (choice_code, points, labels) in enumerate(choices):
            en, *others = labels
            QuestionChoice.objects.get_or_create(
                question=question, code=choice_code,
                defaults={"label": en, "labels": translations(*others), "points": points, "order": choice_order},
            )
    for order, (code, en, *others) in enumerate(ASSISTANCE_SERVICES):
        AssistanceService.objects.get_or_create(
            code=code, defaults={"label": en, "labels": translations(*others), "order": order}
        )
