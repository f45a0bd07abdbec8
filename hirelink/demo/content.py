# ruff: noqa: E501 - long Chinese prose (full-width characters count double) reads better unwrapped
"""Demo content written for HireLink: departments, the two demo positions (柜员 and 科技岗), their question
banks with full behaviourally anchored rubrics (Chinese with English translations), and the demo staff users.

Pure data: the seeding code in hirelink.demo.seeding turns it into rows through the real services.
"""

from __future__ import annotations

from typing import Any

from hirelink.accounts.models import Role
from hirelink.positions.vocabulary import AnswerMode, Dimension, EducationLevel

DEMO_PASSWORD = "HireLink-demo-2026"  # noqa: S105 - documented demo password, printed by print_demo_logins

D = Dimension


def _levels(*pairs: tuple[str, str]) -> list[dict[str, Any]]:
    assert len(pairs) == 5  # noqa: S101 - data-shape guard for this module
    return [{"level": n, "descriptor": zh, "descriptor_en": en} for n, (zh, en) in enumerate(pairs, start=1)]


def _points(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"text": zh, "text_en": en} for zh, en in pairs]


def _exemplars(strong: str, weak: str) -> list[dict[str, Any]]:
    return [
        {"level": 5, "language": "zh", "text": strong},
        {"level": 2, "language": "zh", "text": weak},
    ]


# --------------------------------------------------------------------------------------------------------
# Organisation
# --------------------------------------------------------------------------------------------------------

# (name, name_en, parent name or None); parents come first.
DEPARTMENTS: list[tuple[str, str, str | None]] = [
    ("总行", "Head Office", None),
    ("零售金融总部", "Retail Banking Division", "总行"),
    ("信息技术部", "Information Technology Department", "总行"),
    ("深圳分行", "Shenzhen Branch", None),
    ("深圳分行营业部", "Shenzhen Branch Operations", "深圳分行"),
]

TELLER_BRANCHES = ["深圳分行福田支行", "深圳分行南山支行", "深圳分行罗湖支行", "深圳分行宝安支行"]
TECH_BRANCH = "总行信息技术部（深圳）"

# --------------------------------------------------------------------------------------------------------
# Question banks
# --------------------------------------------------------------------------------------------------------

TELLER_QUESTIONS: list[dict[str, Any]] = [
    {
        "text": "遇到客户投诉时，你会如何处理？",
        "text_en": "How would you handle a customer complaint?",
        "dimensions": [D.SERVICE_AWARENESS, D.COMMUNICATION, D.EMOTIONAL_STABILITY],
        "levels": _levels(
            (
                "回避或推卸责任（如“这不归我管”），与客户争辩，或说不出任何处理步骤。",
                'Avoids or shifts responsibility ("not my job"), argues with the customer, or names no '
                "handling steps at all.",
            ),
            (
                "知道要“态度好”“道歉”，但只停留在态度层面，没有核实问题、给出方案或跟进的具体做法。",
                "Knows to be polite and apologise but stays at the level of attitude: no concrete steps to "
                "check the facts, offer a solution or follow up.",
            ),
            (
                "能说出倾听、致歉、核实、处理的基本步骤，但较笼统；超出权限时如何上报、如何跟进说得不清楚。",
                "Names the basic steps (listen, apologise, check, resolve) but generically; unclear about "
                "escalating beyond own authority or following up.",
            ),
            (
                "步骤完整、有条理：先安抚情绪并复述确认诉求，再按制度核实并给出可行方案，超出权限及时上报并约定"
                "答复时间；能举出具体情境。",
                "Complete, orderly steps: calms the customer and restates the complaint, checks against "
                "procedure and offers workable options, escalates beyond own authority and commits to a reply "
                "time; gives a concrete situation.",
            ),
            (
                "在 4 级基础上，能区分投诉类型（服务态度、业务差错、制度限制）分别处理，兼顾客户感受与合规底线，"
                "事后回访并推动流程或服务改进，体现“以客户为中心”的主动意识。",
                "Beyond level 4: distinguishes complaint types (attitude, error, policy limit) and handles "
                "each accordingly, balances the customer's feelings with compliance, follows up afterwards "
                "and drives improvements to process or service: a proactive customer-first mindset.",
            ),
        ),
        "key_points": _points(
            (
                "保持冷静，耐心倾听，先处理情绪再处理事情",
                "Stay calm and listen patiently; deal with feelings before the issue",
            ),
            ("复述确认客户诉求，真诚致歉", "Restate the complaint to confirm it; apologise sincerely"),
            (
                "依据制度核实事实，给出明确可行的解决方案",
                "Check the facts against procedure; offer a clear, workable solution",
            ),
            (
                "超出权限及时上报主管，并告知客户处理时限",
                "Escalate beyond your authority promptly and tell the customer when to expect an answer",
            ),
            ("事后回访客户，总结原因、改进服务", "Follow up afterwards, find the cause and improve the service"),
        ),
        "exemplars": _exemplars(
            "我会先把客户请到相对安静的地方坐下，耐心听他把事情讲完，不打断，也不急着解释。然后复述一遍他的诉求，"
            "比如“您是因为转账到账慢、又没有人提前告知，所以很着急，对吗？”，并真诚道歉。接着我会查询业务记录核实"
            "原因：如果是我们的差错，马上按流程更正并说明补救措施；如果是制度规定的限制，我会用通俗的话解释规定的"
            "原因，并给出其他可行的办法。超出我权限的，我会立即请大堂经理或主管协助，同时告诉客户大概多久能给答复。"
            "处理完后，我会在约定时间回电确认客户是否满意，并把这类问题记录下来，在晨会上和同事分享，看看流程上能不能"
            "提前提示客户，避免再次发生。",
            "我会态度好一点，先跟客户道歉，让他别生气。然后把情况告诉领导，让领导来处理。",
        ),
    },
    {
        "text": "午间高峰时段，网点等候的客户越来越多，几位客户开始大声抱怨等待时间太长，而你手头正在办理一笔比较"
        "复杂的业务。你会怎么做？",
        "text_en": "At the lunchtime peak the branch queue keeps growing and several customers start complaining "
        "loudly about the wait, while you are in the middle of a complex transaction. What would you do?",
        "dimensions": [D.SERVICE_AWARENESS, D.EMOTIONAL_STABILITY, D.TEAMWORK],
        "levels": _levels(
            (
                "情绪受影响，抱怨客户或同事，或为了赶进度简化操作流程、忽视风险。",
                "Gets rattled, blames customers or colleagues, or cuts corners on procedure to go faster.",
            ),
            (
                "只想着加快速度办完手上的业务，对等候客户的情绪和现场秩序没有任何应对。",
                "Only thinks of finishing faster; does nothing about the waiting customers' feelings or order "
                "in the banking hall.",
            ),
            (
                "能保证手上业务准确办理，也想到请大堂经理安抚客户，但措施单一，缺少分流和沟通的具体做法。",
                "Keeps the current transaction accurate and thinks of asking the lobby manager to calm "
                "customers, but with a single measure and no concrete triage or communication.",
            ),
            (
                "在确保当前业务准确合规的前提下，向客户简短说明并致歉，及时联系大堂经理或主管增开窗口、引导客户"
                "使用自助设备或手机银行分流，自身保持情绪稳定。",
                "Keeps the current transaction accurate and compliant, briefly explains and apologises, "
                "promptly asks the lobby manager or supervisor to open windows and steer customers to "
                "self-service machines or mobile banking, and stays composed.",
            ),
            (
                "在 4 级基础上，能分清轻重缓急（如老人、急事客户的优先安排），与团队分工协作，高峰过后复盘排队"
                "原因并提出改进建议（如预约、错峰提示），体现服务意识与全局观。",
                "Beyond level 4: prioritises sensibly (elderly or urgent customers), coordinates with the "
                "team, and after the peak reviews why the queue formed and proposes improvements (appointments, "
                "off-peak reminders): service mindset and a view of the whole branch.",
            ),
        ),
        "key_points": _points(
            (
                "先保证手上业务准确、合规，不因赶时间简化流程",
                "Keep the current transaction accurate and compliant; never skip steps to save time",
            ),
            (
                "礼貌致歉并告知预计等待时间，安抚客户情绪",
                "Apologise politely, give an expected waiting time and calm the customers",
            ),
            (
                "联系大堂经理或主管增开窗口、引导自助渠道分流",
                "Ask the lobby manager or supervisor to open windows and steer customers to self-service",
            ),
            ("保持自身情绪稳定，不与客户争执", "Stay composed; do not argue with customers"),
            ("事后复盘，提出减少排队的改进建议", "Review afterwards and suggest ways to shorten queues"),
        ),
        "exemplars": _exemplars(
            "首先我不会因为着急就跳过手上业务的核对步骤，柜面业务出错的代价比多等几分钟大得多。我会抬头向等候的客户"
            "说一句“非常抱歉让大家久等了，我这笔业务大约还需要五分钟”，让他们心里有数。同时我会请大堂经理协助：一是"
            "看能否增开一个窗口，二是询问排队客户办理什么业务，能用自助设备或手机银行办理的引导过去，老人和有急事的"
            "客户适当优先安排。我自己保持语速平稳、态度温和，不被抱怨影响。高峰过后，我会和同事一起看看排队集中在哪些"
            "业务、哪个时间段，建议网点在这段时间加强分流，或者提示客户提前预约。",
            "我会加快速度把手上的业务赶紧办完，然后尽快叫下一个号，让客户少等一会儿。",
        ),
    },
    {
        "text": "在柜面办理业务时，哪些迹象会让你怀疑客户可能正在遭遇电信诈骗，或者交易可能涉及洗钱？发现后你会"
        "怎么做？请结合具体情景说明。",
        "text_en": "At the counter, which signs would make you suspect that a customer is being defrauded by "
        "phone scammers, or that a transaction may involve money laundering? What would you do once you "
        "noticed? Please illustrate with a concrete situation.",
        "dimensions": [D.INTEGRITY, D.PROFESSIONAL_MATCH, D.SERVICE_AWARENESS],
        "levels": _levels(
            (
                "说不出可疑迹象，或认为“客户要办就照办”，甚至会向客户透露被怀疑、帮其规避检查。",
                "Cannot name warning signs, or would simply do whatever the customer asks, or would tip off "
                "the customer or help them avoid checks.",
            ),
            (
                "只能泛泛地说出“金额大”“神色慌张”等一两点，处置笼统（如“提醒一下客户”），不清楚上报流程。",
                'Names only one or two vague signs ("large amount", "nervous"), with vague action '
                '("remind the customer") and no idea of the reporting process.',
            ),
            (
                "能列举几种典型迹象（如老人大额转账给陌生账户、边接电话边操作、大额现金拆分存取），知道要劝阻并"
                "报告主管，但对反洗钱的客户身份识别、保密要求说得不完整。",
                "Lists several typical signs (an elderly customer sending large sums to a stranger, acting on "
                "phone instructions, cash split into many deposits) and knows to dissuade and report to the "
                "supervisor, but is incomplete on customer due diligence and confidentiality.",
            ),
            (
                "能分别说明电诈与洗钱的典型迹象，处置得当：耐心询问、劝阻并暂缓交易、及时报告主管，必要时联系"
                "家属或报警；洗钱疑点按制度开展身份识别、留存资料、报送可疑交易，且不向客户泄露。",
                "Explains typical signs of both fraud and laundering and handles them properly: patient "
                "questions, dissuading and pausing the transaction, reporting to the supervisor, contacting "
                "family or police when needed; for laundering, due diligence, record keeping and a "
                "suspicious-transaction report without tipping off the customer.",
            ),
            (
                "在 4 级基础上，能在合规与客户体验之间把握分寸（尊重客户、说明原因、不简单拒绝），举出真实或合理的"
                "具体情景，体现“守住资金安全是对客户最好的服务”的风险意识和职业操守。",
                "Beyond level 4: balances compliance with the customer's experience (respectful, explains why, "
                "does not simply refuse), gives a real or realistic case, and shows the risk awareness and "
                'integrity of "keeping customers\' money safe is the best service".',
            ),
        ),
        "key_points": _points(
            (
                "电诈迹象：老年客户大额转账给陌生账户、边听电话边操作、提到“安全账户”“公检法要求”、神色紧张",
                "Fraud signs: elderly customers sending large sums to unknown accounts, acting on phone "
                'instructions, talk of a "safe account" or police orders, visible anxiety',
            ),
            (
                "洗钱迹象：大额现金拆分存取、交易与身份职业明显不符、频繁开户、代他人办理且说不清资金来源",
                "Laundering signs: cash split into many deposits, activity that does not fit the customer's "
                "profile, many new accounts, acting for others without a clear source of funds",
            ),
            (
                "耐心询问、劝阻并暂缓交易，及时报告主管，必要时联系家属或报警",
                "Ask patiently, dissuade and pause the transaction, report to the supervisor, involve family "
                "or the police when needed",
            ),
            (
                "按反洗钱制度做好客户身份识别、留存记录、报送可疑交易，不向客户泄露",
                "Follow the AML rules: customer due diligence, records, a suspicious-transaction report, and "
                "never tip off the customer",
            ),
            (
                "态度尊重，向客户说明原因，兼顾风险防控与客户体验",
                "Stay respectful and explain why: control the risk without losing the customer",
            ),
        ),
        "exemplars": _exemplars(
            "电诈方面，比如一位老人要把刚到期的大额定期全部取出转到一个陌生账户，一边办一边接电话，对方还不让他挂断，"
            "说是“公安局的安全账户”，这些都是很典型的信号。我会先请他把电话放一放，用温和的语气了解资金用途，告诉他"
            "公检法从来不会要求把钱转到所谓的安全账户，并给他看网点的反诈宣传案例；同时马上报告主管，暂缓办理，必要时"
            "联系他的家属或拨打 110、96110。洗钱方面，比如有客户每天多次存入略低于大额报告标准的现金，或者账户交易量和"
            "他说的职业明显不符，我会按反洗钱制度进一步核实身份和资金来源，完整留存资料，按流程上报可疑交易，但不会"
            "当面质问或透露给客户。整个过程我都会保持礼貌，向客户解释这是为了保护他的资金安全。",
            "如果客户看起来很慌张，转账金额又很大，我会提醒他注意有没有被骗。如果他坚持要转，那是他自己的钱，"
            "我也没办法。",
        ),
    },
    {
        "text": "行里正在推广一款稳健型理财产品，你也有相应的营销任务。一位前来办理定期存款续存的客户似乎对理财"
        "不太感兴趣。你会怎么做？",
        "text_en": "The bank is promoting a low-risk wealth-management product and you have a sales target. "
        "A customer who came to renew a fixed-term deposit does not seem interested in wealth products. "
        "What would you do?",
        "dimensions": [D.SERVICE_AWARENESS, D.INTEGRITY, D.COMMUNICATION],
        "levels": _levels(
            (
                "反复推销、夸大收益或承诺“保本保收益”，甚至为完成任务诱导客户购买不适合的产品。",
                "Pushes repeatedly, overstates returns or promises guaranteed principal and returns, or steers "
                "the customer into an unsuitable product to hit the target.",
            ),
            (
                "要么完全不提产品，要么机械地念产品介绍；不了解客户需求，也不提风险测评和适当性要求。",
                "Either never mentions the product or recites the brochure; does not ask about needs and "
                "ignores risk assessment and suitability rules.",
            ),
            (
                "先办好客户的存款业务，简单了解需求后适度介绍产品，客户拒绝后停止推荐，但对风险揭示和适当性管理"
                "说得不充分。",
                "Completes the deposit first, asks briefly about needs and mentions the product moderately, "
                "stops when declined, but says too little about risk disclosure and suitability.",
            ),
            (
                "以客户需求为出发点：先办好业务，通过自然交流了解资金用途、期限和风险偏好，如实介绍收益与风险，"
                "强调风险测评和适当性，客户不感兴趣就尊重其选择并留下联系方式。",
                "Starts from the customer's needs: finishes the transaction, learns purpose, horizon and risk "
                "appetite in natural conversation, describes returns and risks truthfully, insists on risk "
                "assessment and suitability, respects a no and leaves contact details.",
            ),
            (
                "在 4 级基础上，能把营销任务与长期客户关系结合（推荐合适的存款产品同样是好的服务），清楚合规红线"
                "（不误导、不飞单、不代客操作），并能给出具体的沟通话术或经历。",
                "Beyond level 4: links the sales target to a long-term relationship (recommending the right "
                "deposit product is also good service), knows the red lines (no misleading claims, no "
                "off-book selling, never operating on the customer's behalf) and gives concrete wording or "
                "experience.",
            ),
        ),
        "key_points": _points(
            ("先把客户本来要办的业务办好", "First complete the business the customer came for"),
            (
                "了解客户的资金用途、期限和风险偏好，再判断是否适合推荐",
                "Learn the purpose, horizon and risk appetite before deciding whether to recommend anything",
            ),
            (
                "如实说明收益与风险，不承诺保本保收益，按规定做风险测评",
                "Explain returns and risks truthfully, never promise guaranteed returns, do the required risk "
                "assessment",
            ),
            ("尊重客户的选择，不反复纠缠", "Respect the customer's decision; do not keep pushing"),
            ("着眼长期客户关系，而不只是完成一次任务", "Think of the long-term relationship, not a one-off target"),
        ),
        "exemplars": _exemplars(
            "我会先把客户的续存业务认真办好，这是他来网点的目的。办理过程中我会自然地聊几句，比如这笔钱大概多久不用、"
            "以后有没有用钱的打算，了解他的期限和对风险的态度。如果他明显偏好稳妥，我会简单提一句：“我们现在有一款"
            "风险等级较低的理财产品，期限和您这笔钱比较匹配，但它和存款不一样，收益不保证，需要先做风险测评，您有兴趣"
            "的话我给您一份资料。”如果客户说不需要，我就尊重他的选择，不会反复推销，把资料和我的联系方式留给他就好。"
            "营销任务很重要，但我更希望客户觉得我推荐的东西是真正为他着想的，这样他以后有需要自然会来找我。",
            "我会先帮他办完续存，然后把理财产品的宣传单给他，跟他说这款产品收益比定期高，有兴趣可以看看。",
        ),
    },
    {
        "text": "请讲一次你和同学或同事紧密配合完成一项任务的经历：你承担了什么角色？过程中出现过什么分歧或困难，"
        "你是怎么处理的？结果如何？",
        "text_en": "Tell us about a time you worked closely with classmates or colleagues to complete a task: "
        "what was your role, what disagreement or difficulty came up, how did you handle it, and what was "
        "the result?",
        "dimensions": [D.TEAMWORK, D.COMMUNICATION],
        "levels": _levels(
            (
                "举不出经历，或只讲个人贡献、把问题归咎于他人。",
                "Gives no example, or talks only about own contribution and blames others.",
            ),
            (
                "有经历但描述笼统（“大家一起努力完成了”），看不出本人的角色和具体行为。",
                'Has an example but vague ("we all worked hard"); own role and actions are unclear.',
            ),
            (
                "能说清任务、角色和自己做的事，提到了分歧，但处理方式简单（如“听组长的”），缺少结果或反思。",
                "Explains the task, role and own actions and mentions a disagreement, but handles it simply "
                '("did what the leader said"), with little on result or reflection.',
            ),
            (
                "按情境、任务、行动、结果完整讲述；面对分歧主动沟通、换位思考，围绕共同目标协调方案，并说明"
                "可衡量的结果。",
                "A complete situation-task-action-result account; in the disagreement communicates "
                "proactively, sees the other side and aligns on the shared goal; states a measurable result.",
            ),
            (
                "在 4 级基础上，能主动补位、帮助他人，反思自己在协作中的不足及改进，并联系到柜面工作中“双人复核、"
                "互相补位”的协作要求。",
                "Beyond level 4: steps in to cover gaps and help others, reflects on own shortcomings and how "
                "they improved, and links this to counter work (dual control, covering for each other).",
            ),
        ),
        "key_points": _points(
            ("清楚说明情境、任务和自己的角色", "State the situation, the task and your own role"),
            ("描述自己采取的具体行动", "Describe the concrete actions you took"),
            (
                "面对分歧主动沟通、换位思考，围绕共同目标解决",
                "Handle disagreement by talking it through, seeing the other view and focusing on the goal",
            ),
            ("说明结果，最好可衡量", "State the result, measurable if possible"),
            ("反思收获，并联系到柜面团队协作", "Reflect on the lessons and relate them to teamwork at the counter"),
        ),
        "exemplars": _exemplars(
            "大三时我和三位同学参加一个金融案例大赛，我负责数据分析和最后的汇报。初赛前两天，负责方案的同学和我在目标"
            "客群上有分歧：他想做年轻白领，我从数据看退休客群的需求更大。我没有坚持己见，而是约大家一起把两份数据摆"
            "出来比较，最后决定以退休客群为主、年轻客群作为延伸。那两天负责排版的同学生病了，我主动接过了一半的幻灯片。"
            "我们拿到了赛区二等奖。这件事让我体会到，分歧要靠事实和共同目标来解决，团队里有人顶不上时要主动补位，这和"
            "柜面工作中双人复核、忙时互相支援是一个道理。",
            "我在学生会组织过很多活动，大家配合都很好，遇到问题一起商量，最后活动都办得很成功。",
        ),
    },
    {
        "text": "日终轧账时，你发现自己的现金尾箱短款 200 元，反复清点后仍然对不上。你会怎么处理？",
        "text_en": "When balancing at the end of the day you find your cash drawer is 200 yuan short, and "
        "recounting does not resolve it. How would you handle this?",
        "dimensions": [D.INTEGRITY, D.PROFESSIONAL_MATCH, D.EMOTIONAL_STABILITY],
        "levels": _levels(
            (
                "想私下用自己的钱补上、隐瞒不报，或挪用长款弥补，或推给他人。",
                "Would quietly make it up with own money and not report it, offset it with a surplus "
                "elsewhere, or blame someone else.",
            ),
            (
                "知道要报告，但只说“告诉领导”，没有查找原因的具体步骤，也不了解长短款处理规定。",
                'Knows to report but only says "tell the manager", with no steps to find the cause and no '
                "knowledge of the rules on cash discrepancies.",
            ),
            (
                "能说出立即报告主管、复点现金、核对当天凭证等步骤，但不够系统，对调阅监控、联系客户等说得不清。",
                "Names reporting to the supervisor, recounting and checking the day's vouchers, but not "
                "systematically; vague on reviewing CCTV or contacting customers.",
            ),
            (
                "处理规范：第一时间如实报告主管，在监督下复点尾箱、逐笔核对当日流水和凭证，必要时调阅监控，找到"
                "原因后按流程联系客户追回，查不清的按长短款管理规定登记处理。",
                "By the book: reports truthfully at once, recounts under supervision, checks every "
                "transaction and voucher, reviews CCTV if needed, contacts the customer through proper "
                "channels once the cause is found, and records unresolved differences under the "
                "cash-discrepancy rules.",
            ),
            (
                "在 4 级基础上，保持冷静不慌乱，事后分析差错原因（点钞、配款、找零等环节）并改进个人操作习惯，体现"
                "“账款相符、如实报告”的底线意识。",
                "Beyond level 4: stays calm, analyses afterwards where it went wrong (counting, bundling, "
                'giving change) and changes own habits: a firm commitment to "cash matches the books and is '
                'reported honestly".',
            ),
        ),
        "key_points": _points(
            (
                "第一时间如实报告主管，不隐瞒、不私自补款",
                "Report truthfully to the supervisor at once; never hide it or quietly make it up",
            ),
            (
                "在监督下复点尾箱，逐笔核对当日流水和凭证",
                "Recount under supervision; check every transaction and voucher of the day",
            ),
            (
                "必要时调阅监控，找到原因后按流程联系客户",
                "Review CCTV if needed; contact the customer through proper channels once the cause is found",
            ),
            ("按长短款管理规定登记处理", "Record and settle the difference under the cash-discrepancy rules"),
            ("事后分析原因，改进操作习惯", "Analyse the cause afterwards and improve working habits"),
        ),
        "exemplars": _exemplars(
            "我会先让自己冷静下来，第一时间如实向主管报告，绝不会自己掏钱悄悄补上，因为这样会掩盖真正的问题。然后在"
            "主管监督下重新清点尾箱，检查是否有钞票夹在捆扎带或抽屉缝里，再逐笔核对当天的交易流水和凭证，重点看现金"
            "业务和找零较多的几笔。如果还查不出，我会申请调阅柜台监控，看是否有多付给客户的情况；确认后按流程由网点"
            "联系客户说明情况，请客户协助退回。如果最终仍然查不清，就按长短款管理规定如实登记处理。事后我会复盘是哪个"
            "环节出的错，比如点钞后没有再复核一次，以后严格执行唱收唱付和复核，避免再次发生。",
            "我会告诉主管，然后再数几遍钱。实在找不到的话就只能自己认了。",
        ),
    },
]

TECH_QUESTIONS: list[dict[str, Any]] = [
    {
        "text": "请解释一下你对区块链技术的理解",
        "text_en": "Please explain your understanding of blockchain technology.",
        "dimensions": [D.LOGICAL_THINKING, D.PROFESSIONAL_MATCH, D.COMMUNICATION],
        "levels": _levels(
            (
                "概念错误或混淆（如把区块链等同于比特币、认为“绝对安全不可能被攻击”），无法成段表达。",
                'Wrong or confused concepts (blockchain equals Bitcoin, "absolutely unhackable"); cannot '
                "explain coherently.",
            ),
            (
                "能说出“去中心化”“不可篡改”等名词，但说不清原理，缺乏条理和例子。",
                'Repeats buzzwords ("decentralised", "tamper-proof") without explaining how they work; '
                "no structure or examples.",
            ),
            (
                "能解释区块、哈希链接、分布式账本和共识的基本原理，有一定条理，但对应用场景或局限谈得较少。",
                "Explains blocks, hash links, the distributed ledger and consensus with some structure, but "
                "says little about use cases or limits.",
            ),
            (
                "原理讲解准确、层次清楚（数据结构、共识机制、智能合约），能区分公链与联盟链，并结合金融场景（如"
                "供应链金融、跨境支付、电子票据）说明价值。",
                "Accurate, well-layered explanation (data structure, consensus, smart contracts), "
                "distinguishes public and consortium chains, and illustrates the value with financial use "
                "cases (supply-chain finance, cross-border payments, e-bills).",
            ),
            (
                "在 4 级基础上，能客观分析局限与风险（性能、隐私、监管合规、上链前数据的真实性），给出何时适合、"
                "何时不适合使用区块链的判断，表达总分结构清楚、逻辑严密。",
                "Beyond level 4: weighs limits and risks objectively (throughput, privacy, regulation, whether "
                "data was true before it went on chain), judges when blockchain fits and when it does not, "
                "with a clear top-down, rigorous argument.",
            ),
        ),
        "key_points": _points(
            (
                "区块通过哈希指针链接，形成难以篡改的链式账本",
                "Blocks linked by hash pointers form a ledger that is hard to tamper with",
            ),
            (
                "多节点分布式记账，通过共识机制（如 PoW、PoS、PBFT、Raft）保持一致",
                "Many nodes keep the ledger and agree through a consensus mechanism (PoW, PoS, PBFT, Raft)",
            ),
            ("智能合约让业务规则自动执行", "Smart contracts execute business rules automatically"),
            (
                "区分公链与联盟链，银行多使用许可制的联盟链",
                "Public versus consortium chains; banks mostly use permissioned consortium chains",
            ),
            (
                "结合金融场景，并客观说明局限（性能、隐私、监管）",
                "Relate it to financial use cases and state the limits (performance, privacy, regulation)",
            ),
        ),
        "exemplars": _exemplars(
            "我从原理、应用和局限三个方面来讲。原理上，区块链是一种多方共同维护的分布式账本：交易被打包成区块，每个"
            "区块保存上一个区块的哈希值，一旦改动历史数据，后面所有的哈希都会对不上，所以很难篡改；各节点通过共识机制"
            "对新区块达成一致，公链常用工作量证明或权益证明，银行用的联盟链多采用 PBFT、Raft 这类效率更高的算法；智能"
            "合约则能把约定好的业务规则写成代码自动执行。应用上，它适合多个互不完全信任的机构需要共享同一份可信数据的"
            "场景，比如供应链金融中应收账款的确权和拆分流转、跨境贸易的单据核验、电子票据等。局限也很明显：吞吐量不如"
            "中心化数据库，链上数据的隐私保护需要额外设计，监管合规要求高，而且区块链只能保证上链之后不被篡改，保证"
            "不了上链之前的数据是真的。所以我的判断是：一个机构自己用的系统没必要上链，多方协作、需要互信和追溯的场景"
            "才值得用。",
            "区块链就是比特币用的技术，它是去中心化的，数据不能被篡改，所以非常安全，以后银行的系统都会用区块链。",
        ),
    },
    {
        "text": "请介绍一个你参与设计或开发的系统或项目：它要解决什么问题？整体架构是怎样的？你具体负责哪一部分？"
        "遇到的最大技术难点是什么，你是如何解决的？",
        "text_en": "Describe a system or project you helped design or build: what problem did it solve, what "
        "was the overall architecture, which part were you responsible for, and what was the hardest "
        "technical problem and how did you solve it?",
        "dimensions": [D.PROFESSIONAL_MATCH, D.LOGICAL_THINKING, D.COMMUNICATION],
        "levels": _levels(
            (
                "说不清项目做什么，或内容明显不是本人参与，技术描述有错误。",
                "Cannot say clearly what the project does, or it is evidently not their own work; technical "
                "statements are wrong.",
            ),
            (
                "能说出项目名称和技术栈，但只是罗列名词，说不清架构和本人职责，难点说不具体。",
                "Names the project and lists the tech stack, but cannot explain the architecture or own "
                "responsibility; the difficulty stays vague.",
            ),
            (
                "能说明背景、整体架构和本人负责的模块，提到一个难点及解决方法，但分析较浅，缺少数据或取舍说明。",
                "Explains the background, overall architecture and own module, mentions one difficulty and "
                "its fix, but shallowly: no figures and no trade-offs.",
            ),
            (
                "表达有条理（问题、架构、本人职责、难点、方案、结果）；难点分析有深度（定位过程、备选方案与取舍），"
                "并给出可量化的效果（如响应时间、吞吐量、缺陷率）。",
                "Well structured (problem, architecture, own role, difficulty, solution, result); the "
                "difficulty is analysed in depth (diagnosis, alternatives, trade-offs) with measurable "
                "outcomes (latency, throughput, defect rate).",
            ),
            (
                "在 4 级基础上，能反思设计的不足与改进方向，体现工程素养（测试、监控、安全、可维护性），并能把经验"
                "迁移到银行系统的要求（稳定性、合规、数据安全）。",
                "Beyond level 4: reflects on design weaknesses and what they would change, shows engineering "
                "discipline (testing, monitoring, security, maintainability), and transfers the lessons to a "
                "bank's needs (stability, compliance, data security).",
            ),
        ),
        "key_points": _points(
            ("说明项目背景和要解决的业务问题", "State the project background and the business problem"),
            ("说明整体架构和关键技术选型", "Describe the overall architecture and the key technology choices"),
            ("明确本人负责的部分和具体贡献", "Make clear which part was yours and what you contributed"),
            (
                "深入说明最大的技术难点、解决过程与取舍",
                "Explain the hardest problem, how you solved it and the trade-offs",
            ),
            ("给出可量化的结果，并反思改进", "Give measurable results and reflect on improvements"),
        ),
        "exemplars": _exemplars(
            "我在实习时参与了一个商户对账系统的重构。原来每天凌晨用脚本把几百万条交易流水和清算机构的对账文件逐条比对，"
            "要跑三个多小时，经常赶不上早上八点出账。新系统分为文件接入、对账引擎和差错处理三部分，"
            "用 Spring Boot 开发，数据存在 MySQL，中间用 Kafka 解耦，我负责对账引擎。最大的难点是数据量大，而且两边的流水号规则不统一。我先"
            "花了两天统计不匹配的样本，发现主要是交易跨日和部分退款拆单造成的，于是设计了“精确匹配加规则匹配”两轮："
            "第一轮按流水号哈希分片并行比对，第二轮对剩下的少量数据按金额、时间窗口和商户号做规则匹配。上线后对账时间从"
            "三个多小时降到二十分钟左右，人工处理的差错单减少了八成。回头看，我们一开始没有做好对账结果的可追溯日志，"
            "排查问题比较费劲，如果重做，我会在设计阶段就把审计和监控考虑进去，这对银行系统尤其重要。",
            "我做过一个图书管理系统，用的是 Java、Spring Boot、MySQL 和 Vue，我主要负责后端，实现了增删改查的功能。"
            "遇到的难点是有很多 bug，后来都解决了。",
        ),
    },
    {
        "text": "假设你在值班时，手机银行转账接口的错误率在几分钟内突然升到 5%，客户开始投诉。请描述你从发现问题、"
        "定位原因、恢复服务到事后复盘的完整处理过程。",
        "text_en": "Imagine you are on call and the error rate of the mobile-banking transfer API suddenly rises "
        "to 5% within minutes, and customers start complaining. Describe how you would go from noticing the "
        "problem to finding the cause, restoring the service and reviewing the incident afterwards.",
        "dimensions": [D.LOGICAL_THINKING, D.PROFESSIONAL_MATCH, D.EMOTIONAL_STABILITY],
        "levels": _levels(
            (
                "慌乱或没有思路，想到的是直接重启、随意改线上代码或隐瞒问题。",
                "Panics or has no plan; would just restart things, hot-patch production at random, or hide "
                "the problem.",
            ),
            (
                "只说“查日志、找 bug、修复”，步骤笼统，没有先止损和上报的意识。",
                'Only "check the logs, find the bug, fix it"; vague, with no sense of limiting the damage '
                "first or escalating.",
            ),
            (
                "能说出按应急流程上报、查看监控和日志、回滚最近变更等步骤，但排查顺序以及止损、定位、恢复的优先级"
                "不够清晰。",
                "Names escalating per the incident procedure, checking metrics and logs and rolling back "
                "recent changes, but the order of investigation and the priority of containment, diagnosis "
                "and recovery are unclear.",
            ),
            (
                "思路清晰：先按预案上报并明确分工，优先止损恢复（回滚最近发布、限流降级、切换备用），再借助监控、"
                "日志、链路追踪逐层缩小范围（变更、依赖、资源、数据），并关注资金交易一致性（重复扣款、掉单核对）。",
                "Clear approach: escalate per the runbook with clear roles, contain and restore first (roll "
                "back the latest release, throttle or degrade, fail over), then narrow down layer by layer "
                "with metrics, logs and tracing (changes, dependencies, resources, data), minding transaction "
                "consistency (double debits, lost transfers).",
            ),
            (
                "在 4 级基础上，重视与业务和客服的沟通（统一口径、安抚客户），事后组织无责复盘，找出根因并落实改进"
                "（监控告警、发布规范、应急演练），整个过程沉着有序。",
                "Beyond level 4: keeps business and customer service informed (one message, reassuring "
                "customers), runs a blameless post-mortem, finds the root cause and follows through (alerts, "
                "release rules, drills); calm and orderly throughout.",
            ),
        ),
        "key_points": _points(
            ("按应急预案第一时间上报，明确分工", "Escalate at once per the incident plan; agree who does what"),
            (
                "先止损恢复：回滚最近变更、限流降级、切换备用",
                "Contain and restore first: roll back recent changes, throttle or degrade, fail over",
            ),
            (
                "借助监控、日志、链路追踪逐步缩小范围，定位根因",
                "Use metrics, logs and tracing to narrow down to the root cause",
            ),
            (
                "核对资金交易一致性，处理重复扣款或掉单",
                "Check transaction consistency and resolve double debits or lost transfers",
            ),
            (
                "同步业务与客服口径，事后无责复盘并落实改进",
                "Keep business and customer service informed; blameless post-mortem with follow-up actions",
            ),
        ),
        "exemplars": _exemplars(
            "我会先确认告警是真实的，看错误率曲线和客服投诉是否吻合，然后马上按应急预案在值班群里上报，拉上开发、运维和"
            "业务负责人，明确谁指挥、谁排查、谁对外沟通。第一优先级是止损：先看最近有没有发布或配置变更，有的话优先"
            "回滚；如果是下游依赖比如核心系统或第三方通道变慢，就考虑限流、熔断或切换备用通道，同时请客服统一口径安抚"
            "客户。恢复后再定位根因：沿着链路追踪看错误集中在哪个环节，是超时、连接池耗尽还是数据库锁，结合日志和资源"
            "监控逐步缩小范围。因为是转账，我会特别关注资金一致性，和对账同事一起核对有没有重复扣款，或者扣款成功但"
            "未到账的交易，逐笔处理。事后组织无责复盘，写清楚时间线、根因和改进项，比如补充告警、完善灰度发布和回滚"
            "预案，并跟踪到落实。",
            "我会先去看日志，找到报错的地方，然后修改代码重新发布，问题解决后通知领导。",
        ),
    },
    {
        "text": "如果让你设计一个信用卡积分限时兑换服务（类似秒杀），活动开始时每秒可能有数万次请求，你会如何设计？"
        "请说明关键的技术方案和其中的取舍。",
        "text_en": "How would you design a time-limited credit-card reward-points redemption service (similar to "
        "a flash sale) that may receive tens of thousands of requests per second when the campaign opens? "
        "Explain the key technical choices and the trade-offs.",
        "dimensions": [D.LOGICAL_THINKING, D.PROFESSIONAL_MATCH],
        "levels": _levels(
            (
                "没有思路，或只说“加服务器”“用好一点的数据库”。",
                'No approach, or only "add servers" or "use a better database".',
            ),
            (
                "能提到缓存、消息队列等名词，但说不清它们各自解决什么问题，方案零散。",
                "Mentions caching, message queues and the like, but cannot say what each solves; scattered ideas.",
            ),
            (
                "能给出分层方案（前端控制、缓存预扣库存、异步下单），但对超卖、重复兑换、数据一致性等关键问题考虑"
                "不全。",
                "Gives a layered design (client controls, stock pre-deduction in a cache, asynchronous "
                "orders), but misses key issues such as overselling, duplicate redemption or consistency.",
            ),
            (
                "方案完整且有逻辑：流量逐层削峰（前端、网关限流、排队），Redis 原子操作预扣库存防止超卖，消息队列"
                "异步扣减积分，幂等设计防止重复兑换，数据最终一致并有对账；说明了主要取舍。",
                "A complete, logical design: shed load layer by layer (client, gateway rate limits, "
                "queueing), atomic Redis stock pre-deduction against overselling, asynchronous points "
                "deduction through a message queue, idempotency against duplicate redemption, eventual "
                "consistency with reconciliation; states the main trade-offs.",
            ),
            (
                "在 4 级基础上，考虑容量评估与压测、降级熔断预案、防刷风控、监控告警，以及金融场景的积分安全与审计"
                "要求，能清楚权衡一致性、可用性和成本。",
                "Beyond level 4: capacity planning and load tests, degradation and circuit-breaker plans, "
                "anti-bot controls, monitoring and alerts, plus the integrity and audit needs of a financial "
                "setting; weighs consistency, availability and cost clearly.",
            ),
        ),
        "key_points": _points(
            (
                "流量分层削峰：前端控制、网关限流、排队",
                "Shed peak load in layers: client controls, gateway rate limits, queueing",
            ),
            (
                "缓存预扣库存，用原子操作防止超卖",
                "Pre-deduct stock in a cache with atomic operations to prevent overselling",
            ),
            (
                "消息队列异步处理，保证幂等、防止重复兑换",
                "Process asynchronously through a message queue; idempotency against duplicate redemption",
            ),
            ("数据最终一致，配合对账与补偿", "Eventual consistency backed by reconciliation and compensation"),
            (
                "压测、降级熔断、防刷风控和监控告警",
                "Load tests, degradation and circuit breakers, anti-bot controls, monitoring and alerts",
            ),
        ),
        "exemplars": _exemplars(
            "我的思路是“层层削峰、库存前置、异步落库、保证幂等”。第一层在前端：按钮置灰防止重复点击，静态资源提前放到"
            "CDN；第二层在网关：按用户和 IP 限流，超出部分直接返回“排队中”；第三层是库存：活动前把可兑换数量加载到 "
            "Redis，用 Lua 脚本原子地判断并扣减，扣成功的请求才进入后续流程，这样不会超卖。扣减成功后把兑换请求写入 "
            "Kafka，由下游服务异步扣积分、生成订单，每个请求带唯一的幂等号，防止重试导致重复扣积分。数据库和缓存之间"
            "是最终一致，定时对账，发现差异就补偿。取舍上，我们用最终一致换取了吞吐量，用户可能要等几秒才看到兑换结果，"
            "在积分兑换场景下是可以接受的。另外要提前压测评估容量，准备降级预案，比如下游积分系统变慢时先排队而不是"
            "直接失败；再加上设备指纹和行为风控防止脚本刷单，并保留完整的操作日志满足审计要求。",
            "可以用 Redis 做缓存，再加一个消息队列，多部署几台服务器，就能扛住高并发了。",
        ),
    },
    {
        "text": "银行系统中存有大量客户的个人信息和交易数据。作为开发人员，你会如何在工作中保护这些数据的安全和客户"
        "隐私？请从技术和管理两方面谈谈。",
        "text_en": "Bank systems hold a great deal of customers' personal information and transaction data. As "
        "a developer, how would you protect the security of this data and customers' privacy in your work? "
        "Cover both technical and organisational measures.",
        "dimensions": [D.INTEGRITY, D.PROFESSIONAL_MATCH, D.LOGICAL_THINKING],
        "levels": _levels(
            (
                "认为数据安全是安全部门的事，或表现出不当做法（如把生产数据拷到个人电脑调试、随意共享账号）。",
                "Sees data security as someone else's job, or shows bad practice (copying production data to "
                "a personal laptop for debugging, sharing accounts).",
            ),
            (
                "只提到“加密”“设密码”等个别措施，缺乏体系，也没有提到法规和流程。",
                'Mentions one or two measures ("encrypt it", "use passwords") with no system and no '
                "reference to law or process.",
            ),
            (
                "能说出数据分级、加密存储、权限控制、日志审计等多项措施，但偏重技术，对管理制度和开发流程中的安全"
                "要求说得较少。",
                "Names several measures (classification, encryption at rest, access control, audit logs), but "
                "mostly technical, with little on policy or a secure development process.",
            ),
            (
                "技术与管理兼顾：数据分类分级，传输与存储加密，最小权限与审批，敏感字段脱敏，测试环境不用真实生产"
                "数据，操作可审计；遵守《个人信息保护法》《数据安全法》等法规，在设计阶段就考虑隐私（最小必要原则）。",
                "Covers both: classification, encryption in transit and at rest, least privilege with "
                "approvals, masking of sensitive fields, no real production data in test environments, audit "
                "trails; complies with the Personal Information Protection Law and the Data Security Law, "
                "privacy by design (collect only what is necessary).",
            ),
            (
                "在 4 级基础上，能结合具体开发场景（日志中不打印身份证号、接口防越权、密钥管理、第三方数据共享的"
                "合规评估），体现“安全是每个开发者的责任”的意识，并提到发现问题时的上报和应急处置。",
                "Beyond level 4: ties it to concrete development practice (no ID numbers in logs, "
                "authorisation checks on every API, key management, compliance review before sharing data "
                "with third parties), shows that security is every developer's job, and covers reporting and "
                "incident response when something goes wrong.",
            ),
        ),
        "key_points": _points(
            ("数据分类分级，识别敏感个人信息", "Classify data and identify sensitive personal information"),
            (
                "传输与存储加密，敏感字段脱敏展示，密钥妥善管理",
                "Encrypt in transit and at rest, mask sensitive fields, manage keys properly",
            ),
            ("最小权限、访问审批和操作审计", "Least privilege, access approvals and audit trails"),
            (
                "开发测试不使用真实生产数据，日志不记录敏感信息",
                "No real production data in development or tests; no sensitive data in logs",
            ),
            (
                "遵守个人信息保护法、数据安全法等法规，坚持最小必要原则",
                "Comply with the Personal Information Protection Law, the Data Security Law and banking "
                "rules; collect only what is necessary",
            ),
        ),
        "exemplars": _exemplars(
            "我会从技术和管理两方面来做。技术上，首先对数据分类分级，身份证号、手机号、银行卡号、交易明细都属于敏感"
            "个人信息；存储时加密，传输走 TLS，页面和日志里一律脱敏，比如日志里绝不打印完整的身份证号；每个接口都做"
            "鉴权和越权校验，防止通过改参数看到别人的数据；密钥交给专门的密钥管理系统，不写在代码里。管理上，遵守"
            "《个人信息保护法》《数据安全法》和监管要求，按最小必要原则只收集业务需要的数据；访问生产数据要走审批，"
            "权限按岗位最小化，所有操作留审计日志；开发测试用脱敏或合成数据，绝不把生产数据拷到个人电脑；和第三方合作"
            "共享数据前要做合规评估。我认为安全不只是安全部门的事，每个开发者写的每一行代码都关系到客户的信任。一旦"
            "发现可能的泄露，要立即按流程上报并配合应急处置。",
            "数据要加密保存，系统要设置复杂的密码，不要把密码告诉别人。",
        ),
    },
    {
        "text": "请举一个你在短时间内学习并掌握一门新技术（语言、框架或工具）的例子：当时为什么要学？你是怎么学的？"
        "最后用它完成了什么？",
        "text_en": "Give an example of a time you learned a new technology (a language, framework or tool) in a "
        "short time: why did you need it, how did you learn it, and what did you build with it in the end?",
        "dimensions": [D.LEARNING_AGILITY, D.LOGICAL_THINKING, D.COMMUNICATION],
        "levels": _levels(
            (
                "举不出例子，或表现出抗拒学习新技术。",
                "Gives no example, or shows reluctance to learn new technology.",
            ),
            (
                "有例子但只说“看视频、看书学会了”，学习方法和成果都不具体。",
                'Has an example but only "watched videos, read a book"; method and outcome are unclear.',
            ),
            (
                "能说明学习原因、基本方法（官方文档、教程、动手练习）和成果，但缺少遇到困难时的应对和对学习效果的"
                "检验。",
                "Explains why, the basic method (official docs, tutorials, hands-on practice) and the result, "
                "but little on overcoming obstacles or checking what was learned.",
            ),
            (
                "学习路径清晰高效：先建立整体认知，再以实际任务驱动学习，善用官方文档和源码、向他人请教，遇到问题"
                "能系统排查；成果具体、可衡量。",
                "A clear, efficient path: the big picture first, then learning driven by a real task, using "
                "official docs and source code and asking others, debugging systematically; a concrete, "
                "measurable result.",
            ),
            (
                "在 4 级基础上，能总结可复用的学习方法，把所学分享给团队（文档、分享会），并体现对技术趋势的持续"
                "关注和批判性选择（为什么选它、局限在哪里）。",
                "Beyond level 4: distils a reusable way of learning, shares what they learned with the team "
                "(docs, talks), and shows ongoing interest in technology with critical judgement (why this "
                "tool, where its limits are).",
            ),
        ),
        "key_points": _points(
            ("说明学习的背景和动机", "Explain the background and why you needed it"),
            (
                "有清晰的学习路径：先整体后细节，以任务驱动",
                "A clear learning path: big picture first, then driven by a real task",
            ),
            (
                "善用官方文档、源码和他人经验解决问题",
                "Use official docs, source code and other people's experience to solve problems",
            ),
            ("成果具体、可衡量", "A concrete, measurable result"),
            ("总结方法并分享给团队", "Distil the method and share it with the team"),
        ),
        "exemplars": _exemplars(
            "去年实习时，组里决定把部分服务迁移到 Kubernetes 上，而我之前只用过 Docker。我给自己定了两周的目标：第一周"
            "通读官方文档的核心概念，画出 Pod、Deployment、Service、Ingress 之间的关系图，"
            "并在本地用 kind 搭了一个集群，把我们的一个小服务跑起来；第二周以真实任务驱动，负责把测试环境的两个服务迁移上去。中间遇到健康检查配置"
            "不当导致服务反复重启，我通过看事件日志和官方示例找到了原因，也向运维同事请教了资源限制的经验。最后两个"
            "服务顺利迁移，部署时间从半小时缩短到五分钟左右。之后我把踩过的坑整理成一份内部文档，在组里做了一次分享。"
            "我的体会是：学新技术要先搭框架再抠细节，用真实问题来检验，同时也要清楚它的代价，比如 Kubernetes 对小项目"
            "来说运维成本并不低。",
            "我学过 Python，在网上看了一些视频教程，大概一个月就学会了，后来用它写过一些小程序。",
        ),
    },
]

QUESTION_BANKS: dict[str, dict[str, Any]] = {
    "teller": {
        "name": "柜员岗位AI面试题库",
        "name_en": "Bank teller AI interview questions",
        "description": "侧重服务意识、情绪稳定性、诚信合规与团队协作的情景与行为面试题。",
        "questions": TELLER_QUESTIONS,
    },
    "tech": {
        "name": "科技岗AI面试题库",
        "name_en": "Technology AI interview questions",
        "description": "侧重逻辑思维、专业能力、数据安全意识与学习能力的技术面试题。",
        "questions": TECH_QUESTIONS,
    },
}

# --------------------------------------------------------------------------------------------------------
# Positions
# --------------------------------------------------------------------------------------------------------

POSITIONS: dict[str, dict[str, Any]] = {
    "teller": {
        "title": "柜员",
        "title_en": "Bank Teller",
        "department": "深圳分行营业部",
        "location": "深圳",
        "headcount": 12,
        "description": (
            "在深圳分行辖属网点从事柜面业务：个人及对公存取款、转账汇款、开销户与代理业务办理，客户咨询与服务，"
            "反假币、反诈骗与反洗钱识别，日终轧账。\n"
            "任职要求：大专及以上学历（本科优先），经济学类、金融学类及会计学等相关专业；持有银行从业资格证者"
            "优先；普通话标准；具备良好的服务意识、沟通能力和抗压能力，工作细致，诚信守规。"
        ),
        "description_en": (
            "Counter work at Shenzhen Branch outlets: personal and corporate deposits and withdrawals, transfers "
            "and remittances, opening and closing accounts, agency business, customer enquiries and service, "
            "spotting counterfeit notes, fraud and money laundering, end-of-day balancing.\n"
            "Requirements: junior college diploma or above (bachelor's preferred) in economics, finance, "
            "accounting or a related subject; the banking qualification certificate is a plus; standard "
            "Mandarin; a strong service mindset, good communication, composure under pressure, care and "
            "integrity."
        ),
        "min_education": EducationLevel.JUNIOR_COLLEGE,
        "majors": ["金融学", "经济学", "会计学", "财务管理", "国际经济与贸易", "金融服务与管理"],
        "major_categories": ["经济学类", "金融学类"],
        "min_experience_years": "0",
        "certificates": ["银行从业资格证"],
        "languages": [{"language": "普通话", "level": "二级乙等"}],
        "dimension_weights": {
            D.SERVICE_AWARENESS: 0.25,
            D.COMMUNICATION: 0.2,
            D.PROFESSIONAL_MATCH: 0.15,
            D.POSITION_FIT: 0.1,
            D.EMOTIONAL_STABILITY: 0.1,
            D.INTEGRITY: 0.1,
            D.TEAMWORK: 0.1,
        },
        "pass_threshold": 70,
        "reject_threshold": 55,
        "question_count": 6,
        "thinking_seconds": 90,
        "answer_seconds": 180,
        "answer_modes": [AnswerMode.VOICE, AnswerMode.TEXT],
        "invitation_valid_days": 7,
        "voice_features_allowed": True,
        "face_features_allowed": False,
        "auto_reject_allowed": False,
        "written_test": ("柜员综合能力笔试", {"行政职业能力": 40, "金融基础知识": 35, "综合素质": 25}),
        "grade": "G3 柜员",
        "salary_range": (120_000, 165_000),
    },
    "tech": {
        "title": "科技岗",
        "title_en": "Technology (Software Engineer)",
        "department": "信息技术部",
        "location": "深圳",
        "headcount": 8,
        "description": (
            "在总行信息技术部从事银行业务系统的设计、开发、测试与运维，涉及手机银行、支付结算、数据平台和"
            "金融科技创新项目。\n"
            "任职要求：本科及以上学历，计算机类、电子信息类相关专业；英语通过大学英语六级（CET-6）；熟悉至少一门"
            "主流编程语言（Java、Go、Python 等）以及数据库和常用中间件；持有软考（软件设计师、系统架构设计师等）"
            "证书者优先；逻辑思维清晰，学习能力强，具备数据安全与合规意识。"
        ),
        "description_en": (
            "Design, development, testing and operation of the bank's business systems at the Head Office IT "
            "Department: mobile banking, payments and settlement, data platforms and fintech projects.\n"
            "Requirements: bachelor's degree or above in computer science, electronics and information or a "
            "related subject; College English Test band 6 (CET-6); fluent in at least one mainstream language "
            "(Java, Go, Python, ...) plus databases and common middleware; a national software qualification "
            "(软考, e.g. software designer or system architect) is a plus; clear logical thinking, quick "
            "learning, awareness of data security and compliance."
        ),
        "min_education": EducationLevel.BACHELOR,
        "majors": [
            "计算机科学与技术",
            "软件工程",
            "信息安全",
            "数据科学与大数据技术",
            "人工智能",
            "电子信息工程",
            "通信工程",
        ],
        "major_categories": ["计算机类", "电子信息类"],
        "min_experience_years": "0",
        "certificates": [],
        "languages": [{"language": "英语", "level": "CET-6"}],
        "dimension_weights": {
            D.LOGICAL_THINKING: 0.3,
            D.PROFESSIONAL_MATCH: 0.25,
            D.LEARNING_AGILITY: 0.15,
            D.COMMUNICATION: 0.1,
            D.INTEGRITY: 0.1,
            D.POSITION_FIT: 0.1,
        },
        "pass_threshold": 72,
        "reject_threshold": 55,
        "question_count": 6,
        "thinking_seconds": 120,
        "answer_seconds": 240,
        "answer_modes": [AnswerMode.VOICE, AnswerMode.TEXT],
        "invitation_valid_days": 7,
        "voice_features_allowed": True,
        "face_features_allowed": False,
        "auto_reject_allowed": False,
        "written_test": ("科技岗专业笔试", {"行政职业能力": 30, "计算机专业知识": 50, "英语": 20}),
        "grade": "G5 软件工程师",
        "salary_range": (240_000, 340_000),
    },
}

# --------------------------------------------------------------------------------------------------------
# Staff (one per role); the hr_admin is also a Django superuser for the admin site.
# --------------------------------------------------------------------------------------------------------

STAFF: list[dict[str, Any]] = [
    {"username": "hr", "role": Role.HR_ADMIN, "display_name": "周敏", "assign": [], "superuser": True},
    {"username": "recruiter", "role": Role.RECRUITER, "display_name": "林晓雯", "assign": [], "superuser": False},
    {
        "username": "manager",
        "role": Role.HIRING_MANAGER,
        "display_name": "王建国",
        "assign": ["teller"],
        "superuser": False,
    },
    {
        "username": "interviewer",
        "role": Role.INTERVIEWER,
        "display_name": "陈思远",
        "assign": ["tech"],
        "superuser": False,
    },
    {"username": "auditor", "role": Role.AUDITOR, "display_name": "赵立平", "assign": [], "superuser": False},
]
