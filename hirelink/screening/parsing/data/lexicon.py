"""Dictionaries for fact extraction: section headings, skills, certificates, languages, titles, organisations.

Plain data, no logic beyond building lookup tables. Canonical names are what ends up in ``ResumeFacts``.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------------- sections
# section key → headings (compared after removing spaces/decorations, case-insensitive)
SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "profile": (
        "个人信息", "基本信息", "个人资料", "联系方式", "personal information", "personal details", "contact",
        "contact information", "profile", "个人简介", "简介",
    ),
    "education": (
        "教育背景", "教育经历", "学习经历", "教育情况", "学历教育", "教育", "education", "education background",
        "academic background", "educational background",
    ),
    "work": (
        "工作经历", "工作经验", "职业经历", "工作履历", "任职经历", "从业经历", "工作", "work experience",
        "professional experience", "employment history", "employment", "experience", "work history",
        "career history",
    ),
    "internship": (
        "实习经历", "实习经验", "实习", "实践经历", "社会实践", "internship", "internships",
        "internship experience",
    ),
    "projects": ("项目经历", "项目经验", "科研经历", "projects", "project experience", "research experience"),
    "skills": (
        "专业技能", "技能", "技能特长", "个人技能", "职业技能", "技能证书", "skills", "technical skills",
        "skills & certificates", "skills and certificates", "技能与证书",
    ),
    "certificates": (
        "证书", "资格证书", "职业资格", "证书资质", "资质证书", "获得证书", "certificates", "certifications",
        "licenses", "certificates & licenses", "qualifications",
    ),
    "languages": ("语言能力", "语言", "外语水平", "外语能力", "languages", "language skills", "language"),
    "awards": ("获奖情况", "荣誉奖励", "获奖经历", "奖励荣誉", "荣誉", "awards", "honors", "honours", "awards & honors"),
    "summary": ("自我评价", "个人评价", "自我介绍", "个人总结", "summary", "about me", "objective", "求职意向",
                "career objective"),
    "activities": ("校园经历", "在校经历", "社团经历", "学生工作", "campus activities", "activities",
                   "extracurricular activities", "leadership"),
}

# ------------------------------------------------------------------------------------------------ skills
# canonical → aliases (aliases include the canonical itself implicitly). ASCII aliases match on word boundaries,
# case-insensitively unless the alias is in SKILLS_CASE_SENSITIVE.
SKILLS: dict[str, tuple[str, ...]] = {
    "Python": ("python",),
    "Java": ("java",),
    "C++": ("c++", "cpp"),
    "C#": ("c#",),
    "Go": ("golang",),
    "JavaScript": ("javascript", "js"),
    "TypeScript": ("typescript",),
    "SQL": ("sql",),
    "MySQL": ("mysql",),
    "PostgreSQL": ("postgresql", "postgres"),
    "Oracle": ("oracle数据库", "oracle database", "oracle db"),
    "Redis": ("redis",),
    "Linux": ("linux",),
    "Docker": ("docker",),
    "Kubernetes": ("kubernetes", "k8s"),
    "Spring Boot": ("spring boot", "springboot"),
    "Django": ("django",),
    "React": ("react", "react.js"),
    "Vue": ("vue", "vue.js"),
    "Git": ("git",),
    "Hadoop": ("hadoop",),
    "Spark": ("spark", "pyspark"),
    "R": ("r语言",),
    "MATLAB": ("matlab",),
    "SAS": ("sas",),
    "SPSS": ("spss",),
    "Stata": ("stata",),
    "Excel": ("excel", "vba"),
    "PowerPoint": ("powerpoint", "ppt"),
    "Word": ("word文档",),
    "Office": ("office", "ms office", "microsoft office", "办公软件"),
    "Tableau": ("tableau",),
    "Power BI": ("power bi", "powerbi"),
    "Wind": ("wind金融终端", "wind终端", "wind"),
    "Bloomberg": ("bloomberg", "彭博"),
    "机器学习": ("machine learning", "机器学习"),
    "深度学习": ("deep learning", "深度学习"),
    "数据分析": ("data analysis", "data analytics", "数据分析"),
    "数据挖掘": ("data mining", "数据挖掘"),
    "自然语言处理": ("nlp", "natural language processing", "自然语言处理"),
    "财务分析": ("financial analysis", "财务分析"),
    "财务建模": ("financial modeling", "financial modelling", "财务建模", "财务模型"),
    "估值": ("valuation", "估值"),
    "风险管理": ("risk management", "风险管理", "风控"),
    "信贷审批": ("credit approval", "信贷审批", "授信审批"),
    "信贷分析": ("credit analysis", "信贷分析"),
    "反洗钱": ("anti-money laundering", "aml", "反洗钱"),
    "合规": ("compliance", "合规管理"),
    "审计": ("auditing", "审计"),
    "会计核算": ("bookkeeping", "会计核算", "账务处理"),
    "税务": ("taxation", "税务筹划", "税务申报"),
    "理财规划": ("financial planning", "wealth management", "理财规划", "资产配置"),
    "客户营销": ("client marketing", "客户营销", "客户拓展", "营销"),
    "客户服务": ("customer service", "客户服务"),
    "柜面业务": ("counter services", "柜面业务", "柜台业务"),
    "点钞": ("点钞",),
    "项目管理": ("project management", "项目管理"),
    "产品设计": ("product design", "产品设计"),
    "市场分析": ("market analysis", "market research", "市场分析", "市场调研"),
    "公文写作": ("公文写作",),
    "沟通协调": ("沟通协调",),
    "量化投资": ("quantitative investment", "quantitative trading", "量化投资", "量化交易"),
    "Photoshop": ("photoshop",),
    "AutoCAD": ("autocad", "cad"),
}
SKILLS_CASE_SENSITIVE: frozenset[str] = frozenset({"R", "Go", "SAS", "Wind", "Word"})

# --------------------------------------------------------------------------------------------- languages
# canonical zh → (English name, aliases)
LANGUAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "普通话": ("Mandarin", ("普通话", "mandarin", "汉语普通话", "putonghua")),
    "英语": ("English", ("英语", "英文", "english")),
    "粤语": ("Cantonese", ("粤语", "广东话", "cantonese")),
    "日语": ("Japanese", ("日语", "日文", "japanese")),
    "韩语": ("Korean", ("韩语", "朝鲜语", "korean")),
    "法语": ("French", ("法语", "french")),
    "德语": ("German", ("德语", "german")),
    "西班牙语": ("Spanish", ("西班牙语", "spanish")),
    "俄语": ("Russian", ("俄语", "russian")),
    "阿拉伯语": ("Arabic", ("阿拉伯语", "arabic")),
    "葡萄牙语": ("Portuguese", ("葡萄牙语", "portuguese")),
    "意大利语": ("Italian", ("意大利语", "italian")),
}

# proficiency words → normalised level (zh); checked longest first
PROFICIENCY_WORDS: dict[str, str] = {
    "母语": "母语",
    "native": "母语",
    "mother tongue": "母语",
    "精通": "精通",
    "fluent": "精通",
    "fluency": "精通",
    "流利": "精通",
    "熟练": "熟练",
    "proficient": "熟练",
    "professional working": "熟练",
    "advanced": "熟练",
    "良好": "良好",
    "good": "良好",
    "intermediate": "良好",
    "conversational": "良好",
    "一般": "基础",
    "基础": "基础",
    "basic": "基础",
    "elementary": "基础",
    "一级甲等": "一级甲等",
    "一级乙等": "一级乙等",
    "二级甲等": "二级甲等",
    "二级乙等": "二级乙等",
}

# -------------------------------------------------------------------------------------------- job titles
TITLE_WORDS_ZH: tuple[str, ...] = (
    "经理", "专员", "工程师", "分析师", "主管", "助理", "柜员", "实习生", "顾问", "总监", "会计", "出纳", "审计师",
    "研究员", "设计师", "架构师", "行长", "主任", "负责人", "组长", "总裁", "总经理", "董事", "秘书", "讲师",
    "教师", "运营", "开发", "测试", "产品经理", "客户经理", "理财经理", "大堂经理", "销售", "代表", "文员",
    "管培生", "管理培训生", "交易员", "精算师", "律师", "法务", "风控", "信贷员", "科员", "干事", "经办",
    "操作员", "客服", "翻译", "编辑", "记者", "护士", "医生", "策划", "督导", "实习", "合伙人", "副总裁",
    "研究助理", "数据分析", "投资经理", "业务员", "岗",
)
TITLE_WORDS_EN: tuple[str, ...] = (
    "engineer", "analyst", "manager", "intern", "associate", "assistant", "developer", "consultant",
    "director", "officer", "specialist", "teller", "accountant", "auditor", "designer", "scientist",
    "researcher", "lead", "head", "vp", "vice president", "president", "representative", "coordinator",
    "administrator", "architect", "trainee", "programmer", "advisor", "adviser", "executive", "supervisor",
    "clerk", "trader", "banker", "partner", "cashier", "secretary", "teacher", "lecturer", "editor",
    "product owner", "sales", "planner", "controller", "actuary", "economist", "strategist",
)

# ------------------------------------------------------------------------------------------ organisations
ORG_SUFFIXES_ZH: tuple[str, ...] = (
    "有限责任公司", "股份有限公司", "有限公司", "公司", "集团", "银行", "分行", "支行", "营业部", "证券",
    "基金", "保险", "信托", "期货", "研究院", "研究所", "研究中心", "事务所", "中心", "医院", "学校",
    "委员会", "管理局", "局", "厅", "办公室", "工作室", "科技", "网络", "控股", "资本", "咨询", "律所",
    "交易所", "联合社", "合作社", "银保监局", "人民政府", "街道办",
)
ORG_SUFFIXES_EN: tuple[str, ...] = (
    "inc", "inc.", "ltd", "ltd.", "limited", "llc", "llp", "corp", "corp.", "corporation", "company", "co.",
    "group", "bank", "capital", "securities", "partners", "consulting", "technologies", "technology",
    "holdings", "plc", "gmbh", "ag", "s.a.", "labs", "studio", "fund", "investments", "insurance", "bureau",
    "agency", "foundation", "institute", "university", "hospital", "associates", "advisors", "management",
)
KNOWN_EMPLOYERS: tuple[str, ...] = (
    "腾讯", "阿里巴巴", "蚂蚁集团", "华为", "字节跳动", "百度", "美团", "京东", "网易", "小米", "拼多多",
    "滴滴", "快手", "中国银行", "工商银行", "建设银行", "农业银行", "交通银行", "招商银行", "中信银行",
    "浦发银行", "兴业银行", "民生银行", "平安银行", "光大银行", "华夏银行", "邮储银行", "中信证券", "中金公司",
    "德勤", "普华永道", "毕马威", "安永", "麦肯锡",
    "Tencent", "Alibaba", "Ant Group", "Huawei", "ByteDance", "Baidu", "Meituan", "JD.com", "NetEase",
    "Xiaomi", "Google", "Microsoft", "Amazon", "Apple", "Meta", "IBM", "Oracle", "Deloitte", "PwC", "KPMG",
    "EY", "Ernst & Young", "McKinsey", "BCG", "Bain", "Goldman Sachs", "Morgan Stanley", "J.P. Morgan",
    "JPMorgan", "HSBC", "Citi", "Citibank", "Standard Chartered", "UBS", "Barclays", "BlackRock", "CICC",
)
