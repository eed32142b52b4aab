#!/usr/bin/python3
"""Writes the ledger (台账) fixtures of tests/cli/ledger.sh into DIR.

The workbooks are written XML part by XML part with zipfile, so that each
shape the importer must read is there on purpose: a title row and a blank
row above the header, area cells merged down, dates as serial numbers,
shared strings with rich-text runs and phonetic runs, inline strings, a
formula with its cached value, empty cells; and the broken ones: not a
zip, an encrypted (compound) file, a corrupt zip, a zip bomb, a DTD, a
sheet without a header.  Usage: make_fixtures.py DIR
"""
import os
import sys
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def workbook(path, rows, merges=(), shared=(), sheet_name="台账", extra=None):
    """rows: {row: {col: (type, value)}}; type s (shared index), inline, n, str."""
    out = []
    for r in sorted(rows):
        cells = []
        for c in sorted(rows[r]):
            t, v = rows[r][c]
            ref = "%s%d" % (c, r)
            if t == "inline":
                cells.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, esc(v)))
            elif t == "s":
                cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, v))
            elif t == "str":
                cells.append('<c r="%s" t="str"><f>CONCATENATE("a","b")</f><v>%s</v></c>' % (ref, esc(v)))
            else:
                cells.append('<c r="%s" s="1"><v>%s</v></c>' % (ref, v))
        out.append('<row r="%d">%s</row>' % (r, "".join(cells)))
    mc = ""
    if merges:
        mc = '<mergeCells count="%d">%s</mergeCells>' % (
            len(merges), "".join('<mergeCell ref="%s"/>' % m for m in merges))
    sheet = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet %s %s><sheetData>%s</sheetData>%s</worksheet>' % (
        NS, RNS, "".join(out), mc)
    sst = '<?xml version="1.0" encoding="UTF-8"?>\n<sst %s count="%d">%s</sst>' % (NS, len(shared), "".join(shared))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook %s %s><sheets><sheet name="%s" sheetId="1" r:id="rId7"/></sheets></workbook>' % (NS, RNS, sheet_name))
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/></Relationships>')
        z.writestr("xl/worksheets/data.xml", sheet)
        z.writestr("xl/sharedStrings.xml", sst)
        for name, data in (extra or {}).items():
            z.writestr(name, data)


def good(d):
    shared = [
        "<si><t>重点工作</t></si>",                                    # 0
        "<si><r><t>招商</t></r><r><rPr><b/></rPr><t>引资</t></r></si>",  # 1 rich text
        "<si><t>县商务局</t><rPh sb=\"0\" eb=\"1\"><t>ケン</t></rPh></si>",  # 2 phonetic run
        "<si><t xml:space=\"preserve\"> 已完成 </t></si>",             # 3
    ]
    H = lambda v: ("inline", v)
    rows = {
        1: {"A": H("某县2022年重点工作任务推进台账")},
        3: {"A": H("序 号"), "B": H("类别"), "C": ("s", 0), "D": H("牵头单位"),
            "E": H("分管领导"), "F": H("完成时限（节点）"), "G": H("进展情况"), "H": H("状态"),
            "I": H("备注")},
        4: {"A": H("1"), "B": ("s", 1), "C": H("举办招商推介会"), "D": ("s", 2), "E": H("王副县长"),
            "F": ("n", "44926"), "G": H("已签约项目3个"), "H": ("s", 3)},
        5: {"A": H("2"), "C": H("引进亿元以上项目10个"), "D": ("s", 2),
            "F": H("2022-06-30"), "G": H("在谈项目5个\n签约2个"), "H": H("正在推进")},
        6: {"A": H("2.1"), "C": H("完成项目落地"), "F": H("三季度"), "H": H("滞后")},
        7: {"A": H("3"), "B": H("城市建设"), "C": H("老旧小区改造"), "D": H("县住建局"),
            "E": H("李副县长"), "F": H("年底前"), "H": H("进行中")},
        8: {"A": H("4"), "C": ("str", "=SUM(A1:A3)"), "D": H("=HYPERLINK(\"x\")"), "F": H("长期坚持"),
            "H": H("不知道")},
        9: {"A": H("5"), "C": H("雨污分流"), "F": ("n", "45000.0")},
    }
    workbook(os.path.join(d, "good.xlsx"), rows, merges=["A1:I1", "B4:B6", "B7:B9"], shared=shared)


def broken(d):
    with open(os.path.join(d, "text.xlsx"), "w") as f:
        f.write("序号,工作任务\n1,x\n")
    with open(os.path.join(d, "encrypted.xlsx"), "wb") as f:
        f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504)
    workbook(os.path.join(d, "ok-to-cut.xlsx"), {1: {"A": ("inline", "序号"), "B": ("inline", "工作任务")}})
    data = open(os.path.join(d, "ok-to-cut.xlsx"), "rb").read()
    with open(os.path.join(d, "corrupt.xlsx"), "wb") as f:
        f.write(data[: len(data) // 2])
    os.remove(os.path.join(d, "ok-to-cut.xlsx"))
    # a byte of the sheet changed after the fact: its CRC no longer matches
    workbook(os.path.join(d, "crc.xlsx"), {1: {"A": ("inline", "序号"), "B": ("inline", "工作任务")},
                                           2: {"A": ("inline", "1"), "B": ("inline", "甲")}})
    src = zipfile.ZipFile(os.path.join(d, "crc.xlsx"))
    parts = {n: src.read(n) for n in src.namelist()}
    src.close()
    with zipfile.ZipFile(os.path.join(d, "crc.xlsx"), "w", zipfile.ZIP_STORED) as z:
        for n, v in parts.items():
            z.writestr(n, v)
    data = bytearray(open(os.path.join(d, "crc.xlsx"), "rb").read())
    at = data.find(b"<sheetData>")
    data[at + 1] = ord("S")
    with open(os.path.join(d, "crc.xlsx"), "wb") as f:
        f.write(data)
    bomb = '<?xml version="1.0"?><sst %s><si><t>%s</t></si></sst>' % (NS, "0" * (80 << 20))
    workbook(os.path.join(d, "bomb.xlsx"), {1: {"A": ("s", 0)}}, extra={})
    with zipfile.ZipFile(os.path.join(d, "bomb.xlsx"), "a", zipfile.ZIP_DEFLATED) as z:
        pass
    # rewrite with the huge shared strings part
    src = zipfile.ZipFile(os.path.join(d, "bomb.xlsx"))
    parts = {n: src.read(n) for n in src.namelist() if n != "xl/sharedStrings.xml"}
    src.close()
    with zipfile.ZipFile(os.path.join(d, "bomb.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for n, v in parts.items():
            z.writestr(n, v)
        z.writestr("xl/sharedStrings.xml", bomb)
    dtd = '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaa">]><sst %s><si><t>&a;</t></si></sst>' % NS
    workbook(os.path.join(d, "dtd.xlsx"), {1: {"A": ("s", 0)}}, extra={})
    src = zipfile.ZipFile(os.path.join(d, "dtd.xlsx"))
    parts = {n: src.read(n) for n in src.namelist() if n != "xl/sharedStrings.xml"}
    src.close()
    with zipfile.ZipFile(os.path.join(d, "dtd.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for n, v in parts.items():
            z.writestr(n, v)
        z.writestr("xl/sharedStrings.xml", dtd)
    workbook(os.path.join(d, "noheader.xlsx"),
             {1: {"A": ("inline", "姓名"), "B": ("inline", "电话")}, 2: {"A": ("inline", "张三")}})


if __name__ == "__main__":
    good(sys.argv[1])
    broken(sys.argv[1])
