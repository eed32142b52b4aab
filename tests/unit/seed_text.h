/* seed_text.h - two paragraphs of the seed plan's text that the width and
 * wrapping tests (test_textwidth.c, test_textwrap.c) measure and break. */
#ifndef DUBAN_TEST_SEED_TEXT_H
#define DUBAN_TEST_SEED_TEXT_H

/* Seed plan (haiyan-2021-h2.txt) lines 10 and 19: mixed CJK, ASCII and
 * full-width punctuation, ambiguous quotes. */
static const char SEED_10[] =
    "完善产业基金运行管理机制,用好“基金+股权+项目”招商。针对重大产业项目、高精专类科技项目,"
    "组建专班集中攻坚。探索加大市场化招商,注重以商引商。";
static const char SEED_19[] =
    "坚持企业需求导向,务实精准企业“三服务”,着力帮助解决企业融资、用地、用工等实际困难,"
    "提振市场信心。深入实施新一轮“雄鹰计划”“凤凰行动”和“上市50”专项行动。扎实做好雏鹰"
    "企业、瞪羚企业、独角兽企业培育,滚动实施“专精特新”精准化诊断培育计划,培植一批单打冠军、"
    "隐形冠军。";

#endif
