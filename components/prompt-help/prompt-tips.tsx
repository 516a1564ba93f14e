import { promptTips } from '@/lib/prompts/prompt-help';

/** The documented advice, one line each. */
export function PromptTips() {
  return (
    <dl className="space-y-1.5 text-xs" data-testid="prompt-tips">
      {promptTips.map((tip) => (
        <div key={tip.title} className="sm:flex sm:gap-2">
          <dt className="shrink-0 font-medium text-ink sm:w-32">{tip.title}</dt>
          <dd className="text-muted">{tip.text}</dd>
        </div>
      ))}
    </dl>
  );
}
