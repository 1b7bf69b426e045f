/** The method in brief (methodology.md), as the annex of every report states it. */
import { joinNames } from './numbering.js';

export const METHOD_NOTES: readonly string[] = [
  '进展评估:有数值目标的指标,以2020年为基期,用最小二乘法计算实际年均变化速度,与从最新年份到目标年份实现目标所需的年均变化速度相比较;两者之比不低于0.95的为“进展顺利”,0.6至0.95之间的为“需加快进度”,0至0.6之间的为“难以如期达标”,变化方向与目标相反的为“出现退步”;已达到目标值的为“已达标”。“持续下降”“持续提高”“不再上升”等趋势目标,按年均变化方向和幅度评估。',
  '达标率:已达标指标数占可监测指标数的比重。缺少基期或最新数据、无法评估的指标计为“数据不足”,不计入可监测指标;定性目标单独评估,不计入达标率。',
  '预警:“出现退步”和“难以如期达标”的指标为红色预警;“需加快进度”的指标,以及最新一年变化幅度达到20%且明显大于以往(波动较大)的指标为黄色预警。',
  '数据汇总:上级单位未直接报送数值的,由所辖单位的分子、分母分别加总后计算,不对比率简单平均。',
  '数据精度:文中和表中数据按来源精度保留小数(比率一般保留一位小数),比上年变化按保留后的数据计算。',
];

/** 「本报告数据来源于:…。数据范围为四平市及所辖各级单位2020—2024年的数据,仅使用已批准的数据。」 */
export function dataScopeNote(sources: readonly string[], unitName: string, from: number, to: number, approvedOnly: boolean): string {
  const origin = sources.length === 0 ? `${unitName}各成员单位报送的数据` : joinNames(sources);
  const approval = approvedOnly ? '仅使用已经批准的数据' : '包括尚未批准的数据,以最终批准的数据为准';
  return `本报告数据来源于${origin}。数据范围为${unitName}及所辖各级单位${from}—${to}年的数据,${approval}。`;
}
