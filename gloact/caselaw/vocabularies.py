"""The default controlled vocabularies (thesauri) of the case law database.

This module is the single source of the default terms: migration 0002 loads them, and
administrators edit, translate, reorder or deactivate terms afterwards in the admin without code
changes. A term's `code` is its stable id (e.g. `act.recruitment`, `tip.art3`): imports, exports,
URLs and facets use it, so it never changes once published; labels may.

Labels are given in English and in the other five UN languages (fr, es, ru, ar, zh-hans).
Language names for the `language` vocabulary come from CLDR through Babel.

This module imports no models, so that migrations can use it.
"""

from dataclasses import dataclass, field

from babel import Locale

TRANSLATED_LANGUAGES = ("fr", "es", "ru", "ar", "zh-hans")

# Vocabulary codes: the classification fields of Case are limited to the terms of one of these.
CRIME_TYPE = "crime_type"
TIP_ACT = "tip_act"
TIP_MEANS = "tip_means"
TIP_PURPOSE = "tip_purpose"
SECTOR = "sector"
PROTOCOL_ARTICLE = "protocol_article"
PROTECTION_MEASURE = "protection_measure"
HUMAN_RIGHTS_ASPECT = "human_rights_aspect"
SMUGGLING_AGGRAVATION = "smuggling_aggravation"
SMUGGLING_OFFENCE = "smuggling_offence"
SMUGGLING_MODE = "smuggling_mode"
LANGUAGE = "language"

# Crime type codes the software itself relies on (trafficking and smuggling kept distinct).
TRAFFICKING = "crime.trafficking_in_persons"
SMUGGLING = "crime.smuggling_of_migrants"


@dataclass(frozen=True)
class TermDef:
    code: str
    label: str
    labels: dict[str, str]


@dataclass(frozen=True)
class VocabularyDef:
    code: str
    name: str
    names: dict[str, str]
    terms: list[TermDef] = field(default_factory=list)


def _labels(fr: str, es: str, ru: str, ar: str, zh: str) -> dict[str, str]:
    return dict(zip(TRANSLATED_LANGUAGES, (fr, es, ru, ar, zh), strict=True))


def _terms(rows) -> list[TermDef]:
    """Rows of (code, en, fr, es, ru, ar, zh-hans)."""
    return [TermDef(code, en, _labels(*others)) for code, en, *others in rows]


def _vocabulary(code, names, rows) -> VocabularyDef:
    en, *others = names
    return VocabularyDef(code, en, _labels(*others), _terms(rows))


# --- Protocol and Convention articles -------------------------------------------------------
# Labels are composed: "<instrument>, art. <n>: <subject>" in each language.

_INSTRUMENTS = {
    "tip": ("TIP Protocol", "Protocole relatif à la traite des personnes", "Protocolo contra la trata de personas",
            "Протокол о торговле людьми", "بروتوكول الاتجار بالأشخاص", "《贩运人口议定书》"),
    "som": ("Smuggling of Migrants Protocol", "Protocole contre le trafic illicite de migrants",
            "Protocolo contra el tráfico ilícito de migrantes", "Протокол о незаконном ввозе мигрантов",
            "بروتوكول تهريب المهاجرين", "《偷运移民议定书》"),
    "untoc": ("Organized Crime Convention", "Convention contre la criminalité organisée",
              "Convención contra la Delincuencia Organizada", "Конвенция против организованной преступности",
              "اتفاقية الجريمة المنظمة", "《有组织犯罪公约》"),
}
_ARTICLE_FORMATS = (
    "{instrument}, art. {n}: {subject}",
    "{instrument}, art. {n} : {subject}",
    "{instrument}, art. {n}: {subject}",
    "{instrument}, ст. {n}: {subject}",
    "{instrument}، المادة {n}: {subject}",
    "{instrument}第{n}条：{subject}",
)
_ARTICLES = [
    # (instrument, article number(s), subject in en, fr, es, ru, ar, zh-hans)
    ("tip", "3", "definition", "définition", "definición", "определение", "التعريف", "定义"),
    ("tip", "5", "criminalization", "incrimination", "penalización", "криминализация", "التجريم", "刑事定罪"),
    ("tip", "6", "assistance to and protection of victims", "assistance et protection accordées aux victimes",
     "asistencia y protección a las víctimas", "помощь и защита жертв", "مساعدة الضحايا وحمايتهم",
     "对受害人的帮助和保护"),
    ("tip", "7", "status of victims in receiving States", "statut des victimes dans les États d'accueil",
     "régimen aplicable a las víctimas en el Estado receptor", "статус жертв в принимающих государствах",
     "وضع الضحايا في الدول المستقبلة", "受害人在接收国的地位"),
    ("tip", "8", "repatriation of victims", "rapatriement des victimes", "repatriación de las víctimas",
     "репатриация жертв", "إعادة الضحايا إلى أوطانهم", "受害人的遣返"),
    ("tip", "9", "prevention", "prévention", "prevención", "предупреждение", "المنع", "预防"),
    ("tip", "10", "information exchange and training", "échange d'informations et formation",
     "intercambio de información y capacitación", "обмен информацией и подготовка кадров",
     "تبادل المعلومات والتدريب", "信息交流和培训"),
    ("tip", "11-13", "border measures and documents", "mesures aux frontières et documents",
     "medidas fronterizas y documentos", "пограничные меры и документы", "التدابير الحدودية والوثائق",
     "边境措施和证件"),
    ("som", "3", "definition", "définition", "definición", "определение", "التعريف", "定义"),
    ("som", "5", "criminal liability of migrants", "responsabilité pénale des migrants",
     "responsabilidad penal de los migrantes", "уголовная ответственность мигрантов",
     "المسؤولية الجنائية للمهاجرين", "移民的刑事责任"),
    ("som", "6", "criminalization", "incrimination", "penalización", "криминализация", "التجريم", "刑事定罪"),
    ("som", "7-9", "smuggling of migrants by sea", "trafic illicite de migrants par mer",
     "tráfico ilícito de migrantes por mar", "незаконный ввоз мигрантов по морю", "تهريب المهاجرين عن طريق البحر",
     "海上偷运移民"),
    ("som", "10", "information", "information", "información", "информация", "المعلومات", "信息"),
    ("som", "14", "training and technical cooperation", "formation et coopération technique",
     "capacitación y cooperación técnica", "подготовка кадров и техническое сотрудничество",
     "التدريب والتعاون التقني", "培训和技术合作"),
    ("som", "16", "protection and assistance measures", "mesures de protection et d'assistance",
     "medidas de protección y asistencia", "меры защиты и помощи", "تدابير الحماية والمساعدة", "保护和援助措施"),
    ("som", "18", "return of smuggled migrants", "retour des migrants objet d'un trafic illicite",
     "repatriación de los migrantes objeto de tráfico ilícito", "возвращение незаконно ввезенных мигрантов",
     "إعادة المهاجرين المهربين", "被偷运移民的遣返"),
    ("som", "19", "saving clause", "clause de sauvegarde", "cláusula de salvedad", "исключающее положение",
     "شرط وقائي", "保留条款"),
    ("untoc", "2", "organized criminal group", "groupe criminel organisé", "grupo delictivo organizado",
     "организованная преступная группа", "الجماعة الإجرامية المنظمة", "有组织犯罪集团"),
    ("untoc", "5", "participation in an organized criminal group", "participation à un groupe criminel organisé",
     "participación en un grupo delictivo organizado", "участие в организованной преступной группе",
     "المشاركة في جماعة إجرامية منظمة", "参加有组织犯罪集团"),
    ("untoc", "6", "laundering of proceeds of crime", "blanchiment du produit du crime",
     "blanqueo del producto del delito", "отмывание доходов от преступлений", "غسل عائدات الجرائم",
     "洗钱"),
    ("untoc", "8", "corruption", "corruption", "corrupción", "коррупция", "الفساد", "腐败"),
    ("untoc", "12-14", "confiscation and seizure", "confiscation et saisie", "decomiso e incautación",
     "конфискация и арест", "المصادرة والضبط", "没收和扣押"),
    ("untoc", "16", "extradition", "extradition", "extradición", "выдача", "تسليم المجرمين", "引渡"),
    ("untoc", "18", "mutual legal assistance", "entraide judiciaire", "asistencia judicial recíproca",
     "взаимная правовая помощь", "المساعدة القانونية المتبادلة", "司法协助"),
    ("untoc", "19", "joint investigations", "enquêtes conjointes", "investigaciones conjuntas",
     "совместные расследования", "التحقيقات المشتركة", "联合调查"),
    ("untoc", "23", "obstruction of justice", "entrave au bon fonctionnement de la justice",
     "obstrucción de la justicia", "воспрепятствование осуществлению правосудия", "عرقلة سير العدالة",
     "妨害司法"),
    ("untoc", "24", "protection of witnesses", "protection des témoins", "protección de los testigos",
     "защита свидетелей", "حماية الشهود", "保护证人"),
    ("untoc", "25", "assistance to and protection of victims", "assistance et protection accordées aux victimes",
     "asistencia y protección a las víctimas", "помощь потерпевшим и их защита", "مساعدة الضحايا وحمايتهم",
     "帮助和保护被害人"),
]


def _article_rows():
    for instrument, number, *subjects in _ARTICLES:
        code = f"{instrument}.art{number.replace('-', '_')}"
        yield (code, *(
            fmt.format(instrument=name, n=number, subject=subject)
            for fmt, name, subject in zip(_ARTICLE_FORMATS, _INSTRUMENTS[instrument], subjects, strict=True)
        ))


# --- Languages of decisions (names from CLDR) ------------------------------------------------
DECISION_LANGUAGES = [
    "en", "fr", "es", "ru", "ar", "zh", "pt", "be", "uk", "ky", "lo", "ne", "ur", "af", "zu", "bm", "ha",
    "de", "it", "nl", "pl", "ro", "tr", "th", "vi", "hi", "bn", "id", "sw", "fa",
]


def _language_rows():
    locales = [Locale.parse(code.replace("-", "_")) for code in ("en", *TRANSLATED_LANGUAGES)]
    for code in DECISION_LANGUAGES:
        yield (f"lang.{code}", *(locale.languages[code] for locale in locales))


VOCABULARIES: list[VocabularyDef] = [
    _vocabulary(CRIME_TYPE, ("Crime types", "Types d'infraction", "Tipos de delito", "Виды преступлений",
                             "أنواع الجرائم", "犯罪类型"), [
        (TRAFFICKING, "Trafficking in persons", "Traite des personnes", "Trata de personas", "Торговля людьми",
         "الاتجار بالأشخاص", "贩运人口"),
        (SMUGGLING, "Smuggling of migrants", "Trafic illicite de migrants", "Tráfico ilícito de migrantes",
         "Незаконный ввоз мигрантов", "تهريب المهاجرين", "偷运移民"),
        ("crime.organized_criminal_group", "Participation in an organized criminal group",
         "Participation à un groupe criminel organisé", "Participación en un grupo delictivo organizado",
         "Участие в организованной преступной группе", "المشاركة في جماعة إجرامية منظمة", "参加有组织犯罪集团"),
        ("crime.money_laundering", "Money laundering", "Blanchiment d'argent", "Blanqueo de dinero",
         "Отмывание денег", "غسل الأموال", "洗钱"),
        ("crime.corruption", "Corruption", "Corruption", "Corrupción", "Коррупция", "الفساد", "腐败"),
        ("crime.document_fraud", "Document fraud", "Fraude documentaire", "Fraude documental",
         "Подделка документов", "تزوير الوثائق", "证件欺诈"),
        ("crime.obstruction_of_justice", "Obstruction of justice", "Entrave au bon fonctionnement de la justice",
         "Obstrucción de la justicia", "Воспрепятствование осуществлению правосудия", "عرقلة سير العدالة",
         "妨害司法"),
        ("crime.other", "Other", "Autre", "Otro", "Другое", "أخرى", "其他"),
    ]),
    _vocabulary(TIP_ACT, ("Trafficking: acts", "Traite : actes", "Trata: actos", "Торговля людьми: действия",
                          "الاتجار: الأفعال", "贩运：行为"), [
        ("act.recruitment", "Recruitment", "Recrutement", "Captación", "Вербовка", "التجنيد", "招募"),
        ("act.transportation", "Transportation", "Transport", "Transporte", "Перевозка", "النقل", "运送"),
        ("act.transfer", "Transfer", "Transfert", "Traslado", "Передача", "التنقيل", "转移"),
        ("act.harbouring", "Harbouring", "Hébergement", "Acogida", "Укрывательство", "الإيواء", "窝藏"),
        ("act.receipt", "Receipt of persons", "Accueil de personnes", "Recepción de personas", "Получение людей",
         "استقبال الأشخاص", "接收"),
    ]),
    _vocabulary(TIP_MEANS, ("Trafficking: means", "Traite : moyens", "Trata: medios", "Торговля людьми: средства",
                            "الاتجار: الوسائل", "贩运：手段"), [
        ("means.threat_force_coercion", "Threat or use of force or other forms of coercion",
         "Menace de recours ou recours à la force ou à d'autres formes de contrainte",
         "Amenaza o uso de la fuerza u otras formas de coacción",
         "Угроза силой или её применение или другие формы принуждения",
         "التهديد بالقوة أو استعمالها أو غير ذلك من أشكال القسر", "以武力威胁或使用武力或其他形式的胁迫"),
        ("means.abduction", "Abduction", "Enlèvement", "Rapto", "Похищение", "الاختطاف", "诱拐"),
        ("means.fraud", "Fraud", "Fraude", "Fraude", "Мошенничество", "الاحتيال", "欺诈"),
        ("means.deception", "Deception", "Tromperie", "Engaño", "Обман", "الخداع", "欺骗"),
        ("means.abuse_of_vulnerability", "Abuse of power or of a position of vulnerability",
         "Abus d'autorité ou d'une situation de vulnérabilité", "Abuso de poder o de una situación de vulnerabilidad",
         "Злоупотребление властью или уязвимостью положения", "استغلال السلطة أو استغلال حالة استضعاف",
         "滥用权力或滥用脆弱境况"),
        ("means.payments_to_person_in_control",
         "Giving or receiving payments or benefits to achieve the consent of a person having control over another",
         "Offre ou acceptation de paiements ou d'avantages pour obtenir le consentement d'une personne ayant "
         "autorité sur une autre",
         "Concesión o recepción de pagos o beneficios para obtener el consentimiento de una persona que tenga "
         "autoridad sobre otra",
         "Подкуп в виде платежей или выгод для получения согласия лица, контролирующего другое лицо",
         "إعطاء أو تلقي مبالغ مالية أو مزايا لنيل موافقة شخص له سيطرة على شخص آخر",
         "授受酬金或利益取得对另一人有控制权的某人的同意"),
    ]),
    _vocabulary(TIP_PURPOSE, ("Trafficking: purposes of exploitation", "Traite : fins d'exploitation",
                              "Trata: fines de explotación", "Торговля людьми: цели эксплуатации",
                              "الاتجار: أغراض الاستغلال", "贩运：剥削目的"), [
        ("purpose.sexual_exploitation",
         "Exploitation of the prostitution of others or other forms of sexual exploitation",
         "Exploitation de la prostitution d'autrui ou autres formes d'exploitation sexuelle",
         "Explotación de la prostitución ajena u otras formas de explotación sexual",
         "Эксплуатация проституции других лиц или другие формы сексуальной эксплуатации",
         "استغلال دعارة الغير أو سائر أشكال الاستغلال الجنسي", "利用他人卖淫进行剥削或其他形式的性剥削"),
        ("purpose.forced_labour", "Forced labour or services", "Travail ou services forcés",
         "Trabajos o servicios forzados", "Принудительный труд или услуги", "السخرة أو الخدمة قسرا",
         "强迫劳动或服务"),
        ("purpose.slavery", "Slavery or practices similar to slavery", "Esclavage ou pratiques analogues à l'esclavage",
         "Esclavitud o prácticas análogas a la esclavitud", "Рабство или обычаи, сходные с рабством",
         "الاسترقاق أو الممارسات الشبيهة بالرق", "奴役或类似奴役的做法"),
        ("purpose.servitude", "Servitude", "Servitude", "Servidumbre", "Подневольное состояние", "الاستعباد", "劳役"),
        ("purpose.organ_removal", "Removal of organs", "Prélèvement d'organes", "Extracción de órganos",
         "Извлечение органов", "نزع الأعضاء", "切除器官"),
        ("purpose.forced_begging", "Forced begging", "Mendicité forcée", "Mendicidad forzada",
         "Принудительное попрошайничество", "التسول القسري", "强迫乞讨"),
        ("purpose.forced_criminality", "Forced criminal activity", "Criminalité forcée",
         "Actividades delictivas forzadas", "Принуждение к преступной деятельности", "الإجبار على ارتكاب الجرائم",
         "强迫犯罪"),
        ("purpose.forced_marriage", "Forced marriage", "Mariage forcé", "Matrimonio forzado", "Принудительный брак",
         "الزواج القسري", "强迫婚姻"),
        ("purpose.other", "Other forms of exploitation", "Autres formes d'exploitation", "Otras formas de explotación",
         "Другие формы эксплуатации", "أشكال أخرى من الاستغلال", "其他形式的剥削"),
    ]),
    _vocabulary(SECTOR, ("Sectors of exploitation", "Secteurs d'exploitation", "Sectores de explotación",
                         "Сферы эксплуатации", "قطاعات الاستغلال", "剥削行业"), [
        ("sector.agriculture", "Agriculture", "Agriculture", "Agricultura", "Сельское хозяйство", "الزراعة", "农业"),
        ("sector.construction", "Construction", "Construction", "Construcción", "Строительство", "البناء", "建筑业"),
        ("sector.fishing", "Fishing", "Pêche", "Pesca", "Рыболовство", "صيد الأسماك", "渔业"),
        ("sector.domestic_work", "Domestic work", "Travail domestique", "Trabajo doméstico", "Домашний труд",
         "العمل المنزلي", "家政工作"),
        ("sector.sex_industry", "Sex industry", "Industrie du sexe", "Industria del sexo", "Секс-индустрия",
         "صناعة الجنس", "性产业"),
        ("sector.begging", "Begging", "Mendicité", "Mendicidad", "Попрошайничество", "التسول", "乞讨"),
        ("sector.criminal_activity", "Criminal activity", "Activités criminelles", "Actividades delictivas",
         "Преступная деятельность", "الأنشطة الإجرامية", "犯罪活动"),
        ("sector.manufacturing", "Manufacturing", "Industrie manufacturière", "Manufactura",
         "Обрабатывающая промышленность", "الصناعة التحويلية", "制造业"),
        ("sector.hospitality", "Hospitality", "Hôtellerie et restauration", "Hostelería",
         "Гостиничное и ресторанное хозяйство", "الضيافة", "酒店餐饮业"),
        ("sector.other", "Other", "Autre", "Otro", "Другое", "أخرى", "其他"),
    ]),
    _vocabulary(PROTOCOL_ARTICLE, ("Protocol and Convention articles", "Articles des protocoles et de la Convention",
                                   "Artículos de los protocolos y de la Convención", "Статьи протоколов и Конвенции",
                                   "مواد البروتوكولين والاتفاقية", "议定书和公约条款"), list(_article_rows())),
    _vocabulary(PROTECTION_MEASURE, ("Victim protection measures", "Mesures de protection des victimes",
                                     "Medidas de protección de las víctimas", "Меры защиты жертв",
                                     "تدابير حماية الضحايا", "受害人保护措施"), [
        ("protection.non_punishment", "Non-punishment of victims", "Non-sanction des victimes",
         "No castigo de las víctimas", "Освобождение жертв от наказания", "عدم معاقبة الضحايا", "不惩罚受害人"),
        ("protection.compensation", "Compensation", "Indemnisation", "Indemnización", "Компенсация", "التعويض", "赔偿"),
        ("protection.residence_permit", "Residence permit", "Titre de séjour", "Permiso de residencia",
         "Разрешение на пребывание", "تصريح الإقامة", "居留许可"),
        ("protection.witness_protection", "Witness protection", "Protection des témoins", "Protección de testigos",
         "Защита свидетелей", "حماية الشهود", "证人保护"),
        ("protection.child_specific", "Child-specific measures", "Mesures spécifiques aux enfants",
         "Medidas específicas para niños", "Меры в отношении детей", "تدابير خاصة بالأطفال", "儿童专门措施"),
        ("protection.privacy", "Protection of privacy and identity", "Protection de la vie privée et de l'identité",
         "Protección de la privacidad y la identidad", "Защита частной жизни и личности", "حماية الخصوصية والهوية",
         "隐私和身份保护"),
        ("protection.shelter_recovery", "Shelter and recovery assistance", "Hébergement et aide au rétablissement",
         "Alojamiento y asistencia para la recuperación", "Приют и помощь в реабилитации",
         "المأوى والمساعدة على التعافي", "庇护和康复援助"),
        ("protection.legal_aid", "Legal aid and information", "Aide juridique et information",
         "Asistencia jurídica e información", "Юридическая помощь и информирование", "المساعدة القانونية والمعلومات",
         "法律援助和信息"),
        ("protection.repatriation", "Safe repatriation", "Rapatriement en sécurité", "Repatriación segura",
         "Безопасная репатриация", "الإعادة الآمنة إلى الوطن", "安全遣返"),
    ]),
    _vocabulary(HUMAN_RIGHTS_ASPECT, ("Human rights and gender aspects", "Droits humains et genre",
                                      "Derechos humanos y género", "Права человека и гендерные аспекты",
                                      "حقوق الإنسان والجوانب الجنسانية", "人权和性别问题"), [
        ("hr.gender_based_violence", "Gender-based violence", "Violence fondée sur le genre", "Violencia de género",
         "Гендерное насилие", "العنف القائم على النوع الاجتماعي", "基于性别的暴力"),
        ("hr.discrimination", "Discrimination", "Discrimination", "Discriminación", "Дискриминация", "التمييز", "歧视"),
        ("hr.lgbti", "LGBTI persons", "Personnes LGBTI", "Personas LGBTI", "ЛГБТИ-лица", "أفراد مجتمع الميم",
         "LGBTI人士"),
        ("hr.disability", "Persons with disabilities", "Personnes handicapées", "Personas con discapacidad",
         "Лица с инвалидностью", "الأشخاص ذوو الإعاقة", "残疾人"),
        ("hr.child_rights", "Rights of the child", "Droits de l'enfant", "Derechos del niño", "Права ребенка",
         "حقوق الطفل", "儿童权利"),
        ("hr.indigenous_peoples", "Indigenous peoples", "Peuples autochtones", "Pueblos indígenas", "Коренные народы",
         "الشعوب الأصلية", "土著人民"),
        ("hr.non_refoulement", "Refugee protection and non-refoulement", "Protection des réfugiés et non-refoulement",
         "Protección de los refugiados y no devolución", "Защита беженцев и невысылка",
         "حماية اللاجئين وعدم الإعادة القسرية", "难民保护和不驱回"),
        ("hr.fair_trial", "Fair trial", "Procès équitable", "Juicio justo", "Справедливое судебное разбирательство",
         "المحاكمة العادلة", "公正审判"),
        ("hr.other", "Other", "Autre", "Otro", "Другое", "أخرى", "其他"),
    ]),
    _vocabulary(SMUGGLING_AGGRAVATION, ("Smuggling: aggravating circumstances",
                                        "Trafic illicite : circonstances aggravantes",
                                        "Tráfico ilícito: circunstancias agravantes",
                                        "Незаконный ввоз: отягчающие обстоятельства", "التهريب: الظروف المشددة",
                                        "偷运：加重情节"), [
        ("aggravation.endangering_lives", "Endangering the lives or safety of migrants",
         "Mise en danger de la vie ou de la sécurité des migrants",
         "Poner en peligro la vida o la seguridad de los migrantes", "Угроза жизни или безопасности мигрантов",
         "تعريض حياة المهاجرين أو سلامتهم للخطر", "危及移民的生命或安全"),
        ("aggravation.inhuman_treatment", "Inhuman or degrading treatment", "Traitement inhumain ou dégradant",
         "Trato inhumano o degradante", "Бесчеловечное или унижающее достоинство обращение",
         "المعاملة اللاإنسانية أو المهينة", "不人道或有辱人格的待遇"),
        ("aggravation.exploitation", "Exploitation of migrants", "Exploitation des migrants",
         "Explotación de los migrantes", "Эксплуатация мигрантов", "استغلال المهاجرين", "剥削移民"),
    ]),
    _vocabulary(SMUGGLING_OFFENCE, ("Smuggling: offences (art. 6)", "Trafic illicite : infractions (art. 6)",
                                    "Tráfico ilícito: delitos (art. 6)", "Незаконный ввоз: преступления (ст. 6)",
                                    "التهريب: الجرائم (المادة 6)", "偷运：犯罪（第6条）"), [
        ("offence.smuggling", "Smuggling of migrants", "Trafic illicite de migrants", "Tráfico ilícito de migrantes",
         "Незаконный ввоз мигрантов", "تهريب المهاجرين", "偷运移民"),
        ("offence.fraudulent_document",
         "Producing, procuring, providing or possessing a fraudulent travel or identity document",
         "Fabrication, obtention, fourniture ou possession d'un document de voyage ou d'identité frauduleux",
         "Creación, facilitación, suministro o posesión de un documento de viaje o de identidad falso",
         "Изготовление, приобретение, предоставление или хранение поддельного документа на въезд/выезд "
         "или удостоверения личности",
         "إعداد وثيقة سفر أو هوية مزورة أو تدبيرها أو توفيرها أو حيازتها", "制作、获取、提供或持有欺诈性旅行或身份证件"),
        ("offence.enabling_illegal_stay", "Enabling illegal stay", "Aide au séjour illégal",
         "Habilitación de la permanencia ilegal", "Содействие незаконному пребыванию", "تمكين الإقامة غير المشروعة",
         "使非法居留成为可能"),
    ]),
    _vocabulary(SMUGGLING_MODE, ("Smuggling: mode", "Trafic illicite : mode", "Tráfico ilícito: modalidad",
                                 "Незаконный ввоз: способ", "التهريب: الوسيلة", "偷运：方式"), [
        ("mode.land", "By land", "Par voie terrestre", "Por tierra", "По суше", "عن طريق البر", "陆路"),
        ("mode.sea", "By sea", "Par voie maritime", "Por mar", "По морю", "عن طريق البحر", "海路"),
        ("mode.air", "By air", "Par voie aérienne", "Por aire", "По воздуху", "عن طريق الجو", "空路"),
    ]),
    _vocabulary(LANGUAGE, ("Languages", "Langues", "Idiomas", "Языки", "اللغات", "语言"), list(_language_rows())),
]

VOCABULARIES_BY_CODE = {v.code: v for v in VOCABULARIES}

# SHERLOC element ids (shared/data/sherloc/amp_ontology_v1.yaml) and the terms they map to, for imports.
SHERLOC_ELEMENTS = {
    "ACT_RECRUITMENT": "act.recruitment",
    "ACT_TRANSPORTATION": "act.transportation",
    "ACT_TRANSFER": "act.transfer",
    "ACT_HARBOURING": "act.harbouring",
    "ACT_RECEIPT": "act.receipt",
    "MEANS_THREAT_FORCE_OR_COERCION": "means.threat_force_coercion",
    "MEANS_ABDUCTION": "means.abduction",
    "MEANS_FRAUD": "means.fraud",
    "MEANS_DECEPTION": "means.deception",
    "MEANS_ABUSE_OF_POWER_OR_VULNERABILITY": "means.abuse_of_vulnerability",
    "MEANS_PAYMENTS_OR_BENEFITS_FOR_CONTROL": "means.payments_to_person_in_control",
    "PURPOSE_SEXUAL_EXPLOITATION": "purpose.sexual_exploitation",
    "PURPOSE_FORCED_LABOUR_OR_SERVICES": "purpose.forced_labour",
    "PURPOSE_SLAVERY_OR_SIMILAR_PRACTICES": "purpose.slavery",
    "PURPOSE_SERVITUDE": "purpose.servitude",
    "PURPOSE_REMOVAL_OF_ORGANS": "purpose.organ_removal",
    "PURPOSE_OTHER": "purpose.other",
}


def load_vocabularies(Vocabulary, Term) -> int:
    """Create the vocabularies and terms that do not exist yet; return the number of terms created.

    Takes the model classes so that migrations can pass their historical models. Existing terms
    are left as they are: administrators may have edited their labels.
    """
    created = 0
    for vocabulary_order, definition in enumerate(VOCABULARIES):
        vocabulary, _ = Vocabulary.objects.get_or_create(
            code=definition.code,
            defaults={"name": definition.name, "names": definition.names, "order": vocabulary_order},
        )
        for order, term in enumerate(definition.terms):
            _, was_created = Term.objects.get_or_create(
                vocabulary=vocabulary,
                code=term.code,
                defaults={"label": term.label, "labels": term.labels, "order": order},
            )
            created += was_created
    return created
