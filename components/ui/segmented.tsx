'use client';

/** A row of mutually exclusive choices, as a labelled radio group. */
export function Segmented<T extends string | number>({
  name,
  label,
  options,
  value,
  onChange,
  disabled,
}: {
  name: string;
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="space-y-1.5" disabled={disabled}>
      <legend className="text-sm font-medium text-ink">{label}</legend>
      <div className="flex rounded-lg border border-line bg-raised p-0.5">
        {options.map((option) => {
          const id = `${name}-${option.value}`;
          const checked = option.value === value;
          return (
            <label
              key={id}
              htmlFor={id}
              className={`flex-1 cursor-pointer rounded-md px-2 py-1.5 text-center text-sm transition has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent ${
                checked ? 'bg-surface text-ink shadow-sm font-medium' : 'text-muted hover:text-ink'
              }`}
            >
              <input
                id={id}
                type="radio"
                name={name}
                className="sr-only"
                checked={checked}
                onChange={() => onChange(option.value)}
              />
              {option.label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
