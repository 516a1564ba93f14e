import type { BatchPreview } from '@/lib/batch/batch-preview';
import { models } from '@/lib/generation/models';
import { formatUsd } from '@/lib/generation/request-fields';
import { shownPrompt } from '../format';

/** Every row as it will be made, or what is wrong with it, cell by cell: nothing is stored until all are right. */
export function BatchPreviewTable({ preview }: { preview: BatchPreview }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-line" data-testid="batch-preview-table">
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption className="sr-only">Every row of the file as the clip it will make, or what is wrong with it</caption>
        <thead className="bg-raised text-xs text-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Row</th>
            <th scope="col" className="px-3 py-2 font-medium">Prompt</th>
            <th scope="col" className="px-3 py-2 font-medium">Model</th>
            <th scope="col" className="px-3 py-2 font-medium">Size</th>
            <th scope="col" className="px-3 py-2 font-medium">Length</th>
            <th scope="col" className="px-3 py-2 font-medium">Seed</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Cost</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {preview.rows.map(({ row, request, problems, costCents }) =>
            request ? (
              <tr key={row} data-testid="batch-row" data-row={row}>
                <th scope="row" className="px-3 py-2 font-normal tabular-nums text-muted">{row}</th>
                <td className="max-w-md px-3 py-2">
                  <span className="line-clamp-2">{shownPrompt(request.prompt)}</span>
                  {request.mode === 'image-to-video' && <span className="text-xs text-muted">From a start image</span>}
                </td>
                <td className="whitespace-nowrap px-3 py-2">{models[request.model].label}</td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums" data-testid="batch-row-size">
                  {request.resolution}
                  {request.mode === 'image-to-video' ? '' : ` · ${request.aspectRatio}`}
                </td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums" data-testid="batch-row-duration">{request.duration} s</td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{request.seed ?? <span className="text-muted">random</span>}</td>
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{costCents === null ? '—' : formatUsd(costCents)}</td>
              </tr>
            ) : (
              <tr key={row} data-testid="batch-row" data-row={row} data-invalid="true" className="bg-danger/5">
                <th scope="row" className="px-3 py-2 align-top font-normal tabular-nums text-danger">{row}</th>
                <td colSpan={6} className="px-3 py-2">
                  {/* Kept in view while the table scrolls sideways on a phone, and wrapped to the screen's width. */}
                  <ul className="sticky left-3 max-w-[calc(100vw-8rem)] space-y-0.5 text-danger sm:max-w-none" data-testid="batch-row-problems">
                    {problems.map((problem) => (
                      <li key={`${problem.column}:${problem.message}`}>
                        {problem.column ? <span className="font-medium">{problem.column}: </span> : null}
                        {problem.message}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
