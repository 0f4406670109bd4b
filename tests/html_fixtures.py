"""Hand-made web pages that look like what county sites publish, written out as
literal HTML — not with jixiao's writer — so they test the reader against markup
as CMSs, Word ("另存为网页") and Excel produce it.

Each builder returns the page's bytes; the tests assert what each reads as. Run
as a script to write them all into a folder and open them in a browser::

    .venv/bin/python tests/html_fixtures.py /tmp/html_fixtures

What they hold, and why:

- ``county_page``: a GBK page (``charset=gb2312`` in an ``http-equiv`` meta, as old
  sites declare it) with site chrome (header, nav menu, script, footer), a layout
  table wrapping everything (the page title and 发布时间 in one cell, the tables in
  others, one nested a level deeper); a 收入总表 in 万元 whose header has two
  levels (序号, 合计 and 上年结转 merged down with ``rowspan``; 功能分类科目 and
  本年收入 across with ``colspan``), ``<br>`` and ``&nbsp;`` inside header cells,
  ``thead``/``tfoot``/``tbody`` with the foot written first (HTML 4) holding the
  note, thousands separators; a 三公 table in 元 titled by its ``<caption>``, with
  an extra empty column; the goals section in ``h2``/``p`` with a ``<br>`` between
  two 保障措施; a 项目支出绩效目标表 titled by its first row, 一级/二级 names merged
  down with ``rowspan``, goals split by ``<br>``, and bad span values (``colspan="0"``,
  ``rowspan="abc"``, ``colspan="9999"``, ``rowspan="999"``).
- ``excel_sheet``: a table as Excel saves a sheet as a web page: the title and the
  unit line as rows of the table, a hidden column (``display:none``) holding a
  number, ``x:num`` attributes.
- ``word_page``: a UTF-8 page Word saved (``MsoNormal`` paragraphs, ``<o:p>``,
  ``_Toc`` anchors marking headings) without a charset declaration.
- ``attachment_page`` / ``image_page``: a 公开 notice without tables, whose tables
  are in attached files / in pictures.
"""

from __future__ import annotations

import sys
from pathlib import Path

UNIT = "430001某某县机关事务服务中心"

_CHROME_TOP = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
 "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>某某县机关事务服务中心2024年部门预算公开_某某县人民政府</title>
<link rel="stylesheet" href="/css/main.css" />
<script type="text/javascript">var 预算数 = "不是内容"; document.write("<table><tr><td>x</td></tr></table>");</script>
<style>td { font-size: 12px; } .hide { display: none; }</style>
</head>
<body>
<header><div class="logo">某某县人民政府 预算年度：1999</div></header>
<nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul></nav>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">预决算公开</a></div>
"""

_CHROME_BOTTOM = """
<footer><p>主办：某某县人民政府办公室　备案号：冀ICP备00000000号</p></footer>
<script>console.log("统计代码")</script>
</body>
</html>
"""

_INCOME_TABLE = """
<p align="center" class="MsoNormal"><strong><span style="font-size:16pt">部门预算收入总表</span></strong></p>
<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse">
<thead>
  <tr>
    <td colspan="4">430001某某县机关事务服务中心</td>
    <td colspan="2" align="center">预算年度：2024</td>
    <td colspan="2" align="right">单位：万元</td>
  </tr>
  <tr>
    <th rowspan="2">序号</th>
    <th colspan="2">功能分类科目</th>
    <th rowspan="2">合&nbsp;&nbsp;计</th>
    <th colspan="3">本年收入</th>
    <th rowspan="2">上年<br />结转</th>
  </tr>
  <tr>
    <th>科目编码</th><th>科目名称</th><th>小计</th><th>财政拨款<br>收入</th><th>事业收入</th>
  </tr>
  <tr>
    <td>栏次</td><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td><td>7</td>
  </tr>
</thead>
<tfoot>
  <tr><td colspan="8">注：本表反映部门本年度收入预算。</td></tr>
</tfoot>
<tbody>
  <tr>
    <td>1</td><td>201</td><td>一般公共服务支出</td>
    <td align="right">1,200.50</td><td align="right">1,200.50</td><td align="right">1,000.50</td>
    <td align="right">200.00</td><td>&nbsp;</td>
  </tr>
  <tr>
    <td>2</td><td>20103</td>
    <td>
      政府办公厅（室）及相关机构事务
    </td>
    <td align="right">1,200.50</td><td align="right">1,200.50</td><td align="right">1,000.50</td>
    <td align="right">200.00</td><td></td>
  </tr>
  <tr>
    <td>3</td><td>2010350</td><td>&nbsp;&nbsp;事业运行</td>
    <td align="right">800.00</td><td align="right">800.00</td><td align="right">800.00</td>
    <td></td><td></td>
  </tr>
</tbody>
</table>
"""

_THREE_PUBLIC_TABLE = """
<table border="1" cellspacing="0">
<caption><b>部门预算财政拨款“三公”经费支出表</b></caption>
<tr><td colspan="3">430001某某县机关事务服务中心</td><td colspan="2" align="right">单位：元</td><td></td></tr>
<tr><td>项目</td><td>合计</td><td>因公出国（境）费</td><td>公务用车购置及运维费</td><td>公务接待费</td><td>&nbsp;</td></tr>
<tr><td>“三公”经费</td><td>12000.00</td><td>0.00</td><td>8000.00</td><td>4000.00</td><td>&nbsp;</td></tr>
</table>
"""

_GOALS = """
<h2>第一部分&nbsp;部门整体绩效目标</h2>
<p>一、总体绩效目标</p>
<p style="text-indent:2em">保障机关高效运转，
   降低行政运行成本。</p>
<p>二、分项绩效目标</p>
<p>1、公务用车保障</p>
<p>绩效目标：保障公务出行。</p>
<p>绩效指标：车辆完好率≥95%。</p>
<p>三、工作保障措施</p>
<p>1、完善制度建设。<br />2、加强支出管理。</p>
<h2>第二部分 预算项目绩效目标</h2>
"""

_PROJECT_TABLE = """
<table border="1" cellspacing="0" width="100%">
<tbody>
<tr><td colspan="7" align="center"><b>1.公务用车运行维护经费绩效目标表</b></td></tr>
<tr><td colspan="5">430001某某县机关事务服务中心本级</td><td colspan="9999" align="right">单位：万元</td></tr>
<tr><td colspan="0">项目编码</td><td colspan="2">13052424P0000021001</td><td>项目名称</td><td colspan="3">公务用车运行维护经费</td></tr>
<tr>
  <td rowspan="2">预算规模及资金用途</td><td>预算<br>数</td><td>20.00</td>
  <td>其中：财政&nbsp;&nbsp;&nbsp;&nbsp;资金</td><td>20.00</td><td>其他资金</td><td>&nbsp;</td>
</tr>
<tr><td colspan="6">用于公务用车的燃油、维修、保险等运行维护支出</td></tr>
<tr>
  <td rowspan="2">资金支出计划（%）</td><td rowspan="abc">3月底</td><td>6月底</td>
  <td colspan="2">10月底</td><td colspan="2">12月底</td>
</tr>
<tr><td>25%</td><td>50%</td><td colspan="2">75%</td><td colspan="2">100%</td></tr>
<tr><td>绩效目标</td><td colspan="6">1.保障公务用车安全正常运行。<br>2.控制运行维护成本。</td></tr>
<tr>
  <td>一级指标</td><td>二级指标</td><td>三级指标</td><td>绩效指标描述</td><td>指标值</td>
  <td colspan="2">指标值确定依据</td>
</tr>
<tr>
  <td rowspan="5">产出指标</td><td rowspan="2">数量指标</td><td>保障公务用车数量</td>
  <td>保障公务用车正常运行的数量</td><td>≥25辆</td><td colspan="2">计划标准</td>
</tr>
<tr><td>车辆年检率</td><td>按期年检车辆占比</td><td>100%</td><td colspan="2">行业标准</td></tr>
<tr>
  <td>质量指标</td><td>车辆完好率</td><td>车辆完好的比例</td><td>≥95%</td><td colspan="2">历史标准</td>
</tr>
<tr>
  <td>时效指标</td><td>维修及时率</td><td>报修后及时维修的比例</td><td>≥90%</td>
  <td colspan="2">计划标准</td>
</tr>
<tr>
  <td>成本指标</td><td>单车运行维护费</td><td>每辆车的年运行维护费用</td><td>≤1.8万元/辆</td>
  <td colspan="2">计划标准</td>
</tr>
<tr>
  <td rowspan="2">效益指标</td><td>社会效益指标</td><td>公务出行保障</td><td>保障公务出行</td>
  <td>有效保障</td><td colspan="2">计划标准</td>
</tr>
<tr>
  <td>可持续影响指标</td><td>车辆使用年限</td><td>延长车辆使用年限</td><td>长效提升</td>
  <td colspan="2">计划标准</td>
</tr>
<tr>
  <td rowspan="999">满意度指标</td><td>服务对象满意度指标</td><td>用车单位满意度</td>
  <td>用车单位对保障的满意程度</td><td>≥90%</td><td colspan="2">计划标准</td>
</tr>
</tbody>
</table>
"""


def county_page() -> bytes:
    """A county site's page in GBK (see the module docstring)."""
    page = (
        _CHROME_TOP
        + """
<table width="960" border="0" align="center" cellpadding="0" cellspacing="0" class="main">
  <tr>
    <td align="center" class="title">某某县机关事务服务中心2024年部门预算公开</td>
  </tr>
  <tr>
    <td align="center">发布时间：2024-02-05&nbsp;&nbsp;来源：某某县机关事务服务中心</td>
  </tr>
  <tr>
    <td class="content">
      <div class="TRS_Editor">
      <h3>一、部门预算公开表格</h3>
"""
        + _INCOME_TABLE
        + """
      <table width="100%"><tr><td>
"""
        + _THREE_PUBLIC_TABLE
        + """
      </td></tr></table>
"""
        + _GOALS
        + _PROJECT_TABLE
        + """
      </div>
    </td>
  </tr>
  <tr><td align="right"><a href="javascript:window.print()">【打印本页】</a>
    <a href="javascript:window.close()">【关闭窗口】</a></td></tr>
</table>
"""
        + _CHROME_BOTTOM
    )
    return page.encode("gbk")


def excel_sheet() -> bytes:
    """One sheet as Excel saves it as a web page (UTF-8, as Excel declares it)."""
    page = """<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet>
<style>
<!--table {mso-displayed-decimal-separator:"\\.";}
.xl65 {mso-number-format:"\\#\\,\\#\\#0\\.00";}
-->
</style>
</head>
<body link=blue vlink=purple>
<table border=0 cellpadding=0 cellspacing=0 width=700 style='border-collapse:collapse;table-layout:fixed'>
 <col width=60><col width=120><col width=220><col width=0 style='display:none'><col width=100 span=2>
 <tr height=36>
  <td colspan=5 height=36 class=xl70 width=600>2024年部门预算支出总表</td>
  <td style='display:none'></td>
 </tr>
 <tr height=20>
  <td colspan=3 class=xl66>430001某某县机关事务服务中心</td>
  <td style='display:none'>隐藏</td>
  <td colspan=2 class=xl67>单位：元</td>
 </tr>
 <tr height=20>
  <td class=xl68>科目编码</td><td class=xl68>科目名称</td><td class=xl68>合计</td>
  <td class=xl68 style='display:none'>旧数</td>
  <td class=xl68>基本支出</td><td class=xl68>项目支出</td>
 </tr>
 <tr height=20>
  <td class=xl69 x:str>201</td><td class=xl69>一般公共服务支出</td>
  <td class=xl65 align=right x:num="1580000">1,580,000.00</td>
  <td class=xl65 style='display:none' x:num="1">1.00</td>
  <td class=xl65 align=right x:num="1200000">1,200,000.00</td>
  <td class=xl65 align=right x:num="380000">380,000.00</td>
 </tr>
 <tr height=20>
  <td class=xl69 x:str>2010301</td><td class=xl69>行政运行</td>
  <td class=xl65 align=right x:num="1200000">1,200,000.00</td>
  <td class=xl65 style='display:none' x:num="1">1.00</td>
  <td class=xl65 align=right x:num="1200000">1,200,000.00</td>
  <td class=xl65 align=right x:num>0.00</td>
 </tr>
 <![if supportMisc]><tr height=0 style='display:none'><td width=60></td></tr><![endif]>
</table>
</body>
</html>
"""
    return page.encode("utf-8")


def word_page() -> bytes:
    """A UTF-8 page Word saved, with no charset declaration at all."""
    page = """<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15"></head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<div class=WordSection1>
<p class=MsoTitle align=center>某某县机关事务服务中心2024年部门预算公开</p>
<p class=MsoNormal><a name="_Toc1"></a><b><span style='font-family:黑体'>一、部门预算公开表格</span></b><o:p></o:p></p>
<p class=MsoNormal align=center style='text-align:center'><b>部门预算财政拨款“三公”经费支出表</b><o:p></o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>
 <tr><td colspan=3><p class=MsoNormal>430001某某县机关事务服务中心</p></td>
  <td colspan=2><p class=MsoNormal align=right>单位：万元<o:p></o:p></p></td></tr>
 <tr><td><p class=MsoNormal>项目</p></td><td><p class=MsoNormal>合计</p></td>
  <td><p class=MsoNormal>因公出国（境）费</p></td>
  <td><p class=MsoNormal>公务用车购置及运维费</p></td>
  <td><p class=MsoNormal>公务接待费</p></td></tr>
 <tr><td><p class=MsoNormal>“三公”经费</p></td><td><p class=MsoNormal>1.20</p></td>
  <td><p class=MsoNormal>0.00</p></td><td><p class=MsoNormal>0.80</p></td>
  <td><p class=MsoNormal>0.40<o:p>&nbsp;</o:p></p></td></tr>
</table>
<p class=MsoNormal><span style='mso-spacerun:yes'>  </span>注：2024年“三公”经费预算比上年减少0.10万元。</p>
</div>
</body>
</html>
"""
    return page.encode("utf-8")


def attachment_page() -> bytes:
    """A 公开 notice whose tables are in attached files (no table on the page)."""
    page = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>2024年部门预算公开</title></head>
<body>
<div class="article">
<h1>某某县机关事务服务中心2024年部门预算公开</h1>
<p>根据《中华人民共和国预算法》的规定，现将我单位2024年部门预算公开如下。</p>
<p>附件：<a href="/uploads/2024/02/部门预算公开表.xlsx">部门预算公开表.xlsx</a></p>
<p><a href="/uploads/2024/02/%E9%A1%B9%E7%9B%AE%E6%94%AF%E5%87%BA.pdf?v=2">项目支出.pdf</a></p>
</div>
</body></html>
"""
    return page.encode("utf-8")


def image_page() -> bytes:
    """A 公开 notice whose tables are scanned pictures."""
    page = """<html><head><meta charset="utf-8"></head><body>
<p>部门预算收入总表</p><p><img src="/images/table1.jpg" alt=""></p>
<p>项目支出绩效目标表</p><p><img src="/images/table2.jpg"></p>
</body></html>"""
    return page.encode("utf-8")


BUILDERS = {
    "county_page.html": county_page,
    "excel_sheet.html": excel_sheet,
    "word_page.html": word_page,
    "attachment_page.html": attachment_page,
    "image_page.html": image_page,
}


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "html_fixtures")
    folder.mkdir(parents=True, exist_ok=True)
    for name, build in BUILDERS.items():
        path = folder / name
        path.write_bytes(build())
        print(path)
