import json

import pytest

from assistant import NOT_IN_REPORT
from assistant.crosslingual import Glossary, _stem, in_simple_past
from assistant.offline import as_question
from assistant.text import places


@pytest.fixture(scope="module")
def glossary(bot):
    return bot._glossary


@pytest.mark.parametrize(
    "word, stem",
    [("beds", "bed"), ("kilometres", "kilometer"), ("cities", "city"), ("regulated", "regulat"),
     ("eliminated", "eliminat"), ("eliminate", "eliminat"), ("care", "care"), ("cars", "car"),
     ("buses", "bus"), ("taxes", "tax"), ("branches", "branch"), ("mining", "mine"), ("making", "make"),
     ("running", "run"), ("planned", "plan"), ("added", "add"), ("business", "business"), ("businesses", "business")],
)
def test_stem(word, stem):
    assert _stem(word) == stem


def test_a_past_participle_meets_its_gloss(bot):
    assert "2306 辆" in bot.ask("How many yellow-label cars were eliminated in 2013?").text


def test_translation_uses_the_reports_own_terms(glossary):
    text, groups = glossary.translate("What was Quzhou's GDP in 2013?")
    assert "生产总值" in text and "衢州" in text and "2013" in text
    assert ("生产总值",) in groups
    text, _ = glossary.translate("What is the 2014 target for the urban registered unemployment rate?")
    assert "失业率" in text and "目标" in text


def test_a_share_word_is_left_to_the_figure_check(glossary):
    # "percentage" would bring 百分点, which names other figures; the "%" is checked in the clause
    text, groups = glossary.translate("By what percentage did tourism income rise?")
    assert "百分" not in text and "percentage" not in text and ("旅游", "观光", "旅游业") in groups


def test_chinese_question_with_an_english_acronym(glossary):
    assert glossary.translate("2013年衢州的GDP是多少？")[0] == "2013年衢州的 生产总值 是多少？"


def test_only_corpus_terms_are_produced():
    glossary = Glossary({"收入": 3})
    assert glossary.translate("income and revenue")[1] == [("收入",), ("收入",)]
    assert glossary.translate("mayor")[1] == []


def test_a_phrase_the_dictionary_glosses_whole_is_one_unit():
    # 可支配收入 is no word of its own in the vocabulary (jieba cuts it), but it is in the text.
    glossary = Glossary({"收入": 3, "人均": 2}, corpus="城镇居民人均可支配收入 28883 元")
    text, groups = glossary.translate("per capita disposable income")
    assert groups == [("人均",), ("可支配收入",)] and "disposable" not in text
    assert glossary.topics("What is the disposable income?") == [("incom", ("可支配收入",))]
    assert glossary.translate("disposable")[1] == []  # "disposable" alone is not 可支配收入


def test_a_word_outside_the_vocabulary_translates_only_an_untranslated_word():
    glossary = Glossary({"收入": 3}, corpus="农家乐营业收入 5.8 亿元")
    assert glossary.translate("revenue")[1] == [("收入",)]  # not 营业收入, also glossed "revenue"
    assert glossary.translate("agritourism")[1] == [("农家乐",)]


def test_a_word_meets_the_gloss_it_derives_from(glossary):
    delegation = glossary.translate("delegation")[1]
    assert delegation == glossary.translate("delegate")[1] and "下放" in delegation[0]


def test_an_adjective_in_ous_meets_its_noun_s_gloss(glossary, bot):
    assert glossary.translate("mountainous")[1] == glossary.translate("mountain")[1]  # 山区, "mountain area"
    assert "龙游山区" in bot.ask("What do mountainous counties get from the pilot in Longyou?").text


def test_a_misspelled_word_is_read_as_the_word_it_misspells(glossary, bot):
    assert glossary.respelled("quzhou fixed asset invesment") == "quzhou fixed asset investment"  # not "suzhou"
    assert glossary.respelled("agritainment revenue") == "agritainment revenue"  # no word one edit away
    assert "670.7" in bot.ask("Pls tell me the 2013 fixed asset invesment figure").text  # "pls": please
    assert "3.38" in bot.ask("What was the populaton growth rate in 2013?").text


def test_an_irregular_plural_meets_its_singular_s_gloss(glossary, bot):
    assert glossary.translate("women")[1] == glossary.translate("woman")[1]  # 妇女
    assert glossary.translate("media")[1] != glossary.translate("medium")[1]  # a noun of its own: not 中等
    assert "市妇保院" in bot.ask("Which hospital will be expanded for women and children?").text


def test_a_noun_in_ification_meets_its_verb_s_gloss(glossary, bot):
    assert glossary.translate("rectification")[1] == glossary.translate("rectify")[1]  # 整顿 "to rectify"
    assert "石灰钙" in bot.ask("Which industry in Changshan Huibu faces special rectification?").text


def test_a_noun_in_age_meets_its_verb_s_gloss(glossary, bot):
    assert glossary.covers("院士专家工作站实现县(市、区)全覆盖", "coverag", ("覆盖率",))  # 覆盖 "to cover"
    question = "What reached full coverage of counties — which kind of expert workstation?"
    assert "院士专家工作站" in bot.ask(question).text


def test_a_noun_in_ement_meets_its_verb_s_gloss(glossary, bot):
    assert glossary.covers("完成河道治理 350 公里", "management", ())  # 治理 "to manage", stemmed "manag"
    assert "350 公里" in bot.ask("How many kilometres of river management are to be finished in 2014?").text


def test_a_verb_form_no_report_word_translates_is_no_missing_topic(bot):
    assert "沈仁康" in bot.ask("Who delivered the report?").text  # "delivered": 作 in "向大会作政府工作报告"
    assert "2 月 26 日" in bot.ask("When was the report delivered?").text
    assert "追溯" not in bot._glossary.translate("date")[0]  # names.u8: 追溯 is "traceable" here, not "to date from"


def test_support_meets_the_report_s_word_for_helping_firms(bot):  # names.u8: CC-CEDICT has 扶持 "to help/to assist"
    assert "11 亿元" in bot.ask("How much support funding did enterprises receive in 2013?").text


def test_a_british_spelling_translates_as_the_american_one(glossary):
    for british, american in (("organisations", "organizations"), ("programme", "program"),
                              ("neighbourhood", "neighborhood"), ("defence", "defense"), ("urbanisation", "urbanization")):
        assert glossary.translate(british)[1] == glossary.translate(american)[1] != []


def test_names_u8_gives_senses_cc_cedict_lacks(glossary):
    # CC-CEDICT has 大桥 only as a name, 高速 only as "high speed", and no 城南
    for english, chinese in (("bridge", "大桥"), ("expressway", "高速"), ("south", "城南"), ("oversight", "监督"),
                             ("dual", "双控")):
        assert chinese in glossary.translate(english)[0]


def test_names_u8_glosses_the_report_s_own_words(glossary, bot):
    # words CC-CEDICT lacks (生猪, 治水, 突破口, 二期) or gives without the reader's word (健身 "fitness", 养殖 "farm")
    for english, chinese in (("pigs", "生猪"), ("water control", "治水"), ("breakthrough", "突破口"),
                             ("second phase", "二期"), ("fitness", "健身"), ("farming", "养殖"),
                             ("administrative villages", "行政村"), ("waterways", "河道"),
                             ("household wastewater", "生活污水"), ("taxes and fees", "税费"), ("obsolete", "落后"),
                             ("unlawful", "非法"), ("handover", "交接"), ("factory", "企业"), ("events", "赛事")):
        assert chinese in glossary.translate(english)[0]
    assert "75.7 万头" in bot.ask("How many hogs were cut from farm stocks last year?").text
    assert "龙游馆" in bot.ask("Which online pavilion opened on Taobao?").text
    assert "56 家" in bot.ask("How many outdated factories were shut down in 2013?").text
    assert "全民健身运动" in bot.ask("What fitness movement was carried out across the city in 2013?").text
    # and words it has without the reader's one: a tournament (赛事), a re-inspection (复审), an election (换届)
    for english, chinese in (("tournament", "赛事"), ("re-inspection", "复审"), ("elections", "换届"), ("violations", "违法")):
        assert chinese in glossary.translate(english)[0]
    assert "冠军赛" in bot.ask("Which Go tournament is on this year's sports calendar?").text
    assert "零容忍" in bot.ask("What stance will the city take on environmental violations?").text
    # a bare "festival" is either of the report's two, not the tourism one alone
    assert {"旅游节", "体育节"} <= set(glossary.translate("festival")[0].split())
    assert "全民体育节" in bot.ask("What festival for all-round fitness will be organized?").text
    # the report's own words for aid to a region name the region: "Tibet" is no place the report leaves out
    assert "援藏" in glossary.translate("Tibet")[0] and not glossary.foreign_places("aid to Tibet")
    assert "援疆" in bot.ask("Besides Tibet, which regions did Quzhou give aid to?").text
    # as the cities a line's short name stands for name it: 宁 of 衢宁铁路 is Ningde
    assert not glossary.foreign_places("the railway to Ningde")
    assert "衢宁铁路" in bot.ask("Which railway to Ningde is being prepared?").text
    assert "资源配置导向机制" in bot.ask("What guidance mechanism for resource allocation was built in 2013?").text
    assert "地掷球世锦赛" in bot.ask("Which two national-level sports events will the city host in 2014?").text


def test_an_adjective_in_al_meets_its_noun_in_y(glossary):  # the stemmer keeps "industrial" and "industry"
    assert glossary.covers("优化全域工业布局", "industrial", ())
    assert not glossary.covers("优化全域工业布局", "industrialist", ())  # only a derivational ending


def test_a_title_or_an_award_is_the_kind_of_answer_not_a_topic(glossary):
    assert "titl" not in [noun for noun, _ in glossary.topics("Which title did Kaihua win?")]  # as 称号 is in Chinese
    assert "award" not in [noun for noun, _ in glossary.topics("What award did the city get for villages?")]
    assert "slogan" not in [noun for noun, _ in glossary.topics("Which slogan ranks land use by output?")]


def test_now_and_everyone_are_no_topics(bot):
    assert "农房抵押贷款" in bot.ask("What can farmers now use as collateral in the pilot?").text
    assert "大病保险" in bot.ask("What insurance scheme for serious illness will cover everyone?").text


def test_a_gloss_less_its_abbreviation_note_is_a_translation(glossary, bot):
    # 化工 is "chemical industry, abbr. of 化學工業|化学工业[…]": too long a gloss until the note goes
    assert "化工" in glossary.translate("chemical")[0]
    assert "化工园区" in bot.ask("Where must chemical companies move to?").text


def test_an_irregular_verb_form_meets_its_verb_s_gloss(bot, glossary):
    assert "损失" in glossary.translate("money lost")[0]  # lost -> lose, as 损失 "to lose"
    assert "11.7%" in bot.ask("What was the drop in money lost directly through accidents last year?").text


def test_a_definition_s_brackets_are_context_not_a_translation(glossary):
    # 床位 is "bed (in hospital, hotel, train etc)": it speaks of beds, not of hospitals
    assert glossary.covers("新增养老机构床位 1330 张", "bed", ("床",))
    assert not glossary.covers("新增养老机构床位 1330 张", "hospital", ("医院",))


def test_a_character_inside_a_place_name_is_not_its_own_word(glossary):
    # 江 is "river" alone, but not inside 浙江, the province
    assert not glossary.covers("2014年浙江省衢州市政府工作报告", "river", ("河道",))
    assert glossary.covers("启动建设市区新跨江大桥", "river", ("河道",))


def test_a_title_phrase_counts_when_its_words_are_whole_words(glossary):
    assert glossary.covers("衢州市政府工作报告", "report", ("工作报告",), exact=True)
    assert not glossary.covers("总书记", "secretary", ("书记",), exact=True)


def test_english_questions_are_answered_offline(bot):
    answer = bot.ask("What was the per capita disposable income of urban residents in 2013?")
    assert answer.answered and "28883" in answer.text


def test_places_and_the_place_rule(bot):
    assert places("杭州市市长是谁？") == ["杭州"]
    assert bot.ask("2013年浙江省的生产总值是多少？").text == NOT_IN_REPORT  # the title's province is not the city
    assert "1056.6" in bot.ask("2013年衢州市的生产总值是多少？").text
    assert bot.ask("杭州市市长是谁？").text == NOT_IN_REPORT
    assert "沈仁康" in bot.ask("衢州市市长是谁？").text


def test_a_quantity_needs_a_figure(bot):
    assert bot.ask("How many hospitals does Quzhou have?").text == NOT_IN_REPORT


def test_synonyms_share_a_short_english_sense(glossary):
    assert glossary.synonymous("开支", "支出")  # "expense"
    assert not glossary.synonymous("存款", "贷款")  # deposit, loan
    assert glossary.synonymous("村子", "行政村")  # 村 with the suffix 子; the dictionary lacks 行政村
    assert not glossary.synonymous("村子", "村民")  # a villager is no kind of village
    assert glossary.senses("没有这个词") == frozenset()


def test_a_single_character_translates_only_when_nothing_longer_is_as_close(glossary):
    _, groups = glossary.translate("family rate")
    family, rate = groups
    assert "家庭" in family and "家" not in family and "户" not in family  # in too many words
    assert rate[0] == "率"  # 增长率 is "growth rate", less close


def test_with_no_noun_to_check_a_word_the_reports_never_translate_declines(glossary, bot):
    # "rate" names the figure; "inflation" (通货膨胀) has no report term, so nothing covers it
    assert glossary.topics("What was the inflation rate in Quzhou in 2013?") == [("inflation", ())]
    assert bot.ask("What was the inflation rate in Quzhou in 2013?").text == NOT_IN_REPORT  # 通货膨胀: not there
    assert "3.38" in bot.ask("What was the natural population growth rate in 2013?").text
    assert "1056.6" in bot.ask("alert 2013年衢州市生产总值是多少？").text  # a Chinese question keeps its stray words


def test_a_title_must_be_a_whole_word(glossary, bot):
    text = "让我们更加紧密地团结在以习近平同志为总书记的党中央周围"
    assert glossary.covers(text, "secretary", ("书记",))
    assert not glossary.covers(text, "secretary", ("书记",), exact=True)  # 总书记 is another title
    assert bot.ask("Who is the Party secretary of Quzhou?").text == NOT_IN_REPORT
    assert "沈仁康" in bot.ask("Who is the mayor of Quzhou?").text


def test_a_hyphenated_word_the_dictionary_lacks_is_read_as_its_parts(glossary):
    # "fixed-asset" is no headword, but "fixed asset(s)" glosses 固定资产
    assert ("固定资产",) in glossary.translate("growth of fixed-asset investment")[1]
    assert glossary.translate("yellow-label cars")[1][-1] == glossary.translate("cars")[1][0]


def test_a_proper_name_s_first_word_does_not_stand_for_it(glossary):
    # 人民解放军 is "People's Liberation Army": not a translation of "people"; 衢州 is "Quzhou prefecture…"
    assert "人民解放军" not in glossary.translate("How many people were re-employed?")[0]
    assert "衢州" in glossary.translate("Quzhou")[0]


def test_the_word_after_how_asks_rather_than_names(glossary):
    assert [word for word, _ in glossary.topics("How large was the enterprise bond?")] == ["bond"]  # 企业债, one term
    assert [word for word, _ in glossary.topics("How large was the loan balance?")] == ["loan", "balanc"]


def test_english_topics_are_the_nouns_asked_about(glossary, bot):
    assert [word for word, _ in glossary.topics("What is the population of Quzhou?")] == ["population"]
    assert [word for word, _ in glossary.topics("What was the pace of export expansion?")] == ["export"]
    assert [word for word, _ in glossary.topics("How much was the spending cut?")] == ["spend"]  # "cut", a change
    # "urban" modifies ("urban district"), "volume" names the kind of figure, "new" is no noun
    assert [word for word, _ in glossary.topics("What was the urban e-commerce transaction volume?")] == [
        "e-commerc", "transaction"]  # stems
    # a comparison's words name nothing, and "on average" or "money" the kind of figure
    assert [word for word, _ in glossary.topics("How much more money did farmers make than before?")] == ["farmer"]
    assert [word for word, _ in glossary.topics("What was the average wage?")] == ["wage"]
    assert [word for word, _ in glossary.topics("What was the overall requirement?")] == ["requirement"]  # as "total"
    assert "118.2" in bot.ask("How much money did the city government take in overall in 2013?").text
    nouns = [word for word, _ in glossary.topics("Does the network cover the whole district?")]
    assert "whol" not in nouns and "network" in nouns  # so is "whole"
    assert "天网工程" in bot.ask("Which network project for public security covers the whole urban area?").text
    # pronouns and modals name nothing either
    assert [word for word, _ in glossary.topics("To whom must decisions be reported before they are issued?")] == [
        "decision"]


def test_english_topics_are_covered_by_a_term_or_a_gloss(glossary):
    assert glossary.covers("全市实现生产总值 1056.6 亿元", "gdp", ("生产总值",))
    assert glossary.covers("新增养老机构床位 1330 张", "elderly", ("老年",))  # 养老: "to provide for the elderly"
    assert not glossary.covers("全市实现生产总值 1056.6 亿元", "capita", ("人均",))
    # 生产总值 is glossed "gross domestic production": "product" is the same word, "capita" is not "capital"
    assert glossary.covers("全市实现生产总值 1056.6 亿元", "product", ("产品",))
    # a name's definition describes it after a comma ("Zhejiang province…, capital Hangzhou"): not a translation
    assert not glossary.covers("浙江省衢州市政府工作报告", "capital", ("资金", "资本"))
    assert glossary.covers("衢江区人民医院新院区投入使用", "hospital", ())  # 人民医院 "People's Hospital"


def test_a_character_covers_the_one_word_of_its_first_gloss(glossary):
    (bridge, terms), = [(w, t) for w, t in glossary.topics("Which bridge will be built?") if w.startswith("bridg")]
    assert glossary.covers("启动建设市区新跨江大桥", bridge, terms)  # 桥 "bridge"; CC-CEDICT has 大桥 as a name only
    # 元 is first "currency unit": two words, too loose to stand for "unit"
    assert not glossary.covers("外贸出口总额 23.9 亿美元", "unit", ())


@pytest.mark.parametrize(
    "question",
    ["What was Quzhou's per capita GDP in 2013?", "What was the average house price in Quzhou in 2013?"],
)
def test_english_questions_about_what_the_report_lacks_decline(bot, question):
    assert bot.ask(question).text == NOT_IN_REPORT


def test_synonyms_share_a_gloss_head_and_modifiers_any_gloss_word(glossary):
    assert not glossary.synonymous("外商", "外贸")  # "foreign businessman", "foreign trade"
    assert glossary.related("违章", "违法")  # "to break the rules", "to break the law"


def test_a_place_tag_on_a_common_word_is_no_place(glossary, bot):
    assert glossary.is_common_word("长度") and glossary.is_common_word("城镇")  # jieba tags both "ns"
    assert not glossary.is_common_word("杭州")
    assert "140 公里" in bot.ask("2014年衢州建设城镇污水管网的长度是多少？").text
    # 新建 is also Xinjian county; a place with a common sense needs 市/县/区… to be one
    assert glossary.is_common_word("新建", "计划新建城镇污水管网") and not glossary.is_common_word("江山", "江山市")
    assert "140 公里" in bot.ask("2014年衢州计划新建城镇污水管网多少公里？").text
    # a word the dictionary lacks, made of two common ones: jieba tags 城镇人口 "ns" too
    assert glossary.is_common_word("城镇人口") and not glossary.is_common_word("柯城")
    assert "3.3 万人" in bot.ask("去年新找到工作的城镇人口有多少？").text
    # two characters jieba's HMM joined, which neither dictionary nor the reports have: 后省 of "…企业后省出来…"
    assert glossary.is_common_word("后省") and not glossary.is_common_word("衢宁")  # 衢宁铁路
    assert "11.1 万吨标煤" in bot.ask("关掉落后企业后省出来多少吨标煤的用能空间？").text


def test_fewer_says_how_a_figure_changed_and_is_no_topic(bot):
    assert "75.7 万头" in bot.ask("How many pigs fewer were raised in 2013?").text  # 削减生猪饲养量


def test_english_words_the_reports_never_translate(glossary, bot):
    assert glossary.unknown_words("Who is the vice mayor of Quzhou?", bot._corpus_text) == ["vice"]
    assert glossary.unknown_words("Who is the mayor of Quzhou?", bot._corpus_text) == []
    assert bot.ask("Who is the vice mayor of Quzhou?").text == NOT_IN_REPORT
    assert "沈仁康" in bot.ask("Who is the mayor of Quzhou?").text


def test_a_word_derived_from_a_translated_one_is_known(glossary, bot):
    # 审批 is glossed "to examine and approve": "approval" is the same word, not one the reports lack
    assert glossary.unknown_words("How many approval powers were delegated?", bot._corpus_text) == []
    assert "163" in bot.ask("How many approval powers were delegated in 2013?").text


def test_a_word_is_a_noun_when_any_of_its_terms_glosses_it_as_one(glossary, bot):
    # "balance": 调剂 is "to balance", but 余额 is "balance (of an account)"
    assert "balanc" in [word for word, _ in glossary.topics("What was the loan balance?")]
    assert "1251" in bot.ask("What was Quzhou's outstanding loan balance in 2013?").text
    assert bot.ask("How many cars are registered in Quzhou?").text == NOT_IN_REPORT  # 登记, "registration"


def test_an_acronym_the_reports_never_translate_is_unknown(glossary, bot):
    # 居民消费价格指数 is "consumer price index CPI"; the reports have no price index
    assert glossary.unknown_words("What was the CPI increase in 2013?", bot._corpus_text) == ["cpi"]
    assert glossary.unknown_words("What was the GDP in 2013?", bot._corpus_text) == []
    assert bot.ask("What was the CPI increase in Quzhou in 2013?").text == NOT_IN_REPORT


def test_with_no_noun_the_other_words_asked_about_are_checked(glossary, bot):
    # CC-CEDICT glosses 出口 as "an exit" and "to export": no noun, so the word asked about stands in
    assert glossary.topics("What was the growth rate of exports in 2014?") == [("export", ("出口",))]
    # "imports" has no report term (进出口 is "import and export"), and the 2014 targets hold 外贸出口 only
    assert glossary.topics("What was the growth rate of imports in 2014?") == [("import", ())]
    assert bot.ask("What was the growth rate of imports in 2014?").text == NOT_IN_REPORT


def test_a_romanized_name_is_spelled_by_a_report_word(glossary, bot):
    assert glossary.sounded("Gengong") == ["根宫"]  # no dictionary has 根宫; its pinyin spells it
    assert glossary.sounded("Jianglang") == ["江郎山"]  # "Jianglang Mountain": the name less its kind
    assert glossary.names("How much was Juhua's rights issue?") == [("Juhua", ["巨化"])]
    assert glossary.names("Which English school opened in Quzhou?") == []  # English words are no names
    assert "18 亿元" in bot.ask("How much was Juhua's rights issue in 2013?").text
    # a name no report word spells is not in the reports
    assert glossary.names("What is the GDP of Xiaoxi village?") == [("Xiaoxi", [])]
    assert bot.ask("What is the GDP of Xiaoxi village?").text == NOT_IN_REPORT


def test_english_places_come_from_capitalized_words(bot):
    assert "杭州" in bot._places("Who is the mayor of Hangzhou?", "")
    assert not bot._places("Who delivered the government work report?", "")  # "government" also glosses 北京
    assert bot._places("宁波2013年生产总值是多少？", "宁波2013年生产总值是多少？") == {"宁波"}
    assert "杭州" in bot._places("How big was the GDP of Hangzhou?", "")  # not the size "How" asks for
    assert bot.ask("How big was the GDP of Hangzhou in 2013?").text == NOT_IN_REPORT


def test_a_paragraph_without_a_place_the_question_names_is_no_candidate(bot):
    # p006's 创新 clause outranks p039's, which alone names 龙游
    assert "龙游山区集聚发展体制创新试验区" in bot.ask(
        "Which pilot zone for mountain-area development is Longyou building?").text


def test_a_paragraph_that_speaks_of_the_province_is_about_zhejiang(bot):
    # "成为全省首个家庭农场培育发展试点市": 全省 is the province of the report's title; p003 never speaks of it
    assert "家庭农场培育发展试点市" in bot.ask(
        "Is it true that Quzhou was the first city in Zhejiang to pilot family farms?").text
    assert bot.ask("What was Zhejiang's GDP in 2013?").text == NOT_IN_REPORT


def test_the_economy_as_a_figure_is_the_gdp(bot):  # synonyms.tsv
    assert "1056.6 亿元" in bot.ask("How large was the economy in 2013?").text


def test_how_many_of_something_the_reports_never_name_declines(glossary, bot):
    assert glossary.counted_word("How many new bridges were built in Quzhou in 2013?") == "new bridges"
    assert glossary.counted_word("What is the 2014 GDP growth target?") == ""
    assert bot.ask("How many doctors are there in Quzhou?").text == NOT_IN_REPORT  # 医生, 大夫: not in the report
    # Every word counted must be: lines (线路) are in the report, subway (地铁) is not.
    assert bot.ask("How many new subway lines will Quzhou build in 2014?").text == NOT_IN_REPORT
    assert "4032" in bot.ask("How many new public parking spots were added in 2013?").text


def test_one_loose_noun_in_three_is_tolerated_but_not_in_a_title(bot):
    # "service" (put into service) has no counterpart in 更新投放天然气出租车 351 辆
    assert "351" in bot.ask("How many natural gas taxis were put into service in 2013?").text
    assert bot.ask("Who is the head of the Quzhou tourism bureau?").text == NOT_IN_REPORT


def test_the_time_of_a_figure_is_no_topic(bot):
    assert "1251" in bot.ask("How much was the loan balance in Quzhou at the end of 2013?").text


def test_a_word_the_dictionary_lacks_is_a_topic_nothing_covers(bot, glossary):
    assert ("healthcar", ()) in glossary.topics("How large was the healthcare budget in 2013?")
    assert bot.ask("How large was the healthcare budget in 2013?").text == NOT_IN_REPORT
    # words in brackets say again what the rest of the question names: "ready" is no topic of its own
    assert "1.7 万亩" in bot.ask("How many mu of mature (ready-to-build) land did the gentle-slope zones yield in 2013?").text
    # but not a verb's form ("renovated") nor a name
    assert [word for word, terms in glossary.topics("How many villages were renovated in Kaihua?") if not terms] == []
    # nor a verb of wanting before "to" and its verb, nor the "least" of "at least"
    assert [word for word, terms in glossary.topics("Quzhou wants to raise investment by at least what share?")
            if not terms] == []


def test_a_verb_after_its_auxiliary_and_subject_is_no_topic(bot, glossary):
    def unknown(question):
        return [word for word, terms in glossary.topics(question) if not terms]

    assert unknown("Which Go championship will Quzhou host in 2014?") == []  # "host" is asked as a verb
    assert "中国围棋冠军赛" in bot.ask("Which Go championship will Quzhou host in 2014?").text
    assert unknown("How much did Quzhou's imports grow in 2013?") != []  # "imports", before its verb, is the subject
    assert bot.ask("How much did Quzhou's imports grow in 2013?").text == NOT_IN_REPORT


def test_a_plural_of_an_ing_noun_meets_its_gloss():
    assert _stem("buildings") == _stem("building")


def test_a_conversational_opening_names_no_topic(glossary):
    assert {word for word, _ in glossary.topics("I'd like to know the population, please")} == {"population"}


def test_an_old_variant_lends_no_sense_to_the_word_written_alike(glossary):
    assert "年" not in glossary.translate("grain harvest")[0]  # 秊, "grain", is an old form of 年


def test_a_name_lends_no_sense_to_a_word_with_a_common_one(glossary):
    assert "农家" not in glossary.translate("schools")[0]  # 农家: "School of Agriculture", and "peasant family"
    assert "衢州" in glossary.translate("Quzhou")[0]  # a name with no common sense still translates


def test_how_many_of_a_unit_counts_what_the_unit_measures(glossary):
    assert glossary.counted_word("How many kilometres of expressway were opened?") == "expressway"
    assert glossary.counted_word("How many square metres of illegal buildings were demolished?") == "illegal buildings"
    assert glossary.counted_word("How many new subway lines were built?") == "new subway lines"
    # a unit of a report word (a name read as 垦造耕地) counts no English word; acres and mu are the report's 亩
    assert glossary.counted_word("How many acres of 垦造耕地 in 2013?") == ""


@pytest.mark.parametrize("question", ["How many acres of farmland were reclaimed in 2013?",
                                      "How many mu of farmland were reclaimed in 2013?"])
def test_an_area_in_acres_or_mu_of_a_named_thing_is_answered_in_亩(bot, question):
    assert "2.9 万亩" in bot.ask(question).text  # 完成垦造耕地 2.9 万亩


def test_adverbs_verbs_and_units_are_no_topics(glossary):
    # by lemminflect's lexicon: "again" and "actually" are adverbs only, "found" and "built" verbs only
    assert [word for word, _ in glossary.topics("How many people found jobs again in 2013?")] == ["peopl", "job"]
    assert "actually" not in [word for word, _ in glossary.topics("How much investment actually arrived?")]
    assert [word for word, _ in glossary.topics("How many km of roads were built in 2013?")] == ["road"]
    assert [word for word, _ in glossary.topics("How many mu of farmland were added?")] == ["farmland"]
    # a word after "to" that can be a verb is one: "to build", not the noun "build"
    assert "build" not in [word for word, _ in glossary.topics("Whose experience will Quzhou learn from to build on?")]
    assert [word for word, terms in glossary.topics("What will be promoted to replace river sand?") if not terms] == []


def test_forms_of_light_verbs_are_no_topics_and_superlatives_are(glossary):
    # "meant" and "became" have no report term: as topics they would make every answer decline
    for question in "Exports are meant to rise by how much in 2014?", "Which park became a 5A scenic area?":
        assert [word for word, terms in glossary.topics(question) if not terms] == []
    # "largest" has none either, and the report ranks no company: the question must decline
    assert [word for word, terms in glossary.topics("What is the largest company in Quzhou?") if not terms] == ["largest"]


def test_an_ordinal_is_no_topic(glossary):
    # "first" glosses 首届 ("first session"), not the report's 首批 ("first batch")
    assert [word for word, _ in glossary.topics("How many villages are in the first batch?")] == ["villag", "batch"]


def test_units_and_magnitudes_are_no_topics(glossary, bot):
    assert glossary.topics("Quzhou GDP 2013 in billion yuan") == []  # "yuan" glosses 分; a unit is checked as a unit
    assert "1056.6 亿元" in bot.ask("Quzhou GDP 2013 in billion yuan").text


def test_a_gloss_that_names_two_things_translates_the_pair_not_one_of_them(glossary):
    assert "进出口" not in glossary.translate("How much did imports grow?")[0]  # "import and export"
    assert "进出口" in glossary.translate("What was the import and export volume?")[0]
    assert "城镇" in glossary.translate("new jobs in cities and towns")[0]


def test_a_chinese_question_does_not_build_the_english_translations():
    fresh = Glossary({"生产总值": 1}, "生产总值")
    assert fresh.unknown_words("2013年生产总值是多少？", "生产总值") == []
    assert fresh._translations is None  # built on the first English word only: a second of a cold start


def test_a_place_no_report_names_is_not_the_city(glossary, bot):
    assert glossary.foreign_places("How much did exports to Japan grow?") == [{"日本"}]
    assert {"美国"} <= glossary.foreign_places("How much did exports to the US grow?")[0]  # an acronym, not "us"
    assert glossary.foreign_places("How much did Quzhou's exports grow?") == []  # a report's place
    assert "28.6%" in bot.ask("How much did Quzhou's exports grow in 2013?").text
    assert bot.ask("How much did Quzhou's exports to Japan grow in 2013?").text == NOT_IN_REPORT
    assert bot.ask("How much did Quzhou's exports to the US grow in 2013?").text == NOT_IN_REPORT
    assert glossary.foreign_places("What were exports worth in US dollars?") == []  # a currency, 亿美元
    assert "23.9" in bot.ask("What were exports worth in US dollars in 2013?").text


def test_two_words_joined_by_and_meet_a_gloss_in_either_order(glossary):
    assert glossary.translate("towns and cities")[1] == [("城镇",)]  # CC-CEDICT: 城镇 "cities and towns"
    assert glossary.translate("cities and towns")[1] == [("城镇",)]
    assert ("城镇",) not in glossary.translate("towns, with buses in cities")[1]  # not joined by "and"


def test_an_english_word_in_a_chinese_question_must_be_one_the_reports_use(bot):
    assert "1056.6" in bot.ask("衢州去年GDP多少亿").text  # GDP is 生产总值
    assert bot.ask("请问衢州2013年的CPI涨了多少？").text == NOT_IN_REPORT  # 居民消费价格指数 is in no report


def test_an_acronym_in_an_english_question_must_be_one_the_reports_use(bot):
    assert bot.ask("What is the 2014 CPI target?").text == NOT_IN_REPORT  # not the targets, which give no CPI
    assert "1056.6" in bot.ask("RMB value of Quzhou's GDP in 2013?").text  # a currency is the basis, not a topic


def test_a_place_jieba_does_not_tag_is_read_from_the_dictionary(glossary, bot):
    assert glossary.names_place("抓好龙游山区集聚发展体制创新试验区建设", "哪个县？")  # jieba: 龙游 a noun
    assert not glossary.names_place("抓好龙游山区集聚发展体制创新试验区建设", "龙游要建什么？")  # named already
    assert not glossary.names_place("推进重点生态功能区示范区建设", "哪个县？")
    assert "龙游" in bot.ask("今年要抓好哪个县的山区集聚发展体制创新试验区建设？").text


def test_the_reports_own_names_take_the_place_of_the_dictionary_s(glossary, bot):
    kaihua = [("开化", "Kai1 hua4", "Kaihua county in Quzhou, Zhejiang")]  # CC-CEDICT: only "to become civilized"
    assert Glossary({"开化": 1}, "推进开化全国生态文明建设试点", kaihua).names_place("推进开化全国生态文明建设试点", "哪个县？")
    assert not Glossary({"开化": 1}, "推进开化全国生态文明建设试点").names_place("推进开化全国生态文明建设试点", "哪个县？")
    assert glossary.names_place("深化江山贺村镇小城市培育试点", "江山哪个镇？")  # 贺村镇, which jieba cuts 贺 | 村镇
    assert "开化" in bot.ask("Which county is a national pilot for ecological civilization construction?").text
    assert bot.ask("What is the population of Kaihua county?").text == NOT_IN_REPORT  # a paragraph without 开化


def test_planned_frames_the_figure_rather_than_names_a_topic(glossary, bot):
    assert "计划生育" not in glossary.translate("centres planned for 2014")[0]  # "family planning"
    assert "500 个" in bot.ask("What is the number of new elderly care centres planned for 2014?").text


@pytest.mark.parametrize(
    ("question", "expected"),
    [("Count the new rural cultural auditoriums built in 2013.", "100 个"),
     ("Give the length of the slow-lane green paths that the city newly built last year.", "12 公里"),
     ("Tell me how many yellow-label cars were retired in 2013.", "2306 辆"),
     ("Name the Jiangshan town running a small-city cultivation pilot.", "贺村镇"),  # which town, not a title
     ("What tally of provincial Thousand Talents experts did Quzhou gain last year?", "6 名"),  # "tally" as "count"
     ("Remind me what the farmer income target for 2014 was", "11%")],
)
def test_a_request_put_as_an_order_is_asked_as_a_question(bot, question, expected):
    assert expected in bot.ask(question).text


def test_a_place_an_english_question_names_is_in_the_clause_that_answers(bot):
    # "美丽乡村建设深入推进" opens the paragraph that names 开化 later: it says nothing of Kaihua
    answer = bot.ask("Which title did Kaihua get for building beautiful villages?")
    assert not answer.answered or "开化" in answer.text


def test_a_determiner_is_no_topic(glossary, bot):
    nouns = [noun for noun, _ in glossary.topics("Which problems do some departments have?")]
    assert "some" not in nouns and "problem" in nouns
    assert "any" not in [noun for noun, _ in glossary.topics("Did Kaihua get any national recognition?")]
    assert "生态旅游示范区" in bot.ask("Was Kaihua given any national tourism recognition in 2013?").text
    question = "What do the authorities hope to make of some industrial products — 'single-event champions'?"
    assert "单打冠军" in bot.ask(question).text


def test_idioms_and_question_frames_name_no_topic(glossary, bot):
    assert "kind" not in [noun for noun, _ in glossary.topics("What kind of bank did the credit union become?")]
    assert "农村商业银行" in bot.ask("What kind of bank did the Kecheng rural credit union become?").text
    assert as_question("Which two kinds of disease will be controlled?") == "Which two disease will be controlled?"
    assert as_question("Which groups of diseases are to be controlled?") == "Which diseases are to be controlled?"
    assert "慢性病" in bot.ask("Which groups of diseases are to be prevented and controlled?").text
    assert "生态循环高端农业" in bot.ask("What sort of farming will the whole region pursue?").text
    assert "time" not in as_question("Which festival was held for the first time?")
    assert [noun for noun, _ in glossary.topics("What else is funded besides other subsidies?")] == ["subsidy"]
    assert "place" not in as_question("Which festival took place at Jianglang Mountain?")
    assert "terms" not in as_question("In dollar terms, how much did Quzhou export in 2013?")
    assert "set" not in as_question("What unemployment rate cap did Quzhou set for 2014?")  # a verb, no topic
    assert "report" not in as_question("What is ecology called in the report?")  # the source, as "according to"
    assert "way" not in as_question("Which kinds of trade will be developed in a coordinated way?")  # how, not what
    assert "look" not in as_question("What will the garbage collection chain look like in villages?")
    assert "road" not in as_question("How many old polluting cars were taken off the road in 2013?")
    assert "2306 辆" in bot.ask("How many old polluting cars were taken off the road in 2013?").text
    assert "户集" in bot.ask("What will the garbage collection chain look like in villages?").text
    assert "内外贸" in bot.ask("Which kinds of trade will be developed in a coordinated way in 2014?").text
    assert "首届" in bot.ask("Which festival took place for the first time at Jianglang Mountain?").text


def test_a_fraction_is_the_kind_of_figure_not_a_topic(glossary, bot):
    assert [noun for noun, _ in glossary.topics("What fraction did exports rise by?")] == ["export"]
    assert "28.6%" in bot.ask("What fraction did exports rise by in 2013?").text


def test_the_set_of_is_set_for_is_no_topic(glossary, bot):
    # read as a noun, "set" glosses 固定 ("fixed"), which no clause of the population target has
    assert all(noun != "set" for noun, _ in glossary.topics(as_question("What growth ceiling is set for 2014?")))
    assert "4.96" in bot.ask("For the birth-rate side of things: what natural population growth ceiling is set "
                             "for 2014?").text
    assert "set" in as_question("How many companies were set up?")  # "set up" is a verb of its own


@pytest.mark.parametrize(
    ("question", "expected"),
    [("What length of river channels is to be cleaned up in 2014?", "350 公里"),
     ("What stretch of greenway for walking and cycling was built last year?", "12 公里"),  # "stretch": a length
     # "sum" asks money: the clause with 亿元 ranks above the one of land in 万亩
     ("What sum did villagers earn from processing materials supplied by outside firms in 2013?", "23.4 亿元"),
     ("How much money did Zhejiang businesspeople bring back in 2013?", "91.7 亿元"),  # 浙商, a name of its own
     ("How much is the economy meant to expand in 2014?", "8.5%"),  # "expand" asks a change: a percentage
     ("How much was sangong spending cut in 2013?", "17.4%")],  # 三公 by its pinyin; "cut", a change, no topic
)
def test_what_length_of_asks_a_figure(bot, question, expected):
    assert expected in bot.ask(question).text


def test_the_report_as_the_source_and_a_verb_before_a_gerund_are_no_topics(glossary, bot):
    nouns = [noun for noun, _ in glossary.topics(as_question("What did the report say about migrant workers?"))]
    assert "report" not in nouns and "worker" in nouns
    question = "According to the mayor, which function of the city needs strengthening?"
    assert [noun for noun, _ in glossary.topics(as_question(question))] == ["function", "city"]
    assert "城市集聚辐射功能有待增强" in bot.ask(question).text
    assert "report" in as_question("Who delivered the government work report?")  # the report as what is asked
    assert "mayor" not in as_question("What did the mayor say about the shortcomings?")  # the speaker, the source
    assert "mayor" in as_question("Who is the mayor of Quzhou?")


def test_what_the_speaker_calls_or_thanks_names_no_topic_of_the_speaker(bot):
    assert as_question("What does the mayor call ecology for Quzhou?") == "What is ecology for Quzhou?"
    assert "最大财富" in bot.ask("What does the mayor call ecology for Quzhou?").text
    assert "外来建设者" in bot.ask("Who does the mayor thank for their support, apart from the people?").text


def test_an_irregular_simple_past_asks_of_the_year_the_report_looks_back_on(bot):
    assert in_simple_past("Which scenic spot became the first 5A one?") and in_simple_past("How fast it grew")
    # a form the past participle shares, a form the present shares, a perfect: no tense of its own
    assert not any(map(in_simple_past, ["Which bank opened a branch?", "Where do they put it?", "It has grown."]))
    assert "根宫佛国" in bot.ask("Which scenic spot became the first 5A one?").text  # not 2014's 江郎山—廿八都

def test_an_irregular_past_its_participle_shares_is_past_unless_it_describes(bot):
    assert in_simple_past("Which county won advanced status?") and in_simple_past("What did they say Quzhou built?")
    assert not any(map(in_simple_past, ["How long are the newly built roads?", "Which events will be held?"]))
    # 2013's 开化获评…先进县, not the 2014 plan's 建成一批美丽乡村
    assert "开化" in bot.ask("Which county won advanced status for beautiful-village building?").text


def test_a_part_jieba_cuts_of_a_report_word_an_english_name_was_read_as_is_no_topic(bot):
    # "relocation" is read as 异地搬迁, which jieba cuts 异地 | 搬迁: 异地 alone is no topic the clause (迁建项目)
    # must name; the name read as 异地搬迁 is one noun of several, as a loose word is
    assert "市第三医院" in bot.ask("Which hospital's relocation project finished its main structure in 2013?").text
    # a report word an English name was read as is still a topic whole: the targets give no 人均生产总值
    assert bot.ask("What is the 2014 target for per capita GDP?").text == NOT_IN_REPORT


def test_a_share_issue_is_a_sum_not_a_share(bot):
    assert "18 亿元" in bot.ask("How large was Juhua's share placement?").text  # 配股


def test_english_names_of_a_sight_and_of_a_building_s_stage(bot):
    assert "5A" in bot.ask("What did Kaihua's Root Palace become?").text  # 根宫佛国
    assert "市第三医院" in bot.ask("Which hospital's main structure was completed after relocation?").text  # 主体工程
    assert "17.4%" in bot.ask("政府吃喝出国开车的钱去年少花了多少").text  # 三公: 公务接待, 因公出国, 公务用车
    assert "4.96" in bot.ask("今年出生率减死亡率控制在多少").text  # 人口自然增长率


def test_english_names_of_the_report_s_slogans(bot):
    assert "八八战略" in bot.ask("What does the Eight-Eight Strategy refer to in the report?").text
    assert "互看互学" in bot.ask('What did the "mutual visits and learning" campaign cover?').text
    assert "个转企" in bot.ask('What does "individual to enterprise, small to above-scale" mean?').text
    assert "金山银山" in bot.ask("What does the report mean by clear waters and green mountains are gold and silver mountains?").text
    assert "化工园区" in bot.ask("What must chemical firms do under the industrial firms into industrial platforms rule?").text


def test_speed_up_is_a_verb_not_a_speed(bot):
    # "speed" asks a figure; "speed up" (加快) does not
    assert "民办教育" in bot.ask("What policy was issued to speed up private education?").text
    assert "北京中关村" in bot.ask("Whose experience will the city borrow to build its innovation ecosystem?").text
    assert "军民融合" in bot.ask("What kind of deep development of military and civilian sectors is pursued?").text


def test_the_last_word_of_a_proper_english_name_reads_as_its_report_word(bot):
    # "Skynet surveillance" names 天网工程; no report word CC-CEDICT glosses "surveillance"
    assert "天网工程" in bot.ask("What surveillance project covers the urban area?").text
    # "smart healthcare" names 智慧卫生, but "healthcare" alone is not that: the report does not say
    assert bot.ask("How much did the city spend on healthcare in 2013?").text == NOT_IN_REPORT


def test_the_year_a_tense_asks_of_ranks_its_sections_first_before_the_top_few_are_kept(bot):
    # the 2014 plans' paragraphs on land would push 2013's 熟地 out of the top five, leaving no candidate
    assert "1.7 万亩" in bot.ask("What mature land area did the low-hill development produce?").text
    assert "沈仁康" in bot.ask("Who gave the report?").text  # the title's 2014 is no year of the front matter


@pytest.mark.parametrize("question, expected", [
    ("Which hospitals will be expanded, including the maternity one?", "市妇保院"),
    ("Is there free tuition for secondary vocational students?", "免学费"),
    ("Which stone park project is planned for Changshan?", "常山石博园"),
])
def test_names_u8_glosses_a_hospital_free_tuition_and_a_stone_park(bot, question, expected):
    assert expected in bot.ask(question).text


def test_names_u8_adds_a_sense_cc_cedict_lacks_to_its_own_entry(glossary):  # 农业转移人口: "transferred population"
    assert glossary.covers("鼓励山区库区、生态敏感区域人口向城镇转移", "transfer", ())


def test_farmers_income_is_the_rural_residents_income(bot):  # names.u8: 农村居民, "farmers" in statistics
    answer = bot.ask("What was farmers' average income last year?").text
    assert "11924 元" in answer and "农家乐" not in answer  # not the clause of 农民增收


def test_the_glossary_is_kept_in_the_cache_folder_and_read_back_as_built(tmp_path):
    vocabulary, corpus = {"生产总值": 2, "收入": 3}, "全市实现生产总值 1056.6 亿元，城镇居民人均可支配收入 28883 元"
    built = Glossary(vocabulary, corpus)
    first = Glossary(vocabulary, corpus, cache_dir=tmp_path)
    [kept] = tmp_path.glob("glossary-*.json")
    read = Glossary(vocabulary, corpus, cache_dir=tmp_path)
    for glossary in (first, read):
        assert glossary._terms == built._terms and glossary._phrases == built._phrases
        assert glossary._readings == built._readings and glossary._definitions == built._definitions
    assert read.translate("What was the GDP?")[0] == built.translate("What was the GDP?")[0]
    # other knowledge is another file, and the one it replaces goes
    Glossary({"收入": 3}, corpus, cache_dir=tmp_path)
    assert [path.name for path in tmp_path.glob("glossary-*.json")] != [kept.name]
    assert len(list(tmp_path.glob("glossary-*.json"))) == 1


def test_a_damaged_glossary_cache_is_built_again_with_a_warning(tmp_path, caplog):
    vocabulary, corpus = {"收入": 3}, "城镇居民人均可支配收入 28883 元"
    Glossary(vocabulary, corpus, cache_dir=tmp_path)
    [kept] = tmp_path.glob("glossary-*.json")
    kept.write_bytes(kept.read_bytes()[:1000])  # cut short, as by a full disk
    glossary = Glossary(vocabulary, corpus, cache_dir=tmp_path)
    assert "unreadable" in caplog.text
    assert glossary._terms == Glossary(vocabulary, corpus)._terms
    assert json.loads(kept.read_bytes())["terms"]  # whole again
