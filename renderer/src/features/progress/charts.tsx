import { AgCharts } from 'ag-charts-react';
import { AllCommunityModule, ModuleRegistry, type AgCartesianChartOptions } from 'ag-charts-community';
import { useMemo } from 'react';
import type { OpOutput } from '../../../../electron/api/types';
import { formatDate, formatNumber, formatPercent } from '../../../../common/format';
import { useT } from '../../i18n';
import { STYLE_NONCE } from '../../components/style-nonce';
import { chartLocale } from '../../components/grid-locale';
import i18next from 'i18next';

ModuleRegistry.registerModules([AllCommunityModule]);

type Trend = OpOutput<'progress.dashboard'>['field']['trend'];
type Curve = Omit<OpOutput<'participation.curve'>, 'sessions'> & {
  sessions?: OpOutput<'participation.curve'>['sessions'];
};

const shortDate = (value: string) => formatDate(value).slice(0, 5);

/** AG Charts reads a key with dots (kode `33.16.01`) as a path; the series key is the position instead. */
const seriesKey = (index: number) => `k${index}`;

/** Families covered per day, one line per kecamatan (from `visited_at`). */
export function TrendChart({ trend, height = 280 }: { trend: Trend; height?: number }) {
  const t = useT();
  const options = useMemo<AgCartesianChartOptions>(() => {
    const data = trend.days.map((day, i) =>
      Object.fromEntries([['day', day], ...trend.kecamatan.map((k, n) => [seriesKey(n), k.daily[i]])]),
    );
    return {
      data,
      height,
      series: trend.kecamatan.map((k, n) => ({
        type: 'line',
        xKey: 'day',
        yKey: seriesKey(n),
        yName: k.nama,
        marker: { enabled: false },
      })),
      axes: {
        x: { type: 'category', position: 'bottom', label: { formatter: ({ value }) => shortDate(String(value)) } },
        y: { type: 'number', position: 'left', label: { formatter: ({ value }) => formatNumber(Number(value)) } },
      },
      legend: { position: 'right', item: { label: { fontSize: 10 } } },
      title: { text: t('progress.trend'), fontSize: 13 },
    };
  }, [trend, height, t]);
  return (
    <div className="chart" data-testid="trend-chart">
      <AgCharts options={{ ...options, ...chartLocale(i18next.language), styleNonce: STYLE_NONCE }} />
    </div>
  );
}

/** The cumulative SP Online rate per day against the target line; jemput bola sessions as markers. */
export function CurveChart({
  curve,
  title,
  height = 260,
  testId,
}: {
  curve: Curve;
  title: string;
  height?: number;
  testId?: string;
}) {
  const t = useT();
  const options = useMemo<AgCartesianChartOptions>(() => {
    const sessionsByDay = new Map<string, number>();
    for (const s of curve.sessions ?? [])
      sessionsByDay.set(s.tanggal, (sessionsByDay.get(s.tanggal) ?? 0) + s.kkDibantu);
    return {
      data: curve.points.map((p) => ({ ...p, rate: p.rateKkPct ?? 0 })),
      height,
      series: [
        {
          type: 'line',
          xKey: 'tanggal',
          yKey: 'rate',
          yName: t('participation.series.rate'),
        },
      ],
      axes: {
        x: {
          type: 'category',
          position: 'bottom',
          label: { formatter: ({ value }) => shortDate(String(value)) },
          crossLines: [...sessionsByDay].map(([day, kk]) => ({
            type: 'line' as const,
            value: day,
            stroke: '#d97706',
            lineDash: [4, 3],
            label: {
              text: `${t('participation.sessions')} (${formatNumber(kk)} KK)`,
              position: 'top' as const,
              fontSize: 10,
            },
          })),
        },
        y: {
          type: 'number',
          position: 'left',
          min: 0,
          label: { formatter: ({ value }) => formatPercent(Number(value), 0) },
          crossLines:
            curve.targetPct == null
              ? []
              : [
                  {
                    type: 'line' as const,
                    value: curve.targetPct,
                    stroke: '#c0392b',
                    lineDash: [6, 4],
                    label: {
                      text: `${t('participation.target.line')} ${formatPercent(curve.targetPct)}`,
                      position: 'right' as const,
                    },
                  },
                ],
        },
      },
      legend: { enabled: false },
      title: { text: title, fontSize: 13 },
    };
  }, [curve, title, height, t]);
  return (
    <div className="chart" data-testid={testId}>
      <AgCharts options={{ ...options, ...chartLocale(i18next.language), styleNonce: STYLE_NONCE }} />
    </div>
  );
}
