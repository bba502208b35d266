import pytest

from assistant import NOT_IN_REPORT
from assistant.synonyms import Synonyms

CORPUS = ("新建污水管网 152 公里，建设城镇污水管网 140 公里，全市实现生产总值 1056.6 亿元，完成垦造耕地 2.9 万亩，"
          "新建居家养老服务照料中心 500 个，积极对接上海自贸区")


def synonyms(**names):
    return Synonyms({"经济总量": "生产总值", "sewage pipe": "污水管网", "urban sewage network": "城镇污水管网",
                     "GDP": "生产总值", **names}, CORPUS)


def test_english_names_match_whole_words_in_any_case_plural_or_hyphenated():
    read = synonyms().read
    assert "污水管网" in read("How long are the new Sewage-Pipes?") and "Sewage" not in read("the Sewage-Pipes")
    assert "生产总值" in read("What was gdp in 2013?")
    assert read("sewage piper") == "sewage piper"  # not inside a longer word
    assert "生产总值" in read("2013年经济总量是多少？")
    # with a 的 between a Chinese name's words
    assert "电子商务" in Synonyms({"网上买卖": "电子商务"}, "电子商务交易额").read("网上的买卖做了多少？")
    # a "y" after a consonant makes "ies": the name of one is read in the plural too
    assert "养老服务照料中心" in synonyms(**{"elderly care facility": "养老服务照料中心"}).read(
        "How many elderly care facilities were built?")


def test_a_possessive_name_is_read_with_or_without_its_mark():
    read = Synonyms({"farmers' income": "纯收入"}, "农村居民人均纯收入 11924 元").read
    for asked in ("farmers' income", "farmer income", "farmer's income", "farmers income"):
        assert "纯收入" in read(f"What is the {asked} target?")
    assert "纯收入" not in read("What is the farm income target?")


def test_the_longest_name_is_read_first():
    assert "城镇污水管网" in synonyms().read("How long is the urban sewage network?")


def test_names_the_reports_use_or_words_they_do_not_are_left_alone():
    read = synonyms(公里="千米", **{"jobless rate": "城镇登记失业率"}).read
    assert read("jobless rate") == "jobless rate"  # 城镇登记失业率 is not in the corpus
    assert read("公里") == "公里"


def test_a_passive_auxiliary_may_sit_inside_a_name():
    read = synonyms(**{"farmland reclaimed": "垦造耕地"}).read
    assert "垦造耕地" in read("How much farmland was reclaimed in 2013?")
    assert "垦造耕地" not in read("How much farmland was not reclaimed?")


def test_the_and_of_a_name_may_be_a_comma():
    read = Synonyms({"four sides and three transformations": "四边三化"}, "大力实施“四边三化”").read
    assert "四边三化" in read("What was the 'four sides, three transformations' campaign?")
    assert "四边三化" in read("the four sides and three transformations")
    assert "四边三化" not in read("four sides three transformations")  # nothing between is no "and"


def test_a_name_s_or_the_city_s_may_stand_for_the_in_a_name_and_a_name_s_is_kept():
    read = synonyms(**{"size of the economy": "生产总值"}).read
    assert read("What was the size of Quzhou's economy?") == "What was the  Quzhou's 生产总值 ?"
    assert "生产总值" in read("the size of the city's economy") and "生产总值" in read("size of economy")
    assert "生产总值" not in read("the size of the province's economy")  # another place's, not named


def test_a_name_the_reports_use_only_inside_a_longer_word_is_read():
    corpus = CORPUS + "，增长 9.1%，努力使衢州成为全省新的经济增长点；稳增长"
    read = Synonyms({"经济增长": "生产总值增长", "稳增长": "生产总值增长"}, corpus + "，生产总值增长").read
    assert read("2013年经济增长多少？") == "2013年生产总值增长多少？"  # 经济/增长点: not the report's word
    assert read("如何稳增长？") == "如何稳增长？"  # the report's own word stays


def test_a_chinese_name_ending_inside_a_word_of_the_question_is_not_read():
    read = Synonyms({"农村人": "农村居民"}, CORPUS + "，农村居民人均纯收入 11924 元").read
    assert read("2014年要搬迁多少农村人口？") == "2014年要搬迁多少农村人口？"  # 农村人口 is not 农村居民口
    assert read("农村人的收入是多少？") == "农村居民的收入是多少？"


def test_a_chinese_name_jieba_glues_to_the_next_character_is_read(bot):
    read = Synonyms({"固投": "固定资产投资"}, CORPUS + "，固定资产投资增长 15%以上").read
    assert read("今年固投要涨多少？") == "今年固定资产投资要涨多少？"  # jieba cuts 固投要
    assert "15%" in bot.ask("今年固投要涨多少？").text


def test_a_question_of_another_population_is_answered_from_the_report_s_own_words(bot):
    assert "1 万人" in bot.ask("2014年衢州要搬迁多少农村人口？").text


def test_a_paraphrase_of_growth_is_read_as_the_report_s_figure(bot):
    assert "9.1%" in bot.ask("2013年衢州经济增长多少？").text


def test_a_name_holding_the_report_word_is_read_though_the_reports_use_it():
    corpus = CORPUS + "，地区生产总值增长 8.5%左右"
    read = Synonyms({"地区生产总值": "生产总值"}, corpus).read
    assert read("2013年地区生产总值是多少？") == "2013年生产总值是多少？"  # still inside the report's 地区生产总值


def test_the_formal_name_of_gdp_finds_the_2013_figure(bot):
    assert "1056.6 亿元" in bot.ask("2013年衢州市实现地区生产总值多少？").text


def test_a_chinese_name_takes_in_the_report_word_s_characters_written_around_it():
    read = synonyms(养老照料中心="居家养老服务照料中心").read
    assert read("新开多少家居家养老照料中心？") == "新开多少家居家养老服务照料中心？"  # not 居家居家…
    assert read("新开多少个养老照料中心？") == "新开多少个居家养老服务照料中心？"


def test_which_with_the_ending_of_one_report_word_s_names_asks_for_that_word():
    read = synonyms(**{"Shanghai free trade zone": "上海自贸区"}).read
    assert "上海自贸区" in read("Which free trade zone will Quzhou link up with?")
    assert "上海自贸区" not in read("Is there a free trade zone?")  # not asked which
    # an ending two report words share names neither
    assert "上海自贸区" not in synonyms(**{"Shanghai free trade zone": "上海自贸区", "Jiangshan free trade zone": "生产总值"}
                                      ).read("Which free trade zone will Quzhou link up with?")


def test_foreign_trade_is_named_in_either_order(bot):
    answer = bot.ask("How much did exports and imports grow in 2013?").text
    assert "25%" in answer and "28.6%" not in answer  # not the exports' growth alone


def test_everyday_words_for_e_commerce_find_it(bot):
    assert "155.2 亿元" in bot.ask("去年网上做生意做了多少？").text


def test_everyday_words_for_finding_work_name_employment(bot):
    assert "3.3 万人" in bot.ask("2013年有多少人找到了工作？").text  # not 人才工作's "6 名"
    assert "1.4 万人" in bot.ask("2013年有多少人重新找到工作？").text  # 再就业
    assert "1.4 万人" in bot.ask("去年有多少人重新上岗？").text
    assert "殡葬基本服务免费" in bot.ask("去年办丧事方面出台了什么新政策？").text


def test_the_first_is_the_report_s_首个(bot):
    assert "根宫佛国" in bot.ask("衢州第一个5A级景区是哪个？").text  # 首个 5A 级景区, 2013; not 2014's 争创


def test_an_everyday_word_for_the_sewage_network(bot):
    assert "140 公里" in bot.ask("2014年要铺设多少公里污水管子？").text  # 污水管网


def test_everyday_words_for_starting_re_employment_parking_a_credit_union_and_visitors(bot):
    assert "40 个" in bot.ask("去年上马的大气污染治理项目有几个？").text  # 启动实施…治理项目 40 个
    assert "1.4 万人" in bot.ask("How many laid-off workers found jobs again in 2013?").text  # 再就业
    assert "4032 个" in bot.ask("How many new public car-park spaces appeared across Quzhou last year?").text  # 停车位
    assert "农村商业银行" in bot.ask("What did Kecheng's credit union turn into?").text  # 农村信用联社
    assert "30%" in bot.ask("What was the percentage increase in visitor arrivals?").text  # 游客人数


def test_everyday_words_for_exports_and_bank_loans(bot):
    assert "23.9 亿美元" in bot.ask("去年衢州外销总额是多少亿美元？").text  # 外贸出口总额
    assert "1251 亿元" in bot.ask("2013年衢州银行贷款有多少？").text  # 贷款余额, not 杭州银行's clause


def test_everyday_words_for_online_shops_and_factories(bot):
    assert "155.2 亿元" in bot.ask("2013年衢州网店交易额是多少？").text  # 电子商务交易额
    assert "56 家" in bot.ask("2013年衢州关停淘汰落后产能工厂多少家？").text  # 企业


@pytest.mark.parametrize(
    ("question", "expected"),
    [("How much farmland was reclaimed in 2013?", "2.9 万亩"),  # 耕地
     ("Which attraction in Kaihua became the city's first 5A scenic area in 2013?", "根宫佛国"),  # 景区
     ("Which kinds of lenders will Quzhou grow in 2014?", "村镇银行"),  # 金融机构
     ("How many kilometres of urban roadway were built or rebuilt in 2013?", "36 公里"),  # 城市道路
     ("How many administrative villages are in the first batch to be cleaned up in 2014?", "500 个"),  # 首批
     ("Which hospital opened a new campus last year?", "衢江区人民医院"),  # 院区
     ("Name an expressway project that is under construction and continuing.", "杭新景高速"),  # names.u8
     ("What national title did Quzhou win for soil and water conservation?", "国家水土保持生态文明城市"),  # 水土保持
     ("What kinds of social organisations will the city encourage?", "志愿者协会"),  # 社会组织, British spelling too
     ("What sports festival will be organised in 2014?", "全民体育节"),  # 体育节, not 体育大会
     ("What did the city give priority to in its fight against traffic congestion?", "公共交通"),  # 治堵
     ("What about business registration in 2014?", "工商登记制度改革"),  # and names.u8: 登记 "registration"
     ("How fast should online retail transactions grow in 2014?", "70%")],  # 电子商务交易额
)
def test_everyday_english_words_for_report_terms(bot, question, expected):
    assert expected in bot.ask(question).text


def test_everyday_chinese_words_for_sewers_pigs_accidents_and_exports(bot):
    assert "152 公里" in bot.ask("去年铺了多少公里的下水管？").text  # 污水管网
    assert "75.7 万头" in bot.ask("养猪的数量压下来多少头？").text  # 生猪饲养量
    assert "2.9%" in bot.ask("安全事故的次数降了多少？").text  # 事故起数
    assert "2.9%" in bot.ask("去年安全生产出事的次数少了百分之几？").text
    assert "28.6%" in bot.ask("往国外卖的货去年涨了多少？").text  # 外贸出口总额
    assert "长三角" in bot.ask("衢州旅游主要盯着哪里的客人？").text  # 客源
    assert "单独两孩" in bot.ask("今年生二胎的政策有什么变化？").text
    assert "网上政务大厅" in bot.ask("网上办事大厅今年建不建？").text
    assert "薄弱环节" in bot.ask("政府工作有哪些短板？").text


def test_everyday_words_for_shopping_name_retail_sales(bot):
    assert "443.7 亿元" in bot.ask("去年老百姓在商店里买东西一共花了多少？").text  # 社会消费品零售总额
    assert "155.2 亿元" in bot.ask("去年网上买东西的交易额是多少？").text  # 电子商务, the longer name first


def test_more_than_half_the_parts_of_an_abbreviation_side_by_side_are_read_as_it():
    read = Synonyms({}, "“三公”经费支出下降 17.4%", [("三公", [["招待", "吃喝"], ["出国"], ["公车", "用车"]])]).read
    assert read("2013年政府招待、出国、公车开支降了多少？") == "2013年政府三公开支降了多少？"
    assert read("政府吃喝和用车的开支") == "政府三公的开支"  # two parts of three
    assert read("去年出国的人有多少？") == "去年出国的人有多少？"  # one part only
    assert read("招待了多少游客，出国多少人，用车多少？") == "招待了多少游客，出国多少人，用车多少？"  # apart
    assert Synonyms({}, "生产总值", [("三公", [["招待"], ["出国"]])]).read("招待、出国") == "招待、出国"  # not the reports'


def test_an_everyday_listing_of_the_three_public_expenses_finds_三公(bot):
    assert "17.4%" in bot.ask("去年政府宴请、出境、公务用车的花费降了多少？").text  # “三公”经费支出下降 17.4%


def test_everyday_english_for_the_illegal_sand_sites(bot):
    assert "196 处" in bot.ask("How many sand pits were shut in 2013?").text  # 非法采砂制砂点


def test_english_short_names_for_the_child_policy_and_the_most_beautiful_countryside(bot):
    assert "单独两孩" in bot.ask("What new child policy is to be implemented?").text
    assert "七里乡" in bot.ask("Which township was rated as Zhejiang's most beautiful countryside?").text


def test_everyday_words_for_good_air_days_and_the_birth_policy(bot):
    assert "70%" in bot.ask("今年空气好的天数要占多少？").text  # 空气质量优良率
    assert "单独两孩" in bot.ask("What new family planning policy will be carried out?").text


def test_the_green_light_is_the_report_s_approval(bot):
    assert "3.1 万亩" in bot.ask("How much new construction land got the green light in 2013?").text  # 获批新增建设用地


def test_everyday_words_for_gdp_disposable_income_and_good_air_days(bot):
    assert "1056.6 亿元" in bot.ask("衢州一年创造的财富总值在2013年达到多少？").text  # 生产总值
    assert "28883 元" in bot.ask("城里上班族一年能自由支配的钱平均多少？").text  # 城镇居民人均可支配收入
    assert "70%" in bot.ask("今年蓝天的日子要占到多少？").text  # 空气质量优良率; 占到 is the figure's verb


@pytest.mark.parametrize("question", ["今年在哪里设点招商？", "Where will Quzhou send teams to attract investment in 2014?"])
def test_everyday_words_for_stationed_investment_promotion(bot, question):
    assert "北京中关村" in bot.ask(question).text  # 驻点招商


@pytest.mark.parametrize("question, expected", [
    ("去年报废的冒黑烟老车有多少辆？", "2306 辆"),  # 黄标车
    ("How many smoky old vehicles were taken off the road in 2013?", "2306 辆"),
    ("政府给企业免掉的税和费一共多少钱？", "38.2 亿元"),  # 减免税费
    ("今年要把多少辆公交车改成烧气的？", "90 辆"),  # 油改气
    ("What percentage more money will go into tourism projects this year?", "25%"),  # 旅游项目投入
])
def test_everyday_words_for_polluting_cars_tax_relief_gas_buses_and_tourism_spending(bot, question, expected):
    assert expected in bot.ask(question).text



@pytest.mark.parametrize("question, expected", [
    ("What were Quzhou's export earnings in 2013?", "23.9 亿美元"),
    ("Which video surveillance network covers the urban area?", "天网工程"),
    ("What is planned for the dikes and reservoirs?", "强库固堤"),
    ("Which project makes school meals safe?", "学生饮食放心工程"),
    ("Which scenic rating did the Root Palace Buddha Land reach?", "5A"),
    ("Which reform is about migrant farmers becoming urban citizens?", "农业转移人口市民化"),
])
def test_everyday_english_for_export_earnings_skynet_dikes_school_meals_root_palace_and_migrants(bot, question,
                                                                                                  expected):
    assert expected in bot.ask(question).text

@pytest.mark.parametrize("question, expected", [
    ("市里办了第几届运动会？", "第四届市运会"),
    ("今年要扩建哪家妇幼医院？", "市妇保院"),
    ("What was free of charge for basic funerals?", "殡葬基本服务免费"),
])
def test_everyday_names_for_the_city_games_the_maternity_hospital_and_funerals(bot, question, expected):
    assert expected in bot.ask(question).text


def test_a_drinking_water_source_is_no_compliance_rate_unless_asked_as_one(bot):
    assert "乌溪江" in bot.ask("Which drinking water source area got environmental clean-up?").text  # 饮用水源保护区
    # the rate is 2014's target only (集中式饮用水源地水质达标率)
    assert bot.ask("What was the water quality compliance rate of drinking water sources in 2013?").text == NOT_IN_REPORT


def test_an_english_name_s_head_noun_may_come_first():  # "… investment in X" is the name "X investment"
    names = Synonyms({"industrial technical upgrading investment": "工业技改投资"}, "工业技改投资增长 27.5%")
    assert "工业技改投资" in names.read("How fast did investment in industrial technical upgrading grow?")
    assert "工业技改投资" not in names.read("How fast did industrial investment grow?")


def test_an_english_name_read_as_a_report_word_meets_it_written_with_words_put_in(bot):
    # "national high-tech development zone" is 国家高新技术开发区 (of 2014); 2013's is 国家高新技术产业开发区
    answer = bot.ask("Which park was promoted to a national high-tech development zone?").text
    assert "高新技术园区升格为国家高新技术产业开发区" in answer


@pytest.mark.parametrize("question, expected", [
    ("By how much did spending on official receptions, cars and travel abroad fall in 2013?", "17.4%"),  # 三公
    ("How much outside investment actually arrived in 2013?", "194.7 亿元"),  # 招商引资到位资金
])
def test_english_names_for_official_trips_abroad_and_investment_from_outside(bot, question, expected):
    assert expected in bot.ask(question).text


def test_green_mountains_name_the_slogan_they_are_in(bot):  # 绿水青山就是金山银山, not the 山区 of another clause
    assert "绿水青山就是金山银山" in bot.ask("Which saying about green mountains does the city hold to?").text


def test_an_english_name_may_have_a_word_quoted():
    names = Synonyms({"sunshine project": "阳光工程"}, "推进“阳光工程”建设")
    assert "阳光工程" in names.read("What 'sunshine' project is promoted?")
    assert "阳光工程" in names.read('What is the "sunshine" project?')


@pytest.mark.parametrize("question, expected", [
    ("How many vehicles with high emissions did Quzhou retire in 2013?", "2306 辆"),  # 黄标车
    ("How much idle approved land was put to use in 2013?", "1.1 万亩"),  # 批而未供土地
])
def test_english_names_for_high_emission_vehicles_and_idle_approved_land(bot, question, expected):
    assert expected in bot.ask(question).text


@pytest.mark.parametrize("question, expected", [
    ("How much area did the three renovations cover in 2013?", "276.9"),  # “三改”, quoted apart from 三改一拆
    ("Did the two south renovation make a breakthrough?", "两南"),
])
def test_every_name_the_report_quotes_has_english_names(bot, question, expected):
    assert expected in bot.ask(question).text


@pytest.mark.parametrize("question, expected", [
    ("招商引资实际到账了多少钱？", "194.7"),  # 到账 and 实际到位 are the report's 到位
    ("关停企业腾出多少能耗空间？", "11.1"),  # 用能空间
    ("市国资公司发债多少？", "15 亿元"),  # 企业债
    ("How much developable land did the gentle hill slopes give?", "1.7"),  # 熟地, 低丘缓坡
])
def test_everyday_names_for_funds_in_place_energy_room_bonds_and_slope_land(bot, question, expected):
    assert expected in bot.ask(question).text


@pytest.mark.parametrize("question, expected", [
    ("去年往外卖货卖了多少美元？", "23.9"),  # 外贸出口总额
    ("开化的根雕景区是几A级？", "5A"),  # 根宫佛国
])
def test_everyday_names_for_exports_and_the_root_carving_scenic_area(bot, question, expected):
    assert expected in bot.ask(question).text


@pytest.mark.parametrize("question, expected", [
    ("How many illegal sand sites were closed in 2013?", "196"),  # 非法采砂制砂点
    ("How many grain production functional areas are planned for 2014?", "18"),  # 粮食生产功能区
])
def test_english_names_for_sand_sites_and_grain_areas(bot, question, expected):
    assert expected in bot.ask(question).text
