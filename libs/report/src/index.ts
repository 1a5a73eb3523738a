export type {
  AblationRow,
  ComparisonRow,
  EvaluationRow,
  FilterRow,
  JudgeQualityRow,
  PipelineReport,
  StageTiming,
  TrainingCurve,
  TrainingPoint,
} from './report-data';
export { mcnemarExactP, pairedComparison, wilsonInterval } from './statistics';
export { renderMarkdown } from './render-markdown';
export { renderHtml } from './render-html';
export { markdownToHtml } from './markdown-to-html';
export { intervalBarChart, lineChart } from './svg-charts';
export type { IntervalBar, LineSeries } from './svg-charts';
export { writeReport } from './write-report';
export type { WrittenReport } from './write-report';
