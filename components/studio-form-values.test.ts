import { describe, expect, it } from 'vitest';
import { generationRequestSchema } from '@/lib/generation/schema';
import { toRequestInput } from '@/lib/presets/form-request';
import { defaultFormValues } from './studio-form-values';

describe('defaultFormValues', () => {
  it('starts from the schema’s defaults: an untouched form asks for what an empty request means', () => {
    const request = generationRequestSchema.parse(toRequestInput({ ...defaultFormValues(7), prompt: 'a paper boat' }));
    expect(request).toEqual(generationRequestSchema.parse({ prompt: 'a paper boat', seed: 7 }));
  });
});
