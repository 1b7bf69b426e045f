import { AlignmentType, ImageRun, Paragraph, TextRun } from 'docx';
import { chartPng } from '../charts/chartPng.js';
import { DEFAULT_CHART_SIZE } from '../charts/chartSvg.js';
import type { Chart } from '../model.js';
import { figureCaption } from '../reportText.js';
import { TEXT_WIDTH_PX } from './docxStyles.js';

/** A chart as its numbered caption and a PNG image as wide as the text, drawn on the server. */
export function docxChart(chart: Chart, number: number): Paragraph[] {
  const { png } = chartPng(chart);
  const width = TEXT_WIDTH_PX;
  const height = Math.round((width * DEFAULT_CHART_SIZE.height) / DEFAULT_CHART_SIZE.width);
  return [
    new Paragraph({ style: 'ReportCaption', children: [new TextRun(figureCaption(number, chart.title))] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width, height },
          altText: { name: figureCaption(number, chart.title), title: chart.title, description: `${chart.title}（单位：${chart.unit}）` },
        }),
      ],
    }),
  ];
}
