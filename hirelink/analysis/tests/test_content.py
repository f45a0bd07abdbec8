from __future__ import annotations

import pytest

from hirelink.analysis.content import score_content
from hirelink.analysis.tests.conftest import BLOCKCHAIN, COMPLAINT
from hirelink.analysis.types import Rubric


def test_strong_answer_scores_above_weak_answer_for_the_same_question(manifest):
    # given a strong and a weak answer to the complaint question
    strong = manifest["teller_complaint_strong"]["text"]
    weak = manifest["teller_complaint_weak"]["text"]
    # when both are scored against the same rubric
    strong_result = score_content(strong, COMPLAINT)
    weak_result = score_content(weak, COMPLAINT)
    # then the strong one wins on the total and on coverage and structure
    assert strong_result.score > weak_result.score + 25
    assert strong_result.coverage > weak_result.coverage
    assert strong_result.structure.score > weak_result.structure.score


def test_strong_blockchain_answer_beats_weak_and_off_topic(manifest):
    strong = score_content(manifest["tech_blockchain_strong"]["text"], BLOCKCHAIN)
    weak = score_content(manifest["tech_blockchain_weak"]["text"], BLOCKCHAIN)
    off_topic = score_content(manifest["teller_teamwork"]["text"], BLOCKCHAIN)
    assert strong.score > weak.score
    assert strong.score > off_topic.score
    assert strong.relevance > off_topic.relevance


def test_key_point_evidence_is_the_sentence_that_covers_it(manifest):
    # given the strong complaint answer
    text = manifest["teller_complaint_strong"]["text"]
    # when scored
    result = score_content(text, COMPLAINT)
    by_text = {kp.text: kp for kp in result.key_points}
    escalate = by_text["超出权限及时上报主管，并告知客户处理时限"]
    # then escalation is covered by the sentence that talks about reporting to the lobby manager,
    # quoted verbatim at its offset in the answer
    assert escalate.covered is True
    assert escalate.evidence is not None
    assert "及时向大堂经理报告" in escalate.evidence
    assert escalate.evidence_start is not None
    assert text[escalate.evidence_start : escalate.evidence_start + len(escalate.evidence)] == escalate.evidence


def test_weak_answer_misses_follow_up_key_point(manifest):
    result = score_content(manifest["teller_complaint_weak"]["text"], COMPLAINT)
    follow_up = next(kp for kp in result.key_points if kp.text.startswith("事后回访"))
    assert follow_up.covered is False
    assert follow_up.evidence is None


def test_structure_finds_ordered_markers_and_star_elements(manifest):
    result = score_content(manifest["teller_teamwork"]["text"], COMPLAINT)
    structure = result.structure
    assert structure.markers == ("首先", "最后")
    assert structure.sequence_in_order is True
    assert structure.star["situation"] == (
        "去年我在一家支行实习的时候，正好赶上季度末，网点需要在一周内完成三百多户企业客户的信息核实工作，时间非常紧张。"
    )
    assert structure.star["action"] == (
        "我们首先开了一个简短的会，按照客户所在的区域分工，我负责整理资料和建立进度表格，其他两位同事负责电话核实。"
    )
    assert structure.star["result"] is not None


def test_english_answer_is_scored_with_english_rules():
    rubric = Rubric(
        question="How would you handle a customer complaint?",
        key_points=("listen patiently and apologise", "follow up with the customer afterwards"),
        language="en",
    )
    good = (
        "First, I would listen patiently to the customer and apologise sincerely. "
        "Then I would check the records to find the cause. Finally, I would follow up with the customer "
        "afterwards to make sure the problem was solved."
    )
    poor = "I don't know, maybe I would ask my manager."
    good_result = score_content(good, rubric)
    poor_result = score_content(poor, rubric)
    assert good_result.language == "en"
    assert [kp.covered for kp in good_result.key_points] == [True, True]
    assert good_result.structure.markers == ("first", "then", "finally")
    assert good_result.score > poor_result.score


def test_same_input_gives_the_same_score(manifest):
    text = manifest["tech_blockchain_strong"]["text"]
    first = score_content(text, BLOCKCHAIN)
    second = score_content(text, BLOCKCHAIN)
    assert first == second


def test_empty_answer_scores_zero_and_covers_nothing():
    result = score_content("", COMPLAINT)
    assert result.score == 0.0
    assert [kp.covered for kp in result.key_points] == [False] * 5
    assert result.length == 0


def test_rubric_without_key_points_uses_references():
    rubric = Rubric(question="遇到客户投诉时，你会如何处理？", references=("先倾听安抚，再核实原因，提出方案并回访。",))
    close = score_content("我会先倾听并安抚客户，然后核实原因，提出解决方案，最后回访客户。", rubric)
    far = score_content("我喜欢打篮球，周末经常去爬山。", rubric)
    assert close.key_points == ()
    assert close.anchor_closeness > far.anchor_closeness
    assert close.score > far.score


def test_mid_clause_lingwai_is_not_a_sequence_marker():
    result = score_content("首先我联系了另外两位同事。然后我们分工。最后按时完成。", COMPLAINT)
    assert result.structure.markers == ("首先", "然后", "最后")


def test_asr_homophones_still_count_as_lexical_evidence():
    from hirelink.analysis.text import lexical_recall

    # given Whisper's homophone errors 权限→全线 and 倾听→清听
    exact = lexical_recall("超出权限耐心倾听", "超出权限耐心倾听", "zh")
    heard = lexical_recall("超出权限耐心倾听", "超出全线耐心清听", "zh")
    unrelated = lexical_recall("超出权限耐心倾听", "我喜欢周末去爬山", "zh")
    # then the units 超出/耐心 match exactly (1 each), 权限/倾听 by sound (0.8 each): 3.6 / 4
    assert exact == 1.0
    assert heard == pytest.approx(0.9)
    assert unrelated == 0.0


def test_key_point_spanning_two_clauses_is_quoted_as_one_span():
    text = "我会先安抚客户。然后耐心倾听他的诉求。最后向他道歉。"
    rubric = Rubric(question="遇到客户投诉时，你会如何处理？", key_points=("安抚客户并耐心倾听诉求",))
    result = score_content(text, rubric)
    assert result.key_points[0].covered is True
    assert result.key_points[0].evidence == "我会先安抚客户。然后耐心倾听他的诉求。"
    assert result.key_points[0].evidence_start == 0
