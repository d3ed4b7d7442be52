"""Page furniture is not article text: bylines, photo credits, share/follow lines, related-article lists,
and a plain-text first line "date time outlet" (the date, not the title)."""
from __future__ import annotations

from kg.ingest import read_articles
from kg.model import Article


def _read(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    arts = [a for a in read_articles([p]) if isinstance(a, Article)]
    assert len(arts) == 1
    return arts[0]


def test_dateline_first_line_is_the_date_and_outlet_not_the_title(tmp_path):
    a = _read(tmp_path, "a.txt", "2021-04-10 14:32 新浪科技\n\n京东起诉了天猫。\n")
    assert (a.title, a.date, a.source) == ("", "2021-04-10", "新浪科技")
    assert a.text == "京东起诉了天猫。"
    b = _read(tmp_path, "b.txt", "April 10, 2021 2:32 PM Reuters\n\nAcme sued Globex on Friday.\n")
    assert (b.date, b.source) == ("2021-04-10", "Reuters")
    # a title that starts with a date is still the title
    c = _read(tmp_path, "c.txt", "2019年3月20日 格力起诉小米\n\n格力起诉了小米。\n")
    assert c.title == "2019年3月20日 格力起诉小米"


def test_bylines_credits_share_lines_and_related_lists_are_dropped(tmp_path):
    text = ("---\ntitle: 京东诉天猫\ndate: 2021-04-10\n---\n\n"
            "记者 张三\n\n文 | 李四\n\n北京4月10日电（记者 王五）京东起诉了天猫。\n\n图片来源：视觉中国\n\n"
            "By the end of the year, both sides had appealed.\n\n"
            "分享到：微信 微博\n\n相关阅读：\n京东再诉天猫\n二选一十年回顾\n\n本案仍在审理中。\n")
    a = _read(tmp_path, "a.md", text)
    assert a.text.split("\n\n") == ["北京4月10日电京东起诉了天猫。",
                                    "By the end of the year, both sides had appealed.", "本案仍在审理中。"]


def test_wire_datelines_go_but_names_that_end_in_xun_stay(tmp_path):
    a = _read(tmp_path, "a.txt", "日期：2022-04-01\n\n中新网杭州4月1日电(郭其钰)记者从杭州中院获悉，腾讯胜诉。\n\n"
                                 "新浪科技讯 6月5日上午消息，海淀法院受理了此案。\n\n字号\n\n科大讯飞起诉了百度。\n")
    assert a.text.split("\n\n") == ["记者从杭州中院获悉，腾讯胜诉。", "6月5日上午消息，海淀法院受理了此案。",
                                    "科大讯飞起诉了百度。"]
    b = _read(tmp_path, "b.txt", "Date: 2021-07-25\n\nSHANGHAI (Reuters) - Regulators fined Tencent.\n")
    assert b.text == "Regulators fined Tencent."
