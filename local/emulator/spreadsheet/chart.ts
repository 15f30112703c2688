/**
 * Embedded charts recorded as data (type, ranges, options, position): enough for the add-on to
 * build its dashboards and for tests and the playground to inspect them. Nothing is drawn.
 */
import type { Ctx } from './context';
import type { ChartState } from './model';
import type { EmuRange } from './range';
import { EmuSheet } from './sheet';

/** EmbeddedChart. */
export class EmuEmbeddedChart {
  constructor(
    private readonly ctx: Ctx,
    private readonly sheetId: number,
    private readonly chart: ChartState,
  ) {}
  _state(): ChartState {
    return structuredClone(this.chart);
  }
  getChartId(): number {
    return this.chart.id;
  }
  getRanges(): EmuRange[] {
    return sourceRanges(this.ctx, this.sheetId, this.chart);
  }
  getOptions(): { get: (option: string) => unknown } {
    const options = this.chart.options;
    return { get: (option: string) => options[option] ?? null };
  }
  modify(): EmuEmbeddedChartBuilder {
    return new EmuEmbeddedChartBuilder(this.ctx, this.sheetId, structuredClone(this.chart));
  }
}

/** EmbeddedChartBuilder (and the as*Chart() variants, which only set the type here). */
export class EmuEmbeddedChartBuilder {
  private readonly chart: ChartState;

  constructor(
    private readonly ctx: Ctx,
    private readonly sheetId: number,
    chart: ChartState | null,
  ) {
    this.chart = chart ?? {
      id: 0,
      type: 'COLUMN',
      ranges: [],
      options: {},
      position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
    };
  }
  addRange(range: EmuRange): EmuEmbeddedChartBuilder {
    this.chart.ranges.push({ ...range.rect, sheetId: range.sheetId });
    return this;
  }
  clearRanges(): EmuEmbeddedChartBuilder {
    this.chart.ranges = [];
    return this;
  }
  /** Accepts Charts.ChartType constants (anything whose String() is the type name). */
  setChartType(type: unknown): EmuEmbeddedChartBuilder {
    this.chart.type = String(type);
    return this;
  }
  asColumnChart(): EmuEmbeddedChartBuilder {
    return this.setChartType('COLUMN');
  }
  asBarChart(): EmuEmbeddedChartBuilder {
    return this.setChartType('BAR');
  }
  asLineChart(): EmuEmbeddedChartBuilder {
    return this.setChartType('LINE');
  }
  asPieChart(): EmuEmbeddedChartBuilder {
    return this.setChartType('PIE');
  }
  asAreaChart(): EmuEmbeddedChartBuilder {
    return this.setChartType('AREA');
  }
  asComboChart(): EmuEmbeddedChartBuilder {
    return this.setChartType('COMBO');
  }
  setOption(option: string, value: unknown): EmuEmbeddedChartBuilder {
    this.chart.options[String(option)] = structuredClone(value);
    return this;
  }
  setTitle(chartTitle: string): EmuEmbeddedChartBuilder {
    return this.setOption('title', chartTitle);
  }
  setNumHeaders(headers: number): EmuEmbeddedChartBuilder {
    return this.setOption('numHeaders', headers);
  }
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): EmuEmbeddedChartBuilder {
    this.chart.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this;
  }
  getChartType(): string {
    return this.chart.type;
  }
  getRanges(): EmuRange[] {
    return sourceRanges(this.ctx, this.sheetId, this.chart);
  }
  build(): EmuEmbeddedChart {
    return new EmuEmbeddedChart(this.ctx, this.sheetId, structuredClone(this.chart));
  }
}

/** The chart's source ranges, each on the sheet it was taken from (the chart's own by default). */
function sourceRanges(ctx: Ctx, chartSheetId: number, chart: ChartState): EmuRange[] {
  return chart.ranges.map((r) =>
    new EmuSheet(ctx, r.sheetId ?? chartSheetId)._rangeUncharged(r.row, r.col, r.numRows, r.numCols),
  );
}
