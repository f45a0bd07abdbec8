# ruff: noqa: E501 - long Chinese prose (full-width characters count double) reads better unwrapped
"""Typed answers to the demo questions, for the demo AI interviews (hirelink.demo.interviews).

Each entry is (the rubric level it was written at, the text), keyed by (position code, question order,
language). `LABELLED` is copied verbatim from benchmarks/data/scoring_labels.jsonl (written and labelled 1–5
against the demo rubrics before the scorer ever saw them); `WRITTEN` covers the questions and English versions
that set lacks, written the same way. The level only decides which storyline may pick a text: the score in a
demo report always comes from the real analysers.
"""

from __future__ import annotations

Pool = dict[tuple[str, int, str], list[tuple[int, str]]]

LABELLED: Pool = {
    ("tech", 1, "en"): [
        (
            4,
            "A blockchain is a distributed ledger kept by many nodes. Each block stores the hash of the previous block, so the chain is very hard to tamper with. Nodes agree on the ledger through a consensus mechanism such as proof of work or PBFT, and smart contracts execute business rules automatically. Banks can use it for trade finance and cross-border payments.",
        ),
    ],
    ("tech", 1, "zh"): [
        (1, "区块链我不太了解，好像就是比特币吧，我没有研究过。"),
        (2, "区块链是一种很新的技术，可以用来发行数字货币，很多公司都在做，我觉得前景很好，是未来的发展方向。"),
        (3, "区块链是一种分布式账本，数据分成一个个区块连在一起，很难被篡改。它可以用在金融领域，比如跨境支付。"),
        (
            4,
            "区块链是多节点共同维护的分布式账本。每个区块包含上一个区块的哈希值，连接成链，所以数据难以篡改。节点之间通过共识机制，比如工作量证明或者 PBFT，保持账本一致。智能合约可以让业务规则自动执行。在银行里可以用于供应链金融和跨境支付。",
        ),
        (
            5,
            "我理解区块链是一种多节点分布式记账技术。首先，区块通过哈希指针链接，形成难以篡改的链式账本。其次，节点通过共识机制保持一致，公链常用工作量证明或权益证明，联盟链常用 PBFT 或 Raft。再次，智能合约让业务规则自动执行。要区分公链和联盟链，银行因为监管和隐私要求，多使用许可制的联盟链。在金融场景中，它适合供应链金融、贸易融资和跨境清算这些多方对账的业务；但也有局限，比如吞吐性能有限、链上数据隐私保护难、监管合规要求高，所以要选择合适场景稳步应用。",
        ),
    ],
    ("tech", 3, "zh"): [
        (1, "这种情况一般是网络的问题，等一会儿应该就好了，我会先观察一下。"),
        (2, "我会马上查看日志，找到报错的原因，然后修改代码重新发布。"),
        (
            3,
            "我会先报告领导，然后查看监控和日志，看看是哪个服务报错。如果是最近上线的版本导致的，就回滚。恢复以后再分析原因。",
        ),
        (
            4,
            "首先按应急预案第一时间上报，拉起应急群明确分工。然后先止损：如果最近有变更就立即回滚，必要时限流降级或者切换到备用链路。同时借助监控、日志和链路追踪逐步缩小范围，定位根因。服务恢复后，还要核对这段时间的交易，处理重复扣款或掉单的情况。",
        ),
        (
            5,
            "第一步，按应急预案第一时间上报，拉起应急小组，明确谁负责止损、谁负责排查、谁对接业务。第二步，先止损恢复：检查最近的发布和配置变更，有问题立即回滚，必要时对转账接口限流降级，或切换到备用机房。第三步，借助监控大盘、日志和链路追踪，从网关到下游核心系统逐层缩小范围，定位根因。第四步，核对故障期间的资金交易一致性，逐笔处理重复扣款和掉单，确保客户资金准确。最后，同步业务和客服的对外口径，事后组织无责复盘，把改进措施，比如灰度发布和告警阈值，落实到位并跟踪完成。",
        ),
    ],
    ("tech", 5, "zh"): [
        (1, "数据安全是安全部门的事情，我们开发人员主要负责把功能做好就行了。"),
        (2, "我会注意保护数据，不随便把客户数据发给别人，电脑设置密码，这样就比较安全了。"),
        (3, "技术上，对敏感数据加密存储，页面展示时做脱敏处理。管理上，控制访问权限，只有需要的人才能看到数据。"),
        (
            4,
            "技术方面，传输使用加密协议，存储时对敏感字段加密，展示时脱敏，密钥交给专门的系统管理。管理方面，遵循最小权限原则，访问生产数据要审批，所有操作留有审计日志。另外，开发测试不使用真实的生产数据，日志里不记录身份证号、卡号这些敏感信息。",
        ),
        (
            5,
            "我会从技术和管理两方面来做。首先，对数据分类分级，识别出身份证号、账号、交易记录等敏感个人信息。技术上，传输和存储都加密，敏感字段脱敏展示，密钥由专门的密钥管理系统保管和轮换。管理上，坚持最小权限，访问要审批，操作全程审计。开发测试环境不使用真实生产数据，日志中不记录敏感信息。最后，严格遵守个人信息保护法和数据安全法，坚持最小必要原则，只收集和使用业务必需的数据。",
        ),
    ],
    ("tech", 6, "zh"): [
        (1, "我学东西挺快的，一般看看就会了，没有什么特别的例子。"),
        (2, "我之前学过 Go 语言，在网上看了一些视频教程，大概学了一个月，感觉还可以。"),
        (3, "去年实习时项目要用 Vue，我之前没学过，就看官方文档和教程，边学边做，两周后就能独立开发页面了。"),
        (
            4,
            "去年实习时，团队要把一个老系统的接口迁移到 Spring Boot，而我只会基础的 Java，所以必须在两周内掌握。我先通读官方文档的入门部分，了解整体结构，然后以迁移任务为驱动，遇到问题就查文档和源码，也请教同事。最后我按时完成了十二个接口的迁移，接口响应时间比原来缩短了三成。",
        ),
        (
            5,
            "去年实习时，部门决定用 Kafka 重构对账系统的数据通道，而我从没用过，需要在三周内上手。我的方法是先整体后细节：先看官方文档的架构介绍，理解主题、分区和消费组，再以实际的对账任务驱动学习。遇到消息重复的问题，我读了相关源码，并参考社区的幂等方案解决了。最后，新通道每天稳定处理两百万条消息，对账时间从四小时降到四十分钟。之后我把学习笔记整理成一份入门文档，在组内做了分享。",
        ),
    ],
    ("teller", 1, "en"): [
        (
            1,
            "It depends. If the customer did not read the rules, that is not my problem, they can talk to someone else.",
        ),
        (
            3,
            "I would listen to the customer, say sorry, check what went wrong and fix it if I can. If I can't, I would ask my manager.",
        ),
        (
            5,
            "First, I would stay calm and listen patiently, dealing with the customer's feelings before the issue, then restate the complaint to confirm it and apologise sincerely. Second, I would check the facts against our procedures and offer a clear, workable solution. If it is beyond my authority, I would escalate to my supervisor promptly and tell the customer when to expect an answer. Finally, I would follow up with the customer afterwards, find the root cause and suggest improvements to the service.",
        ),
    ],
    ("teller", 1, "zh"): [
        (1, "这个要看是谁的问题吧。如果是客户自己没看清楚规定，那我也没办法，让他去找别人。"),
        (2, "我会态度好一点，先跟客户道歉，让他别生气，尽量让他满意。态度好的话客户一般就不会再闹了。"),
        (3, "我会先听客户把问题说完，向他道歉，然后查一下是什么原因，能处理的就帮他处理，处理不了的就找领导。"),
        (
            4,
            "首先我会保持冷静，请客户坐下，耐心听他把情况讲完，并复述一遍确认他的诉求，真诚道歉。其次，我会查询业务记录核实原因，按制度给出可行的解决方案。如果超出我的权限，我会及时上报主管，并告诉客户大概什么时候给答复。比如实习时有客户因为转账延迟投诉，我按这个流程处理，客户最后表示理解。",
        ),
        (
            5,
            "首先，我会把客户请到安静的地方，耐心倾听，先安抚情绪再处理事情，并复述确认他的诉求、真诚致歉。其次，我会区分投诉类型：如果是我们的差错，立即按流程更正并说明补救措施；如果是制度限制，就用通俗的话解释原因，并给出其他可行办法。超出权限的，我会及时上报主管，告知客户处理时限。最后，我会在约定时间回访客户，确认是否满意，并把问题记录下来，在晨会上分享，推动流程改进，避免再次发生。",
        ),
    ],
    ("teller", 2, "zh"): [
        (
            1,
            "人多的时候我也会很烦，客户嚷嚷的话我就让他们自己去找大堂经理，我手上的业务本来就很复杂，只能先快点办完，有些步骤可以先省掉。",
        ),
        (2, "我会加快速度，尽快把手上的业务办完，这样后面的客户就能早点办理了。"),
        (3, "我会先把手上的业务认真办完，保证不出错，同时请大堂经理过来安抚一下排队的客户。"),
        (
            4,
            "我会先确保手上这笔业务准确合规，不因为赶时间省略步骤。同时向等候的客户简短致歉，告诉他们大概还要等多久。然后及时联系大堂经理或主管，看能否增开窗口，并引导办理简单业务的客户去自助设备或者使用手机银行。整个过程我会保持情绪稳定，不和客户争执。",
        ),
        (
            5,
            "首先，我会保证手上的复杂业务准确、合规，绝不因为赶时间简化流程。其次，我会礼貌地向等候客户致歉，告知预计等待时间，安抚情绪。同时联系大堂经理或主管增开窗口，引导客户使用自助设备和手机银行分流，对老人和有急事的客户优先安排。我自己会保持冷静，不与客户争执。高峰过后，我会和同事一起复盘排队的原因，建议推出预约办理和错峰提示，减少以后的排队。",
        ),
    ],
    ("teller", 3, "zh"): [
        (1, "客户转账是客户自己的事情，我们只要按他的要求办理就行，问太多客户会不高兴。"),
        (2, "如果客户看起来很紧张，我会觉得有点可疑，会提醒他注意防范诈骗，然后继续给他办理。"),
        (
            3,
            "比如老年人要大额转账给陌生账户，或者一边打电话一边操作，可能是遭遇了电信诈骗。还有客户频繁存取大额现金，也可能涉及洗钱。发现后我会问一问情况，劝一劝客户，然后报告主管。",
        ),
        (
            4,
            "电诈的迹象有：老年客户大额转账给陌生账户，边听电话边操作，提到安全账户或者公检法要求，神色紧张。洗钱的迹象有：大额现金拆分存取，交易和客户职业明显不符，代他人办理又说不清资金来源。发现后，我会耐心询问、劝阻并暂缓交易，及时报告主管，必要时联系家属或者报警；涉及洗钱的按制度留存记录并上报可疑交易，不向客户透露。",
        ),
        (
            5,
            "比如有一位老人神色紧张，边听电话边要求把定期存款提前支取，转到一个陌生账户，还说是公检法要求转到安全账户，这就是典型的电信诈骗迹象。洗钱方面，如果客户大额现金拆分存取，交易规模和他的职业收入明显不符，或者频繁开户、代他人办理却说不清资金来源，就要警惕。发现后我会耐心询问、劝阻并暂缓交易，及时报告主管，必要时联系家属或者报警。对可疑交易，按反洗钱制度做好身份识别、留存记录和可疑交易报送，并且不向客户泄露。整个过程我会尊重客户，说明我们是为了保护他的资金安全，兼顾风险防控和客户体验。",
        ),
    ],
    ("teller", 6, "zh"): [
        (1, "才两百块钱，我自己补上就行了，没必要告诉领导，免得被扣绩效。"),
        (2, "我会再仔细数几遍，实在找不到的话就只能自己认了，下次注意一点。"),
        (3, "我会报告主管，然后再清点一遍尾箱，核对一下今天的业务凭证，看看是哪一笔出了问题。"),
        (
            4,
            "首先，我会第一时间如实报告主管，不隐瞒，也不私自补款。然后在主管的监督下重新清点尾箱，逐笔核对当天的流水和凭证。如果还找不到，就申请调阅监控，查看每笔现金交易。找到原因后，按流程联系相关客户处理。",
        ),
        (
            5,
            "第一，我会第一时间如实报告主管，绝不隐瞒或私自补款，因为这是合规底线。第二，在主管监督下复点尾箱，逐笔核对当日流水、凭证和现金收付记录。第三，必要时调阅监控，找到差错的那一笔后，按流程礼貌地联系客户说明情况。第四，按照长短款管理规定如实登记处理。最后，我会分析这次差错的原因，比如是不是高峰时段点钞不仔细，然后改进自己的操作习惯，比如大额现金坚持双人复核。",
        ),
    ],
}

WRITTEN: Pool = {
    ("teller", 4, "zh"): [
        (1, "营销任务是必须完成的，我会一直跟客户介绍这款产品收益高，劝他把定期换成理财，多说几次他一般就会买了。"),
        (
            3,
            "我会先帮客户把续存办好，然后简单问一下他对理财有没有兴趣。如果有兴趣就介绍一下产品的收益和风险，没兴趣就不勉强，把宣传资料给他参考。",
        ),
        (
            4,
            "我会先把客户的续存业务办好，这是他来网点的目的。办理时顺便了解一下这笔钱的用途和大概多久不用，看看他对风险的态度。如果合适，我会简单介绍这款稳健型产品，如实说明收益不保证、和存款不一样，需要先做风险测评。客户如果不需要，我尊重他的选择，不反复推销，留下联系方式，以后有需要再联系我。",
        ),
        (
            4,
            "首先把续存办理准确。然后我会和客户聊几句，了解他的资金期限和风险偏好，再判断要不要推荐。如果推荐，会讲清楚产品的风险等级和收益情况，不承诺保本保收益，按规定做风险评估。客户不感兴趣就不再纠缠，我更看重长期的客户关系，而不是只完成一次任务。",
        ),
    ],
    ("teller", 5, "zh"): [
        (1, "我一般喜欢自己做事情，跟别人合作容易有矛盾，所以没有什么特别的经历。"),
        (
            3,
            "大二时我和几个同学一起做市场调研的课程作业，我负责设计问卷和整理数据。中间有同学觉得问卷太长，我们商量后删掉了一些题目。最后按时提交了报告，拿到了不错的成绩。",
        ),
        (
            4,
            "大三时我们四个人参加学校的理财规划大赛，我负责数据分析。方案阶段我和组长对目标客户有分歧，我把调研数据整理出来和大家一起比较，最后按数据调整了方向。比赛前一位同学生病，我主动承担了她的那部分幻灯片。我们获得了二等奖。我体会到分歧要靠事实沟通，团队缺人时要主动补位，这和柜面工作中互相支援是一样的。",
        ),
        (
            4,
            "在银行实习时，我和另一位实习生一起整理网点三个月的客户回访记录。我负责统计和分析，她负责电话回访。开始时我们对记录格式意见不一，我主动约她沟通，按主管最需要的信息统一了表格。两周内我们完成了四百多条记录，发现了几类集中的投诉，主管采纳了我们的改进建议。这让我明白，先统一目标再分工，合作效率会高很多。",
        ),
    ],
    ("tech", 2, "zh"): [
        (1, "我做过很多项目，都是老师布置的作业，具体的我记不太清了，反正都完成了。"),
        (
            3,
            "我在毕业设计中做了一个校园二手交易平台，后端用 Spring Boot 和 MySQL，前端用 Vue。我负责后端的订单和支付模块。难点是多个人同时下单同一件商品，我用数据库的乐观锁解决了超卖问题。最后系统顺利通过了答辩。",
        ),
        (
            4,
            "实习时我参与了一个网点排队预约系统的开发，目的是减少客户在网点的等待时间。系统采用前后端分离，后端是 Spring Boot 微服务，数据存在 MySQL，用 Redis 缓存号源。我负责预约服务。最大的难点是放号时的并发抢号，我用 Redis 原子扣减号源，再异步写库，并加了幂等校验防止重复预约。上线后高峰期接口响应从两秒降到两百毫秒左右，之后我也反思应该更早做压测。",
        ),
        (
            4,
            "我在课题组参与开发了一个实验数据管理系统，解决多台设备数据分散、人工汇总容易出错的问题。架构上用 Python 采集数据，Kafka 传输，后端 Django 提供接口，PostgreSQL 存储。我负责数据采集和清洗部分。难点是设备时间不同步导致数据对不上，我设计了按时间窗口对齐和去重的规则，并写了单元测试验证。最终数据整理时间从一天缩短到十分钟，错误率明显下降。",
        ),
    ],
    ("tech", 4, "zh"): [
        (1, "这个我没有做过，可能就是多买几台服务器吧，请求多了就加机器。"),
        (
            3,
            "我会用 Redis 缓存库存，请求先在 Redis 里扣减库存，扣成功的再写入数据库，这样可以防止数据库压力太大。另外在网关做限流，防止请求太多把系统打垮。",
        ),
        (
            4,
            "我会分层削峰：前端按钮防重复点击，网关按用户和 IP 限流，超出的请求进入排队。库存提前加载到 Redis，用 Lua 脚本原子扣减，防止超卖。扣减成功后把请求发到消息队列，由下游异步扣积分、生成订单，每个请求带幂等号防止重复兑换。数据库和缓存之间最终一致，靠定时对账和补偿处理差异。上线前做压测，准备降级和熔断方案，并对异常账户做防刷控制。",
        ),
        (
            4,
            "关键是不让洪峰直接打到数据库。第一，前端和网关限流，静态页面放 CDN；第二，活动前把可兑换数量放进 Redis，原子扣减保证不超卖；第三，用 Kafka 异步处理兑换，消费端做幂等，防止重试导致重复扣积分；第四，接受最终一致，用对账任务发现并补偿差异。取舍是用户要等几秒才看到结果，但换来了系统稳定。此外要压测容量、设置监控告警和风控规则防止机器刷单。",
        ),
    ],
    ("teller", 1, "en"): [
        (
            4,
            "I would stay calm, invite the customer to sit down and listen to the whole story, then repeat it back to make sure I understood and apologise sincerely. I would check the records against our procedures and offer a clear solution. If it is beyond my authority I would escalate to my supervisor and tell the customer when to expect an answer, and afterwards I would call back to make sure the problem was solved.",
        ),
    ],
    ("teller", 2, "en"): [
        (
            3,
            "I would finish the transaction in front of me carefully so that nothing goes wrong, and ask the lobby manager to come and calm the waiting customers down.",
        ),
        (
            4,
            "I would keep the current transaction accurate and compliant rather than skip steps to save time. I would apologise briefly to the waiting customers and tell them roughly how long it will take, then ask the lobby manager to open another window and guide simple requests to the self-service machines. I would stay composed and not argue, and afterwards suggest how we could shorten the queue at lunchtime.",
        ),
    ],
    ("teller", 3, "en"): [
        (
            3,
            "For example, an elderly customer who wants to transfer a large amount to an unknown account while talking on the phone may be the victim of a scam. Customers who deposit a lot of cash again and again may be laundering money. I would ask some questions, try to persuade the customer to stop and tell my supervisor.",
        ),
        (
            4,
            "Fraud signs include an elderly customer moving a large deposit to an unknown account while someone on the phone gives instructions, or talk of a safe account requested by the police. Laundering signs include cash split into many deposits just below the reporting limit, or activity that does not fit the customer's job. I would pause the transaction, explain the risk politely, report to my supervisor and, if needed, contact the family or the police. For laundering I would follow the AML rules, keep the records and file a suspicious-transaction report without tipping off the customer.",
        ),
    ],
    ("teller", 4, "en"): [
        (
            3,
            "I would first renew the deposit, then ask whether the customer is interested in wealth products. If so I would explain the product; if not I would give a leaflet and leave it there.",
        ),
        (
            4,
            "I would first complete the renewal properly, since that is why the customer came. While doing it I would ask when the money might be needed and how they feel about risk. If the product fits, I would mention it briefly, explain that returns are not guaranteed and that a risk assessment is required. If the customer is not interested I respect that and do not keep pushing; a good long-term relationship matters more than one sale.",
        ),
    ],
    ("teller", 5, "en"): [
        (
            3,
            "In my second year I did a market research project with three classmates. I designed the questionnaire. One classmate thought it was too long, so we discussed it and removed some questions. We handed in the report on time and got a good mark.",
        ),
        (
            4,
            "In a finance case competition my role was the data analysis. The team leader and I disagreed about the target customers, so I put both sets of data in front of the team and we chose the option the numbers supported. When a teammate fell ill before the final, I took over half of her slides. We won second prize. I learned that disagreements are best settled with facts and a shared goal, which is just like colleagues supporting each other at the counter.",
        ),
    ],
    ("teller", 6, "en"): [
        (
            3,
            "I would tell my supervisor, count the cash drawer again and check today's vouchers to find which transaction went wrong.",
        ),
        (
            4,
            "I would report it to my supervisor immediately and never hide it or quietly make up the difference myself. Under supervision I would recount the drawer and check every transaction and voucher of the day, and ask to review the CCTV if needed. If we find the transaction, we contact the customer through the proper channel. The difference is recorded under the cash-discrepancy rules, and afterwards I would look at what caused it and change my habits.",
        ),
    ],
    ("tech", 1, "en"): [
        (
            3,
            "A blockchain is a distributed ledger. Data is stored in blocks that are linked together, so it is hard to change. It can be used in finance, for example for cross-border payments.",
        ),
    ],
    ("tech", 2, "en"): [
        (
            3,
            "For my final-year project I built a second-hand marketplace for students with Spring Boot, MySQL and Vue. I wrote the order module. The hard part was two people buying the same item at once, which I solved with optimistic locking.",
        ),
        (
            4,
            "During my internship I worked on a reconciliation service that matched millions of card transactions against the clearing files every night and often finished too late. The new design had file ingestion, a matching engine and an exception queue, built with Spring Boot, MySQL and Kafka; I owned the matching engine. The hardest part was inconsistent reference numbers, so I analysed the mismatches and added a second rule-based matching pass on amount, time window and merchant. The nightly run went from three hours to about twenty minutes, and I would add load tests earlier next time.",
        ),
    ],
    ("tech", 3, "en"): [
        (
            3,
            "I would report it to my manager, look at the monitoring and logs to see which service is failing, and roll back if a recent release caused it. After recovery I would analyse the cause.",
        ),
        (
            4,
            "First I would escalate according to the incident plan and agree who leads, who investigates and who talks to customer service. The priority is to restore service: roll back any recent change, throttle or degrade the transfer API, or fail over to a backup channel. Then I would use metrics, logs and tracing to find the root cause. Because these are transfers, I would check with reconciliation for double debits or lost payments. Afterwards we hold a blameless post-mortem and follow up the actions.",
        ),
    ],
    ("tech", 4, "en"): [
        (
            3,
            "I would keep the stock in Redis and deduct it there first, and only write successful requests to the database. I would also add rate limiting at the gateway.",
        ),
        (
            4,
            "I would shed the load in layers: client-side controls, rate limits at the gateway and a queue. The stock is loaded into Redis before the campaign and deducted atomically with a Lua script so we never oversell. Successful requests go to Kafka and are processed asynchronously with an idempotency key to prevent duplicate redemptions. The database is eventually consistent, backed by reconciliation and compensation. The trade-off is that users wait a few seconds for the result. I would also run load tests and add circuit breakers, anti-bot rules and alerts.",
        ),
    ],
    ("tech", 5, "en"): [
        (
            3,
            "Technically, sensitive data should be encrypted and masked on screen. Organisationally, access should be limited to the people who need it.",
        ),
        (
            4,
            "Technically I would classify the data and identify sensitive personal information, encrypt it in transit and at rest, mask it on screens and in logs, and keep keys in a key management system. Organisationally I would follow least privilege, require approval for production access and keep audit trails. Development and tests use synthetic data, never real customer data. All of this follows the Personal Information Protection Law and the Data Security Law: collect only what is necessary.",
        ),
    ],
    ("tech", 6, "en"): [
        (
            3,
            "Last year my project needed Vue, which I had never used. I read the official guide and some tutorials and learned while building, and after two weeks I could build pages on my own.",
        ),
        (
            4,
            "In my internship the team moved an old service to Spring Boot and I only knew basic Java, so I had two weeks. I read the official getting-started guide for the big picture, then learned by migrating real endpoints one by one, using the source code and my colleagues' advice when I was stuck. I migrated twelve endpoints with tests, and wrote a short guide that the next intern used.",
        ),
    ],
}
