import { formatUsd } from '@/lib/generation/request-fields';
import type { UsageDayPoint } from '@/lib/usage/report';
import { formatDay } from './usage-format';

/** The chart's numbers as a table, visually hidden: what a screen reader reads instead of the drawing. */
export function UsageChartTable({ days, caption }: { days: UsageDayPoint[]; caption: string }) {
  // The wrapper hides it: a table ignores sr-only's 1 px width and overflow, and would widen the page.
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Succeeded</th>
            <th scope="col">Failed</th>
            <th scope="col">Cancelled</th>
            <th scope="col">In progress</th>
            <th scope="col">Estimated spend</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.day}>
              <th scope="row">{formatDay(day.day)}</th>
              <td>{day.succeeded}</td>
              <td>{day.failed}</td>
              <td>{day.cancelled}</td>
              <td>{day.running}</td>
              <td>{formatUsd(day.cents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
