'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatUsd } from '@/lib/generation/request-fields';
import type { UsageDayPoint } from '@/lib/usage/report';
import { formatDay } from './usage-format';

// Recharts lives only here, and this module is loaded with next/dynamic from the usage page alone.

export type ChartMetric = 'clips' | 'spend';

export const outcomeSeries = [
  { key: 'succeeded', label: 'Succeeded', color: 'var(--success)' },
  { key: 'failed', label: 'Failed', color: 'var(--danger)' },
  { key: 'cancelled', label: 'Cancelled', color: 'var(--muted)' },
  { key: 'running', label: 'In progress', color: 'var(--accent)' },
] as const;

const axis = { stroke: 'var(--muted)', fontSize: 12 };

/** Clips per day stacked by outcome, or estimated spend per day. Drawn only; the data is also in a table for screen readers. */
export default function UsageChart({ days, metric }: { days: UsageDayPoint[]; metric: ChartMetric }) {
  const data = days.map((day) => ({ ...day, label: formatDay(day.day), dollars: day.cents / 100 }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="var(--line)" />
        <XAxis dataKey="label" tick={axis} tickLine={false} axisLine={{ stroke: 'var(--line)' }} minTickGap={16} />
        <YAxis tick={axis} tickLine={false} axisLine={false} allowDecimals={metric === 'spend'} width={metric === 'spend' ? 56 : 40} tickFormatter={metric === 'spend' ? (value: number) => `$${value}` : undefined} />
        <Tooltip
          cursor={{ fill: 'var(--raised)' }}
          contentStyle={{ background: 'var(--surface)', border: '1px solid var(--line)', borderRadius: 8, color: 'var(--ink)', fontSize: 13 }}
          labelStyle={{ color: 'var(--ink)', fontWeight: 600 }}
          formatter={metric === 'spend' ? (value) => formatUsd(Number(value) * 100) : undefined}
        />
        {metric === 'clips' ? (
          <>
            <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12, color: 'var(--muted)' }} />
            {outcomeSeries.map((series) => (
              <Bar key={series.key} dataKey={series.key} name={series.label} stackId="outcome" fill={series.color} isAnimationActive={false} />
            ))}
          </>
        ) : (
          <Bar dataKey="dollars" name="Estimated spend" fill="var(--accent)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        )}
      </BarChart>
    </ResponsiveContainer>
  );
}
