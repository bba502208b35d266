import pytest

from assistant.errors import KnowledgeError
from assistant.knowledge import (FRONT_MATTER, OPENING, load_abbreviations, load_knowledge, load_names, load_synonyms,
                                 parse_document, read_document)
from conftest import DATA, REPO


@pytest.fixture
def stub():
    return read_document(DATA / "stub-report.md")


@pytest.fixture(scope="module")
def report():
    return load_knowledge(REPO / "knowledge")


@pytest.mark.parametrize("cut, rest", [("加强项目管理和", "重大项目前期工作"), ("县级以上集中", "式饮用水源地"), ("认真做好民", "族、宗教")])
def test_page_break_cuts_are_joined(report, cut, rest):
    assert any(cut + rest in p.text for p in report)
    assert not any(p.text.endswith(cut) for p in report)


def test_stub_joins_cut_paragraphs_and_drops_rules(stub):
    texts = [p.text for p in stub]
    assert "全市实现生产总值 1,234.5 亿元，增长 7.2%。加强项目管理和重大项目前期工作，新建公园 12 个。" in texts
    assert "推进治水，县级以上集中式饮用水源地水质达标率 100%。认真做好民族、宗教工作。" in texts
    assert not any("---" in t for t in texts)


def test_front_matter_is_one_answerable_paragraph(stub):
    first = stub[0]
    assert first.section == FRONT_MATTER
    assert first.text == "2020 年示例市政府工作报告 —2020 年 1 月 10 日在示例市第一届人民代表大会第一次会议上 示例市市长 张三"
    assert first.document == "2020 年示例市政府工作报告"


def test_section_paths(stub):
    assert [p.section_path for p in stub[1:]] == [
        ("一、2019 年工作回顾",),
        ("二、2020 年主要目标", "(一)围绕生态建设，着力提升环境质量。"),
    ]


def test_report_section_paths(report):
    def starting(prefix):
        return next(p for p in report if p.text.startswith(prefix))

    assert starting("全面治水。").section_path[0] == "二、2014 年总体要求、主要目标及重点工作"
    assert starting("全面治水。").section_path[1].startswith("(四)围绕五水共治和共建生态家园")
    assert starting("(一)加快政府").section_path == ("三、以改革创新的精神加强政府自身建设", "(一)加快政府职能转变")


def test_ids_are_stable_unique_and_round_trip(report):
    again = load_knowledge(REPO / "knowledge")
    assert [p.paragraph_id for p in report] == [p.paragraph_id for p in again]
    assert len({p.paragraph_id for p in report}) == len(report)
    for number, paragraph in enumerate(report, start=1):
        assert paragraph.paragraph_id == f"quzhou-2014:p{number:03d}"
        node = paragraph.to_node()
        assert node.node_id == paragraph.paragraph_id and node.text == paragraph.text


def test_decimals_are_never_split(report):
    assert any("全市实现生产总值 1056.6 亿元，增长 9.1%" in p.text for p in report)


def test_missing_folder(tmp_path):
    with pytest.raises(KnowledgeError, match="does not exist"):
        load_knowledge(tmp_path / "nowhere")


def test_folder_without_reports(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    with pytest.raises(KnowledgeError, match=r"has no \.md or \.txt report"):
        load_knowledge(tmp_path)


def test_empty_file_is_named(tmp_path):
    (tmp_path / "empty.md").write_text("  \n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="empty.md is empty"):
        load_knowledge(tmp_path)


def test_non_utf8_file_is_named(tmp_path):
    (tmp_path / "gbk.txt").write_bytes("政府工作报告".encode("gbk"))
    with pytest.raises(KnowledgeError, match="gbk.txt is not UTF-8"):
        load_knowledge(tmp_path)


def test_plain_text_without_headings_uses_file_stem():
    paragraphs = parse_document("第一段。\n\n第二段。", "notes.txt")
    assert [p.document for p in paragraphs] == ["notes", "notes"]
    assert [p.paragraph_id for p in paragraphs] == ["notes:p001", "notes:p002"]


def test_opening_prose_is_not_front_matter(report):
    assert report[0].section == FRONT_MATTER
    assert report[1].section == OPENING and report[1].text.startswith("现在，我代表市人民政府")


@pytest.mark.parametrize(
    ("load", "name", "text", "expected"),
    [(load_synonyms, "synonyms.tsv", "# comment\n\n生产总值\t经济总量, 经济规模，GDP总量\n",
      {"经济总量": "生产总值", "经济规模": "生产总值", "GDP总量": "生产总值"}),
     (load_names, "names.u8", "# comment\n\n開化 开化 [Kai1 hua4] /Kaihua county in Quzhou/\n",
      [("开化", "Kai1 hua4", "Kaihua county in Quzhou")]),
     (load_abbreviations, "abbreviations.tsv", "# comment\n\n三公\t招待 接待\t出国\t公车\n",
      [("三公", [["招待", "接待"], ["出国"], ["公车"]])])],
)
def test_a_data_file_is_optional_and_read(tmp_path, load, name, text, expected):
    assert not load(tmp_path)  # the file is optional
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert load(tmp_path) == expected


@pytest.mark.parametrize(
    ("load", "name", "text", "message"),
    [(load_synonyms, "synonyms.tsv", "生产总值\t经济总量\n生产总值 经济规模\n", "the report's word, a tab"),
     (load_names, "names.u8", "開化 开化 [Kai1 hua4] /Kaihua county/\n开化\tKaihua county\n", "a CC-CEDICT line"),
     (load_abbreviations, "abbreviations.tsv", "三公\t招待\t出国\n三公 招待 出国\n", "the abbreviation, then a tab")],
)
def test_a_broken_data_line_is_named(tmp_path, load, name, text, message):
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=f"{name} line 2: expected {message}"):
        load(tmp_path)


def test_the_shipped_names_and_abbreviations_are_the_reports():
    report = "\n".join(p.text for p in load_knowledge(REPO / "knowledge"))
    names = [term for term, _, _ in load_names(REPO / "knowledge")]
    abbreviations = [short for short, _ in load_abbreviations(REPO / "knowledge")]
    assert names and abbreviations and not [word for word in names + abbreviations if word not in report]


def test_the_shipped_synonyms_load():
    synonyms = load_synonyms(REPO / "knowledge")
    assert synonyms["经济总量"] == "生产总值" and synonyms["sewage pipe"] == "污水管网"
    report = "\n".join(p.text for p in load_knowledge(REPO / "knowledge"))
    assert not {term for term in synonyms.values() if term not in report}  # no line drifts from the report
